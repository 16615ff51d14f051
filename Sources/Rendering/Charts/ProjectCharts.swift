import Analysis
import Foundation
import Model

/// Every chart of a project's methodology page, with the data behind each.
enum ProjectCharts {
    /// The charts that apply to this analysis, in the methodology page's order.
    static func all(_ analysis: MonthlyAnalysis, contract: OutcomeContract) -> [ChartData] {
        var charts = [outcome(analysis, contract: contract)]
        if let chart = treatmentVersusControl(analysis, contract: contract) { charts.append(chart) }
        if let chart = eventTime(analysis, contract: contract) { charts.append(chart) }
        if let chart = adoption(analysis) { charts.append(chart) }
        if let chart = money(analysis, contract: contract) { charts.append(chart) }
        charts += system(analysis)
        return charts
    }

    private static func months(_ analysis: MonthlyAnalysis) -> (first: Month, ticks: [(x: Double, label: String)], domain: (Double, Double))? {
        guard let first = analysis.outcomeSeries.first?.0 else { return nil }
        let all = Month.range(first, through: analysis.month)
        let januaryNearStart = all.prefix(4).dropFirst().contains { $0.month == 1 }
        let ticks = all.enumerated().filter { $0.element.month == 1 || ($0.offset == 0 && !januaryNearStart) }
            .map { (Double($0.offset), Format.shortMonth($0.element)) }
        return (first, ticks, (0, Double(max(all.count - 1, 1))))
    }

    static func outcome(_ analysis: MonthlyAnalysis, contract: OutcomeContract) -> ChartData {
        let baseline = analysis.attribution.baseline
        let signals = Set(analysis.attribution.signals)
        let target = analysis.targetEffect.flatMap { t in baseline.map { $0.mean + t } }
        let rows = analysis.outcomeSeries.map { month, value in
            [month.description, ChartData.value(value), ChartData.value(baseline?.mean), ChartData.value(baseline?.lowerLimit),
             ChartData.value(baseline?.upperLimit), ChartData.value(month >= AttributionInput.firstPostMonth(goLive: contract.launch) ? target : nil),
             signals.contains(month) ? "yes" : ""]
        }
        let name = contract.outcome?.name ?? contract.outcomeMetric
        return ChartData(name: "outcome", heading: "\(name) with the baseline and its control limits",
                         svg: OutcomeChart.svg(analysis, contract: contract, id: "outcome-m"),
                         csv: ChartData.csv(header: ["month", "value", "baseline_mean", "lcl", "ucl", "target", "signal"], rows: rows))
    }

    static func treatmentVersusControl(_ analysis: MonthlyAnalysis, contract: OutcomeContract) -> ChartData? {
        guard !analysis.controlSeries.isEmpty, let axis = months(analysis) else { return nil }
        let control = Dictionary(analysis.controlSeries, uniquingKeysWith: { a, _ in a })
        func points(_ series: [(Month, Double)]) -> [(x: Double, y: Double)] {
            series.filter { $0.0 <= analysis.month }.map { (Double($0.0.ordinal - axis.first.ordinal), $0.1) }
        }
        let launch = Double(AttributionInput.firstPostMonth(goLive: contract.launch).ordinal - axis.first.ordinal) - 0.5
        let chart = XYChart(
            title: "Treatment and control, \(Format.shortMonth(axis.first)) to \(Format.shortMonth(analysis.month))",
            description: "The outcome of the segments using the AI (\(contract.attribution.treatment.joined(separator: ", "))) beside the segments not using it (\(contract.attribution.control.joined(separator: ", "))).",
            unit: contract.outcome?.unit ?? "", xTicks: axis.ticks, xDomain: axis.domain,
            series: [.init(label: "control", className: "control", points: points(analysis.controlSeries)),
                     .init(label: "treatment", className: "main", points: points(analysis.outcomeSeries))],
            markers: [.init(x: launch, label: "launch", className: "launch")])
        let rows = analysis.outcomeSeries.map { month, value in
            [month.description, ChartData.value(value), ChartData.value(control[month]), ChartData.value(control[month].map { value - $0 })]
        }
        return ChartData(name: "treatment-control", heading: "Treatment and control", svg: chart.svg(id: "tc"),
                         csv: ChartData.csv(header: ["month", "treatment", "control", "difference"], rows: rows))
    }

    static func eventTime(_ analysis: MonthlyAnalysis, contract: OutcomeContract) -> ChartData? {
        let effects = analysis.attribution.eventTime
        guard !effects.isEmpty else { return nil }
        let last = Double(effects.map(\.monthsSinceGoLive).max() ?? 1)
        let chart = XYChart(
            title: "Effect by months since go-live",
            description: "The effect of the rollout pooled over waves, by months since each wave went live, with 95 % intervals.",
            unit: contract.outcome?.unit ?? "", xTicks: effects.map { (Double($0.monthsSinceGoLive), "+\($0.monthsSinceGoLive)") },
            xDomain: (-0.5, max(last, 1) + 0.5),
            intervals: effects.map { .init(x: Double($0.monthsSinceGoLive), estimate: $0.estimate, low: $0.low, high: $0.high) },
            includeZero: true)
        let rows = effects.map { ["\($0.monthsSinceGoLive)", ChartData.value($0.estimate), ChartData.value($0.low), ChartData.value($0.high)] }
        return ChartData(name: "event-time", heading: "Event-time effects", svg: chart.svg(id: "et"),
                         csv: ChartData.csv(header: ["months_since_go_live", "estimate", "low", "high"], rows: rows))
    }

