import Analysis
import Model

/// The one-page monthly summary's view model: plain, pre-formatted values for `summary.mustache`.
///
/// Fields ending in `HTML` are already safe markup and are the only ones templates emit with `{{{ }}}`.
public struct SummaryView: Sendable {
    struct Row: Sendable { var name: String; var value: String; var detail: String; var state: String; var sparkHTML: String }
    struct Quote: Sendable { var text: String; var who: String }
    struct Note: Sendable { var date: String; var source: String; var author: String; var sentiment: String; var bodyHTML: String }
    struct Line: Sendable { var text: String }
    struct WarningItem: Sendable { var code: String; var message: String }
    struct Link: Sendable { var label: String; var link: String }

    var root: String
    var page: PageFrame
    var projectTitle: String
    var projectID: String
    var owner: String
    var monthWords: String
    var edition: String
    var restatement: [Line]
    var hasRestatement: Bool
    var restatedFrom: String
    var editionLink: String?
    var previousEditions: [Link]
    var cutoff: String
    var status: String
    var statusClass: String
    var statusIcon: String
    var headline: String
    var targetLine: String
    var amendedLine: String?
    var methodCaveat: String?
    var chartHTML: String
    var systemState: String
    var systemClass: String
    var systemRows: [Row]
    var adoptionHeadline: String
    var adoptionSparkHTML: String
    var usageRows: [Row]
    var onAdopters: String?
    var money: [Row]
    var notesSummary: String
    var quotes: [Quote]
    var notes: [Note]
    var hasNotes: Bool
    var working: [Line]
    var notYet: [Line]
    var nextMove: String
    var rule: String
    var decision: String?
    var events: [Line]
    var warnings: [WarningItem]
    var hasWarnings: Bool

