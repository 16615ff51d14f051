import Analysis
import Model
import Testing
@testable import Rendering

/// Every view model builds its template value by hand (`TemplateRepresentable`) so that rendering needs no
/// reflection; these tests hold each hand-built value equal to the one reflection builds from the same view.
///
/// This is what guards against drift: a field added to a view (or a nested row) and not added to its
/// conformance, or added under another name or with another conversion, makes the two trees differ here, where
/// otherwise the field would silently vanish from the pages. The views come from the same `make` functions the
/// site uses, over three analysed projects (controlled comparison, before-after, staged rollout) whose pages
/// between them fill every optional and the lists that are often empty (waves, restatements, quotes, decisions).
@Suite struct TemplateRepresentableTests {
    // MARK: - A small portfolio

    static let settings = SiteSettings(title: "AI results", organisation: "Example Co", currency: "EUR")
    static let launch = Day(year: 2025, month: 7, day: 1)
    static let months = Month.range(Month(year: 2025, month: 1), through: Month(year: 2026, month: 3))

    static func metric(_ id: String, _ layer: MetricDefinition.Layer, _ unit: String, _ aggregate: MetricDefinition.Aggregate,
                       direction: MetricDefinition.Direction? = nil, sloMin: Double? = nil, sloMax: Double? = nil) -> MetricDefinition {
        MetricDefinition(id: id, name: id.replacingOccurrences(of: "_", with: " ").capitalized, layer: layer, unit: unit,
                         direction: direction, aggregate: aggregate, sloMin: sloMin, sloMax: sloMax)
    }

    /// Monthly rows of every metric for `segments`, with the outcome falling after launch in the treated segments.
    static func rows(segments: [String], treated: Set<String>) -> [SnapshotRow] {
        var rows: [SnapshotRow] = []
        for (index, month) in months.enumerated() {
            let live = month >= launch.calendarMonth
            for (offset, segment) in segments.enumerated() {
                let noise = Double((index * 7 + offset * 3) % 5) * 0.1
                let value = 10 + noise - (live && treated.contains(segment) ? 1.5 : 0)
                rows.append(SnapshotRow(period: .month(month), metric: "handle_time", segment: segment, value: value, n: nil,
                                        line: rows.count + 2))
            }
            let all: [(String, Double)] = [
                ("latency", 600 + Double(index % 4) * 100), ("uptime", index == 12 ? 98.5 : 99.7),
                ("sessions", Double(100 + index * 10)), ("adopters", live ? Double(20 + index * 4) : 0),
                ("run_cost", live ? 1200 : 0), ("tickets", 5000),
            ]
            for (metric, value) in all {
                rows.append(SnapshotRow(period: .month(month), metric: metric, segment: "all", value: value, n: nil, line: rows.count + 2))
            }
        }
        return rows
    }

    static func contract(_ title: String, attribution: Attribution) -> OutcomeContract {
        OutcomeContract(
            title: title, summary: "Cuts handle time with drafted replies.", sponsor: "Head of Support", owner: "Dana Lee",
            buildTeam: ["Support tooling"], agreed: Day(year: 2025, month: 6, day: 2), launch: launch, cadence: "monthly",
            metrics: [
                metric("handle_time", .outcome, "min", .mean, direction: .decrease),
                metric("latency", .system, "ms", .mean, sloMax: 800),
                metric("uptime", .system, "%", .mean, sloMin: 99),
                metric("sessions", .usage, "", .sum),
                metric("adopters", .usage, "", .last),
                metric("run_cost", .cost, "EUR", .sum),
                metric("tickets", .volume, "", .sum),
            ],
            outcomeMetric: "handle_time",
            baseline: .init(from: Month(year: 2025, month: 1), to: Month(year: 2025, month: 6), value: 10.2),
            target: .init(change: -10, relative: true, by: Month(year: 2026, month: 6)),
            attribution: attribution,
            adoption: .init(metric: "adopters", eligible: .count(200)),
            value: .init(volume: "tickets", perUnit: 0.5),
            investment: [.init(date: Day(year: 2025, month: 5, day: 15), amount: 40000, label: "build")],
            events: [ContextEvent(date: Day(year: 2026, month: 3, day: 10), label: "New ticket form", portfolioWide: false)],
            amendments: [.init(date: Day(year: 2025, month: 11, day: 3), reason: "Scope grew.",
                               target: .init(change: -12, relative: true, by: Month(year: 2026, month: 6)),
                               location: SourceLocation(path: ""))],
            location: SourceLocation(path: "projects/\(title)/contract.yml"))
    }

