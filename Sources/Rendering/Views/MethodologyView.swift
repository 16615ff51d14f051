import Analysis
import Model

/// The analyst's view of a project (`methodology.mustache`): enough to recompute the headline from the page alone.
struct MethodologyView: Sendable {
    struct Chart: Sendable { var name: String; var heading: String; var svgHTML: String; var csv: String }
    struct Coefficient: Sendable { var name: String; var estimate: String; var se: String; var t: String; var p: String }
    struct Item: Sendable { var text: String }
    struct Wave: Sendable { var wave: String; var goLive: String; var effect: String; var range: String; var note: String }
    struct DataRow: Sendable { var month: String; var cells: [Item] }

    var page: PageFrame
    var projectTitle: String
    var monthWords: String
    var contract: ContractView
    var baseline: [ContractView.Field]
    var method: String
    var model: String
    var modelFacts: [ContractView.Field]
    var coefficients: [Coefficient]
    var hasCoefficients: Bool
    var diagnostics: [ContractView.Field]
    var waves: [Wave]
    var hasWaves: Bool
    var adoption: String
    var costModel: [Item]
    var assumptions: [Item]
    var restatements: [Item]
    var hasRestatements: Bool
    var charts: [Chart]
    var dataHeader: [Item]
    var dataRows: [DataRow]

