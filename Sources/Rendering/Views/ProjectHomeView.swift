import Analysis
import Model

/// A project's home page (`project.mustache`): the contract, every month, decisions and the feedback archive.
struct ProjectHomeView: Sendable {
    struct MonthRow: Sendable { var month: String; var link: String; var status: String; var statusClass: String; var statusIcon: String; var effect: String; var move: String; var warnings: String }
    struct Entry: Sendable { var date: String; var heading: String; var meta: String; var bodyHTML: String }

    var page: PageFrame
    var projectTitle: String
    var summary: String
    var contract: ContractView
    var months: [MonthRow]
    var decisions: [Entry]
    var hasDecisions: Bool
    var notes: [Entry]
    var hasNotes: Bool

    static func make(project: Project, analyses: [MonthlyAnalysis], settings: SiteSettings, editions: [Month: Int]) -> ProjectHomeView {
        let contract = project.contract
        let unit = contract.outcome?.unit ?? ""
        let root = "../../"
        let months = analyses.reversed().map { analysis in
            let (statusClass, icon) = SummaryView.statusStyle(analysis.attribution.status)
            return MonthRow(month: Format.shortMonth(analysis.month) + (editions[analysis.month].map { " · v\($0)" } ?? " · draft"),
                            link: root + "\(analysis.month)/\(project.id)/index.html",
                            status: analysis.attribution.status.words, statusClass: statusClass, statusIcon: icon,
                            effect: analysis.attribution.effect.map { Format.effect($0, unit: unit) } ?? "—",
                            move: analysis.recommendation.move.words, warnings: analysis.warnings.isEmpty ? "" : "⚠ \(analysis.warnings.count)")
        }
        let decisions = project.decisions.reversed().map { decision in
            Entry(date: Format.day(decision.date), heading: "\(decision.review) review: \(decision.decision.words)", meta: "",
                  bodyHTML: MarkdownRenderer.render(decision.body).html)
        }
        let notes = project.notes.reversed().map { note in
            Entry(date: Format.day(note.date), heading: note.source.rawValue,
                  meta: [note.author, note.sentiment?.rawValue, note.tags.isEmpty ? nil : note.tags.joined(separator: ", ")].compactMap { $0 }.joined(separator: " · "),
                  bodyHTML: MarkdownRenderer.render(note.body).html)
        }
        return ProjectHomeView(page: PageFrame(settings: settings, root: root, title: contract.title), projectTitle: contract.title,
                               summary: contract.summary, contract: ContractView(contract, settings: settings), months: months,
                               decisions: decisions, hasDecisions: !decisions.isEmpty, notes: notes, hasNotes: !notes.isEmpty)
    }
}