    /// A controlled comparison with notes, a decision and a correcting snapshot; a before-after and a staged rollout
    /// without them.
    static let projects: [Project] = {
        let segments = ["north", "south"]
        let first = rows(segments: segments, treated: ["north"])
        let corrected = first
            .filter { $0.metric == "handle_time" && $0.segment == "north" && $0.period == .month(Month(year: 2025, month: 12)) }
            .map { SnapshotRow(period: $0.period, metric: $0.metric, segment: $0.segment, value: $0.value + 0.4, n: nil, line: 2) }
        let comparison = Project(
            id: "reply-drafts",
            contract: contract("Reply drafts", attribution: Attribution(
                method: .controlledComparison, treatment: ["north"], control: ["south"], caveats: ["The south region hired in autumn."])),
            snapshots: [
                Snapshot(exported: Day(year: 2026, month: 4, day: 2), path: "snapshots/2026-04-02.csv", rows: first),
                Snapshot(exported: Day(year: 2026, month: 4, day: 20), path: "snapshots/2026-04-20.csv", rows: corrected),
            ],
            notes: [
                FeedbackNote(slug: "agents", date: Day(year: 2026, month: 3, day: 5), source: .interview, author: "R. Ortiz",
                             sentiment: .mixed, tags: ["drafts"],
                             body: "Agents like the drafts.\n\n> I edit fewer replies now.\n\nSome <b>still</b> retype.",
                             bodyLine: 6, path: "feedback/2026-03-05-agents.md"),
                FeedbackNote(slug: "survey", date: Day(year: 2026, month: 3, day: 12), source: .survey, author: nil,
                             sentiment: .positive, tags: [], body: "Most would keep it.", bodyLine: 5,
                             path: "feedback/2026-03-12-survey.md"),
            ],
            decisions: [
                Decision(slug: "q4", date: Day(year: 2026, month: 1, day: 10), review: Quarter(year: 2025, quarter: 4),
                         decision: .continue, body: "Keep going; **check** the south region.", path: "decisions/2026-01-10-q4.md"),
            ])
        let beforeAfter = Project(
            id: "invoice-match",
            contract: contract("Invoice match", attribution: Attribution(method: .beforeAfter)),
            snapshots: [Snapshot(exported: Day(year: 2026, month: 4, day: 2), path: "snapshots/2026-04-02.csv",
                                 rows: rows(segments: ["all"], treated: ["all"]))],
            notes: [], decisions: [])
        let rollout = Project(
            id: "staged-drafts",
            contract: contract("Staged drafts", attribution: Attribution(method: .stagedRollout, waves: [
                .init(segment: "north", goLive: launch), .init(segment: "south", goLive: Day(year: 2025, month: 10, day: 1)),
            ])),
            snapshots: [Snapshot(exported: Day(year: 2026, month: 4, day: 2), path: "snapshots/2026-04-02.csv",
                                 rows: rows(segments: segments, treated: ["north"]))],
            notes: [], decisions: [])
        return [comparison, beforeAfter, rollout]
    }()

    static func analyses(_ project: Project, cutoff: Day = Day(year: 2026, month: 4, day: 30)) -> [MonthlyAnalysis] {
        let analyzer = ProjectAnalyzer(project: project, portfolioEvents: [], fiscalYearStart: 1)
        return analyzer.reportMonths(asOf: months.last!).map { analyzer.analyse(month: $0, cutoff: cutoff) }
    }

    static func expectSameTree(_ view: some TemplateRepresentable, _ comment: Comment? = nil) {
        #expect(firstDifference(view.templateValue, TemplateValue(mirroring: view)) == nil, comment)
        #expect(TemplateValue(reflecting: view) == view.templateValue, "rendering uses the conformance")
    }