    /// Builds the view of one analysed month.
    static func make(_ analysis: MonthlyAnalysis, project: Project, settings: SiteSettings, root: String) -> SummaryView {
        let contract = project.contract
        let metric = contract.outcome
        let unit = metric?.unit ?? ""
        let result = analysis.attribution
        let currency = settings.currency

        let name = metric?.name ?? contract.outcomeMetric
        var headline: String
        if let effect = result.effect, let baseline = result.baseline {
            let verb = effect.estimate < 0 ? "fell" : effect.estimate > 0 ? "rose" : "did not move"
            let percent = baseline.mean == 0 ? "" : Format.signedPercent(effect.estimate / baseline.mean * 100) + "; "
            let range = "range \(Format.signed(effect.low)) to \(Format.signed(effect.high, unit: unit))"
            headline = result.status == .flat
                ? "\(name): no change distinguishable from noise (\(Format.signed(effect.estimate, unit: unit)); \(range))"
                : "\(name) \(verb) \(Format.number(abs(effect.estimate), unit: unit)) (\(percent)\(range))"
        } else if result.status == .tooEarly {
            headline = "\(name): too early to estimate an effect — fewer than 2 post-launch months."
        } else {
            headline = "\(name): no effect could be estimated. " + result.problems.joined(separator: "; ")
        }
        if let value = analysis.outcomeValue { headline += ". This month: \(Format.number(value, unit: unit))" }
        let targetText = analysis.targetEffect.map { "\(Format.signed($0, unit: unit)) (\(contract.target.text))" } ?? contract.target.text
        let targetLine = "Against a target of \(targetText) by \(Format.shortMonth(contract.target.by)). Method: \(contract.attribution.method.words)."
        let amendedLine = analysis.amendment.map { amendment, _ in
            "Target amended on \(Format.day(amendment.date)) to \(amendment.target?.text ?? "—") by \(amendment.target.map { Format.shortMonth($0.by) } ?? "—"): \(amendment.reason) This page reports against the original target."
        }
        let caveat = contract.attribution.method == .beforeAfter
            ? "Before-after comparison: no comparison group controls for other causes, so part of any change may not be due to the AI." : nil

        let systemRows = analysis.system.checks.map { check in
            let slo = [check.metric.sloMin.map { "≥ " + Format.number($0, unit: check.metric.unit) },
                       check.metric.sloMax.map { "≤ " + Format.number($0, unit: check.metric.unit) }].compactMap { $0 }.joined(separator: ", ")
            return Row(name: check.metric.name, value: check.value.map { Format.number($0, unit: check.metric.unit) } ?? "no data",
                       detail: "SLO " + slo, state: check.state.rawValue,
                       sparkHTML: Sparkline.svg(check.series.filter { $0.0 <= analysis.month }.suffix(12).map(\.1), label: check.metric.name).markup)
        }
        var adoptionHeadline = "Adoption not tracked"
        var adoptionSpark = ""
        if let adoption = analysis.adoption {
            if let rate = adoption.rate {
                adoptionHeadline = Format.percent(rate) + (adoption.eligible.map { " of " + Format.count($0) } ?? "")
            } else {
                adoptionHeadline = "no adoption data this month"
            }
            let rates = adoption.series.filter { $0.key <= analysis.month }.sorted { $0.key < $1.key }.suffix(12).map(\.value)
            adoptionSpark = Sparkline.svg(rates, label: "Adoption rate").markup
        }
        let usageRows = analysis.usage.filter { $0.metric.id != contract.adoption?.metric }.map { usage in
            let change = usage.value.flatMap { v in usage.previous.map { Format.signed(v - $0) } }
            return Row(name: usage.metric.name, value: usage.value.map { Format.number($0, unit: usage.metric.unit) } ?? "no data",
                       detail: change.map { "(\($0) on last month)" } ?? "", state: "", sparkHTML: "")
        }
        let onAdopters = analysis.adoption?.effectOnAdopters.map {
            "On adopters: \(Format.signed($0.estimate, unit: unit)) (range \(Format.signed($0.low)) to \(Format.signed($0.high, unit: unit))), assuming non-adopters are unaffected."
        }

        var money: [Row] = []
        if let figures = analysis.money {
            func m(_ value: Double?) -> String { value.map { Format.money($0, currency: currency) } ?? "unknown" }
            money.append(Row(name: "Benefit", value: m(figures.benefit),
                             detail: figures.benefitLow.map { "range \(m($0)) to \(m(figures.benefitHigh))" } ?? "", state: "", sparkHTML: ""))
            money.append(Row(name: "Run cost", value: m(figures.runCost), detail: "", state: "", sparkHTML: ""))
            money.append(Row(name: "Net", value: figures.net.map { ($0 > 0 ? "+" : "") + Format.money($0, currency: currency) } ?? "unknown",
                             detail: "", state: (figures.net ?? 0) >= 0 ? "good" : "bad", sparkHTML: ""))
            money.append(Row(name: "Cumulative net", value: m(figures.cumulativeNet), detail: "incl. investment", state: "", sparkHTML: ""))
            money.append(Row(name: "Payback", value: figures.payback.map(Format.shortMonth) ?? "not yet", detail: "", state: "", sparkHTML: ""))
            if let roi = figures.roi { money.append(Row(name: "ROI to date", value: Format.signedPercent(roi * 100), detail: "", state: "", sparkHTML: "")) }
        }

        let rendered = analysis.notes.map { ($0, MarkdownRenderer.render($0.body)) }
        let quotes = rendered.flatMap { note, markdown in
            markdown.pullQuotes.map { Quote(text: $0, who: [note.source.rawValue, note.author].compactMap { $0 }.joined(separator: " · ")) }
        }
        let notes = rendered.map { note, markdown in
            Note(date: Format.day(note.date), source: note.source.rawValue, author: note.author ?? "",
                 sentiment: note.sentiment?.rawValue ?? "", bodyHTML: markdown.html)
        }
        var notesSummary = "No feedback note this month."
        if !analysis.notes.isEmpty {
            let sources = Dictionary(grouping: analysis.notes, by: \.source).sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value.count) \($0.key.rawValue)\($0.value.count > 1 ? "s" : "")" }
            let sentiments = Set(analysis.notes.compactMap(\.sentiment))
            let tone = sentiments.count == 1 ? sentiments.first!.rawValue : sentiments.isEmpty ? "" : "mixed"
            notesSummary = "\(analysis.notes.count) note\(analysis.notes.count > 1 ? "s" : ""): \(sources.joined(separator: ", "))" + (tone.isEmpty ? "" : "; \(tone)")
        }