    static func make(_ analysis: MonthlyAnalysis, project: Project, settings: SiteSettings, table: [(String, [Month: Double])]) -> (MethodologyView, [ChartData]) {
        let contract = project.contract
        let unit = contract.outcome?.unit ?? ""
        let result = analysis.attribution
        let root = "../../../"
        var baseline: [ContractView.Field] = []
        if let stats = result.baseline {
            baseline = [
                .init(name: "Months", value: "\(stats.months) (\(Format.shortMonth(contract.baseline.from)) to \(Format.shortMonth(contract.baseline.to)))"),
                .init(name: "Mean", value: Format.number(stats.mean, unit: unit) + (contract.baseline.value.map { " (agreed: \(Format.number($0, unit: unit)))" } ?? "")),
                .init(name: "Standard deviation", value: Format.number(stats.standardDeviation, unit: unit)),
                .init(name: "Mean moving range", value: Format.number(stats.meanMovingRange, unit: unit)),
                .init(name: "Control limits (mean ± 2.66 × mean moving range)", value: "\(Format.number(stats.lowerLimit)) to \(Format.number(stats.upperLimit, unit: unit))"),
                .init(name: "Signals after launch", value: result.signals.isEmpty ? "none" : result.signals.map(Format.shortMonth).joined(separator: ", ")),
            ]
        }
        let method: String = switch contract.attribution.method {
        case .controlledComparison:
            "Controlled comparison (difference-in-differences): each month, the difference d between the treatment segments' mean and the control segments' mean; the effect is how much d changed after launch, from an OLS regression of d on a post-launch indicator."
        case .stagedRollout:
            "Staged rollout: each wave is compared with the waves not yet live; its post-launch months end the month before the next wave goes live. The overall effect pools the waves in one regression with wave indicators, with standard errors clustered by month. The last wave has no comparison group."
        case .regression:
            "Regression: the outcome is regressed on a post-launch indicator and the covariates, so that changes explained by the covariates are not credited to the AI."
        case .beforeAfter:
            "Before-after: post-launch months are compared with baseline months (year over year when seasonal) with Welch's t-test. No comparison group controls for other causes, so part of any change may not be due to the AI."
        }
        var facts: [ContractView.Field] = []
        var coefficients: [Coefficient] = []
        if let effect = result.effect {
            facts = [
                .init(name: "Effect", value: "\(Format.signed(effect.estimate, unit: unit)) (95 % range \(Format.signed(effect.low)) to \(Format.signed(effect.high, unit: unit)))"),
                .init(name: "Standard error", value: Format.number(effect.standardError, unit: unit)),
                .init(name: "Observations n / parameters k", value: "\(effect.n) / \(effect.k)"),
                .init(name: "Degrees of freedom", value: Format.number(effect.degreesOfFreedom)),
                .init(name: "Newey–West lags L = ⌊4 (n/100)^(2/9)⌋", value: "\(effect.lags)"),
                .init(name: "Post-launch months", value: "\(effect.postMonths)"),
            ]
            coefficients = effect.coefficients.map {
                Coefficient(name: $0.name, estimate: Format.signed($0.estimate), se: Format.number($0.standardError), t: Format.signed($0.t), p: Format.number($0.p))
            }
        }
        var diagnostics: [ContractView.Field] = []
        if let pretrend = result.pretrend {
            diagnostics.append(.init(name: "Pre-launch trend", value: "\(Format.signed(pretrend.slope, unit: unit)) a month (p = \(Format.number(pretrend.p)))" + (pretrend.p < 0.10 ? " — parallel trends doubtful" : "")))
        }
        if let placebo = result.placebo {
            diagnostics.append(.init(name: "Placebo launch mid-baseline", value: "\(Format.signed(placebo.estimate, unit: unit)) (range \(Format.signed(placebo.low)) to \(Format.signed(placebo.high)))"))
        }
        for problem in result.problems { diagnostics.append(.init(name: "Problem", value: problem)) }
        let waves = result.waves.map { wave in
            Wave(wave: wave.wave, goLive: Format.day(wave.goLive), effect: wave.effect.map { Format.signed($0.estimate, unit: unit) } ?? "—",
                 range: wave.effect.map { "\(Format.signed($0.low)) to \(Format.signed($0.high))" } ?? "",
                 note: wave.note ?? "")
        }
        let adoption: String
        if let figures = analysis.adoption, let mean = figures.meanPostRate, let onAdopters = figures.effectOnAdopters {
            adoption = "Mean post-launch adoption rate \(Format.percent(mean)); effect on adopters = effect / rate = \(Format.signed(onAdopters.estimate, unit: unit)) (range \(Format.signed(onAdopters.low)) to \(Format.signed(onAdopters.high))). This assumes non-adopters are unaffected."
        } else {
            adoption = "No adoption adjustment: adoption is not tracked or there is no estimate yet."
        }
        var costModel: [MethodologyView.Item] = []
        let costMetrics = contract.metrics.filter { $0.layer == .cost }.map(\.name)
        costModel.append(.init(text: costMetrics.isEmpty ? "No cost metric is declared: net impact is unknown." : "Run cost = " + costMetrics.joined(separator: " + ") + " each month."))
        if let value = contract.value {
            costModel.append(.init(text: "Benefit = improvement × \(value.volume.map { contract.metric($0)?.name ?? $0 } ?? "1") × \(Format.money(value.perUnit, currency: settings.currency)); its range uses the ends of the effect's interval."))
        }
        costModel.append(.init(text: "Cumulative net since launch includes the investment (\(Format.money(contract.investment.reduce(0) { $0 + $1.amount }, currency: settings.currency))); payback is the first month it reaches 0; ROI = cumulative net / cumulative cost."))
        var assumptions = contract.attribution.caveats.map { MethodologyView.Item(text: $0) }
        assumptions.append(.init(text: "Every interval is a 95 % interval; a status of “flat / inconclusive” means the interval contains zero."))
        if contract.attribution.method == .beforeAfter {
            assumptions.append(.init(text: "No comparison group controls for other causes."))
        }
        let restatements = analysis.corrections.map { correction in
            Item(text: "\(correction.metric) \(correction.segment) \(correction.period): \(Format.exact(correction.oldValue)) → \(Format.exact(correction.newValue)) (\(ReportDocument.snapshotName(correction.oldSnapshot)) corrected by \(ReportDocument.snapshotName(correction.newSnapshot)))")
        }
        let charts = ProjectCharts.all(analysis, contract: contract)
        let allMonths = Set(table.flatMap { $0.1.keys }).filter { $0 <= analysis.month }.sorted()
        let dataRows = allMonths.map { month in
            DataRow(month: month.description, cells: table.map { Item(text: $0.1[month].map { Format.number($0) } ?? "") })
        }
        let view = MethodologyView(
            page: PageFrame(settings: settings, root: root, title: "\(contract.title) — methodology"),
            projectTitle: contract.title, monthWords: Format.month(analysis.month), contract: ContractView(contract, settings: settings),
            baseline: baseline, method: method, model: result.effect?.model ?? "No model: \(result.status.words).",
            modelFacts: facts, coefficients: coefficients, hasCoefficients: !coefficients.isEmpty, diagnostics: diagnostics,
            waves: waves, hasWaves: !waves.isEmpty, adoption: adoption, costModel: costModel, assumptions: assumptions,
            restatements: restatements.isEmpty ? [Item(text: "No value has been restated.")] : restatements, hasRestatements: !restatements.isEmpty,
            charts: charts.map { Chart(name: $0.name, heading: $0.heading, svgHTML: $0.svg.markup, csv: $0.name + ".csv") },
            dataHeader: table.map { Item(text: $0.0) }, dataRows: dataRows)
        return (view, charts)
    }
}