    static func adoption(_ analysis: MonthlyAnalysis) -> ChartData? {
        guard let adoption = analysis.adoption, !adoption.series.isEmpty, let axis = months(analysis) else { return nil }
        let series = adoption.series.filter { $0.key <= analysis.month && $0.key >= axis.first }.sorted { $0.key < $1.key }
        guard !series.isEmpty else { return nil }
        let chart = XYChart(
            title: "Adoption rate by month", description: "The share of the eligible population using the AI each month, against the 50 % line below which the outcome may lag.",
            unit: "%", xTicks: axis.ticks, xDomain: axis.domain,
            series: [.init(label: "adoption", className: "main", points: series.map { (Double($0.key.ordinal - axis.first.ordinal), $0.value * 100) })],
            rules: [.init(y: 50, label: "50 %", className: "target amended")], includeZero: true)
        return ChartData(name: "adoption", heading: "Adoption curve", svg: chart.svg(id: "ad"),
                         csv: ChartData.csv(header: ["month", "adoption_rate"], rows: series.map { [$0.key.description, ChartData.value($0.value)] }))
    }

    static func money(_ analysis: MonthlyAnalysis, contract: OutcomeContract) -> ChartData? {
        guard let money = analysis.money, let axis = months(analysis) else { return nil }
        let allMonths = Set(money.costSeries.keys).union(money.benefitSeries.keys).union(money.cumulativeSeries.keys).sorted()
        guard !allMonths.isEmpty else { return nil }
        func points(_ values: [Month: Double]) -> [(x: Double, y: Double)] {
            values.sorted { $0.key < $1.key }.map { (Double($0.key.ordinal - axis.first.ordinal), $0.value / 1000) }
        }
        var series: [XYChart.Series] = [.init(label: "run cost", className: "control", points: points(money.costSeries))]
        if !money.benefitSeries.isEmpty { series.append(.init(label: "benefit", className: "main", points: points(money.benefitSeries))) }
        if !money.cumulativeSeries.isEmpty { series.append(.init(label: "cumulative net", className: "cumulative", points: points(money.cumulativeSeries))) }
        let chart = XYChart(
            title: "Benefit, run cost and cumulative net by month",
            description: "Monthly benefit at the estimated effect, monthly run cost, and the cumulative net since launch including the investment, in thousands.",
            unit: "k", xTicks: axis.ticks, xDomain: axis.domain, series: series, includeZero: true)
        let rows = allMonths.map { [$0.description, ChartData.value(money.benefitSeries[$0]), ChartData.value(money.costSeries[$0]), ChartData.value(money.cumulativeSeries[$0])] }
        return ChartData(name: "money", heading: "Cost and benefit", svg: chart.svg(id: "mo"),
                         csv: ChartData.csv(header: ["month", "benefit", "run_cost", "cumulative_net"], rows: rows))
    }

    static func system(_ analysis: MonthlyAnalysis) -> [ChartData] {
        guard let axis = months(analysis) else { return [] }
        return analysis.system.checks.compactMap { check in
            let series = check.series.filter { $0.0 <= analysis.month && $0.0 >= axis.first }
            guard !series.isEmpty else { return nil }
            var rules: [XYChart.Rule] = []
            if let min = check.metric.sloMin { rules.append(.init(y: min, label: "SLO ≥ \(Format.number(min))", className: "target")) }
            if let max = check.metric.sloMax { rules.append(.init(y: max, label: "SLO ≤ \(Format.number(max))", className: "target")) }
            let chart = XYChart(
                title: "\(check.metric.name) against its SLO", description: "\(check.metric.name) by month (\(check.metric.unit)) with its service level objective; this month it is \(check.state.rawValue).",
                unit: check.metric.unit, xTicks: axis.ticks, xDomain: axis.domain,
                series: [.init(label: "", className: "main", points: series.map { (Double($0.0.ordinal - axis.first.ordinal), $0.1) })], rules: rules)
            return ChartData(name: "system-" + check.metric.id, heading: check.metric.name + " against its SLO", svg: chart.svg(id: "sys-" + check.metric.id, height: 160),
                             csv: ChartData.csv(header: ["month", "value", "slo_min", "slo_max"],
                                                rows: series.map { [$0.0.description, ChartData.value($0.1), ChartData.value(check.metric.sloMin), ChartData.value(check.metric.sloMax)] }))
        }
    }
}