        let (working, notYet) = Self.assessment(analysis)
        let decision = analysis.latestDecision.map {
            "Decision recorded \(Format.day($0.date)) (\($0.review) review): \($0.decision.words)."
        }
        let events = analysis.events.map { Line(text: "\(Format.day($0.date)): \($0.label)") }
        let (statusClass, statusIcon) = Self.statusStyle(result.status)
        return SummaryView(
            root: root, page: PageFrame(settings: settings, root: root, title: "\(contract.title) — \(Format.month(analysis.month))"),
            projectTitle: contract.title, projectID: project.id, owner: contract.owner, monthWords: Format.month(analysis.month),
            edition: analysis.edition.map { "v\($0)" } ?? "draft",
            restatement: analysis.restatement.map { Self.restatementLines($0, contract: contract, currency: currency) } ?? [],
            hasRestatement: !(analysis.restatement?.isEmpty ?? true),
            restatedFrom: analysis.restatement.map { "v\($0.previousVersion) (data as of \(Format.day($0.previousCutoff)))" } ?? "",
            editionLink: analysis.edition.map { root + "\(analysis.month)/v\($0)/\(project.id)/index.html" },
            previousEditions: analysis.previousEditions.map { Link(label: "v\($0)", link: root + "\(analysis.month)/v\($0)/\(project.id)/index.html") },
            cutoff: analysis.edition == nil ? "draft: all data to date" : "data as of \(Format.day(analysis.cutoff))", status: result.status.words, statusClass: statusClass, statusIcon: statusIcon,
            headline: headline, targetLine: targetLine, amendedLine: amendedLine, methodCaveat: caveat,
            chartHTML: OutcomeChart.svg(analysis, contract: contract).markup,
            systemState: analysis.system.state.rawValue, systemClass: analysis.system.state == .degraded ? "bad" : analysis.system.state == .healthy ? "good" : "neutral",
            systemRows: systemRows, adoptionHeadline: adoptionHeadline, adoptionSparkHTML: adoptionSpark, usageRows: usageRows,
            onAdopters: onAdopters, money: money, notesSummary: notesSummary, quotes: quotes, notes: notes, hasNotes: !notes.isEmpty,
            working: working.map(Line.init), notYet: notYet.map(Line.init), nextMove: analysis.recommendation.move.words,
            rule: analysis.recommendation.rule, decision: decision, events: events,
            warnings: analysis.warnings.map { WarningItem(code: $0.code, message: $0.message) }, hasWarnings: !analysis.warnings.isEmpty)
    }

    /// "What changed" lines of a restatement: old → new for each headline figure, then the corrected values.
    static func restatementLines(_ restatement: Restatement, contract: OutcomeContract, currency: String) -> [Line] {
        let unit = contract.outcome?.unit ?? ""
        var lines: [Line] = []
        for change in restatement.headline {
            if let (old, new) = change.statuses {
                lines.append(Line(text: "Status: \(old.words) → \(new.words)"))
                continue
            }
            guard let (old, new) = change.numbers else { continue }
            let (name, format): (String, (Double) -> String) = switch change.field {
            case "effect": ("Effect", { Format.signed($0, unit: unit) })
            case "low": ("Range, low end", { Format.signed($0, unit: unit) })
            case "high": ("Range, high end", { Format.signed($0, unit: unit) })
            case "benefit": ("Benefit (month)", { Format.money($0, currency: currency) })
            case "net": ("Net (month)", { Format.money($0, currency: currency) })
            case "cumulative_net": ("Cumulative net", { Format.money($0, currency: currency) })
            case "adoption": ("Adoption", { Format.percent($0) })
            default: (change.field, { Format.number($0) })
            }
            let (before, after) = (old.map(format) ?? "none", new.map(format) ?? "none")
            if before != after { lines.append(Line(text: "\(name): \(before) → \(after)")) }
        }
        if lines.isEmpty { lines.append(Line(text: "No headline figure changed at the precision shown; the data below did.")) }
        let shown = 4
        for value in restatement.values.prefix(shown) {
            lines.append(Line(text: "Because \(ReportDocument.snapshotName(value.newSnapshot)) corrected \(value.metric) (\(value.segment)) for \(value.period): \(Format.exact(value.oldValue)) → \(Format.exact(value.newValue))"))
        }
        if restatement.values.count > shown {
            lines.append(Line(text: "… and \(restatement.values.count - shown) more corrected values, listed on the methodology page and in report.json."))
        }
        return lines
    }

    /// The CSS class and icon of a status: colour says good or bad, and never alone.
    static func statusStyle(_ status: Status) -> (String, String) {
        switch status {
        case .onTrack: return ("good", "✔")
        case .improving: return ("fair", "↗")
        case .flat: return ("neutral", "■")
        case .wrongWay: return ("bad", "✖")
        case .tooEarly: return ("neutral", "…")
        }
    }

    /// What is working and what is not, in short lines.
    static func assessment(_ analysis: MonthlyAnalysis) -> (working: [String], notYet: [String]) {
        var working: [String] = [], notYet: [String] = []
        switch analysis.attribution.status {
        case .onTrack: working.append("effect at or beyond the target")
        case .improving: working.append("a real improvement"); notYet.append("effect below target")
        case .flat: notYet.append("no effect distinguishable from noise")
        case .wrongWay: notYet.append("the outcome is moving the wrong way")
        case .tooEarly: notYet.append("too early to judge the outcome")
        }
        switch analysis.system.state {
        case .healthy: working.append("system within its SLOs")
        case .degraded: notYet.append("SLO breached: " + analysis.system.breaches.joined(separator: ", "))
        case .unknown: notYet.append("system health unknown")
        }
        if let rate = analysis.adoption?.rate {
            (rate >= 0.5 ? { working.append("adoption at \(Format.percent(rate))") } : { notYet.append("adoption only \(Format.percent(rate))") })()
        }
        if let net = analysis.money?.cumulativeNet {
            (net >= 0 ? { working.append("cumulative net positive") } : { notYet.append("cumulative net still negative") })()
        } else {
            notYet.append("net impact unknown")
        }
        return (working, notYet)
    }
}