    /// Where two trees first differ, as a path of field names and list positions; nil when they are equal.
    static func firstDifference(_ built: TemplateValue?, _ reflected: TemplateValue?, at path: String = "") -> String? {
        switch (built, reflected) {
        case (.object(let a)?, .object(let b)?):
            for key in Set(a.keys).union(b.keys).sorted() {
                if let difference = firstDifference(a[key], b[key], at: path + "." + key) { return difference }
            }
            return nil
        case (.list(let a)?, .list(let b)?):
            guard a.count == b.count else { return "\(path): \(a.count) items built, \(b.count) reflected" }
            for (index, (x, y)) in zip(a, b).enumerated() {
                if let difference = firstDifference(x, y, at: path + "[\(index)]") { return difference }
            }
            return nil
        case (nil, _?): return "\(path): missing from the built tree"
        case (_?, nil): return "\(path): only in the built tree"
        default:
            return built == reflected ? nil : "\(path): \(String(describing: built!)) built, \(String(describing: reflected!)) reflected"
        }
    }

    // MARK: - Views

    @Test func projectPagesMatchReflection() throws {
        var filled: Set<String> = []
        for project in Self.projects {
            let analyses = Self.analyses(project)
            for analysis in [analyses.first!, analyses.last!] {
                let summary = SummaryView.make(analysis, project: project, settings: Self.settings, root: "../../")
                Self.expectSameTree(summary, "\(project.id) \(analysis.month)")
            }
            let table = [("Handle time", analyses.last!.outcomeSeries.reduce(into: [Month: Double]()) { $0[$1.0] = $1.1 })]
            let (methodology, _) = MethodologyView.make(analyses.last!, project: project, settings: Self.settings, table: table)
            Self.expectSameTree(methodology, "\(project.id) methodology")
            if methodology.hasWaves { filled.insert("waves") }
            if methodology.hasCoefficients { filled.insert("coefficients") }
            if methodology.hasRestatements { filled.insert("restatements") }
            Self.expectSameTree(ProjectHomeView.make(project: project, analyses: analyses, settings: Self.settings,
                                                     editions: [analyses.last!.month: 2]), "\(project.id) home")
        }
        #expect(filled == ["waves", "coefficients", "restatements"], "the projects should fill every list of the methodology page")
    }

    @Test func editionSummaryWithRestatementMatchesReflection() throws {
        let project = Self.projects[0]
        let old = try #require(Self.analyses(project, cutoff: Day(year: 2026, month: 4, day: 10)).last)
        var new = try #require(Self.analyses(project).last)
        new.edition = 2
        new.previousEditions = [1]
        new.restatement = Restatement.between(project: project, old: old, new: new, previousVersion: 1)
        let view = SummaryView.make(new, project: project, settings: Self.settings, root: "../../../")
        #expect(view.editionLink != nil && view.amendedLine != nil && view.onAdopters != nil && view.decision != nil)
        #expect(view.hasRestatement && !view.quotes.isEmpty && !view.events.isEmpty && !view.notes.isEmpty)
        Self.expectSameTree(view)
    }

    @Test func portfolioReviewAndYearPagesMatchReflection() throws {
        let digests = Self.projects.map { project in
            ProjectDigest.make(SiteRenderer.ProjectReports(project: project, months: Self.analyses(project)), editions: [],
                               settings: Self.settings)
        }
        let reported = Self.months.filter { $0 >= Self.launch.calendarMonth }
        let month = reported.last!
        let portfolio = PortfolioView.make(
            month: month, rows: digests.map { ($0, $0.monthRows[month.description]) }, settings: Self.settings, allMonths: reported,
            editions: [month: 2], root: "../", heading: "Example Co · AI results",
            portfolioWarnings: [Warning(code: "stale-data", message: "No snapshot in 40 days.")])
        Self.expectSameTree(portfolio, "portfolio")
        let quarter = Quarter(year: 2025, quarter: 4)
        Self.expectSameTree(ReviewView.make(quarter: quarter, digests: digests, settings: Self.settings, root: "../../"), "review")
        let year = YearView.make(year: 2025, digests: digests, settings: Self.settings, quarters: [quarter], root: "../../")
        Self.expectSameTree(year, "year")
    }
}
