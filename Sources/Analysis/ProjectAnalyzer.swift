import Model

/// Runs the whole analysis of SPEC §4 for one project and report month.
public struct ProjectAnalyzer: Sendable {
    /// The project.
    public let project: Project
    /// Portfolio-wide context events.
    public let portfolioEvents: [ContextEvent]
    /// The month the fiscal year starts in.
    public let fiscalYearStart: Int

    /// Creates an analyzer.
    public init(project: Project, portfolioEvents: [ContextEvent], fiscalYearStart: Int) {
        self.project = project
        self.portfolioEvents = portfolioEvents
        self.fiscalYearStart = fiscalYearStart
    }

    /// The report months: from the launch month through `asOf`.
    public func reportMonths(asOf: Month) -> [Month] {
        Month.range(project.contract.launch.calendarMonth, through: asOf)
    }

    /// The data in force on a cut-off day, resolved and aggregated once for every month analysed with it.
    public struct DataInForce: Sendable {
        /// The cut-off day.
        public let cutoff: Day
        let rows: RowsInForce
        let table: MetricTable
    }

    /// Resolves the snapshots as of `cutoff` and aggregates every month up to `through`.
    public func data(cutoff: Day, through month: Month) -> DataInForce {
        let rows = RowsInForce(snapshots: project.snapshots, cutoff: cutoff)
        return DataInForce(cutoff: cutoff, rows: rows, table: MetricTable(rows: rows, metrics: project.contract.metrics, through: month))
    }

    /// The analysis of `month` with the data in force on `cutoff`.
    public func analyse(month: Month, cutoff: Day) -> MonthlyAnalysis {
        analyse(month: month, data: data(cutoff: cutoff, through: month))
    }

    /// The analysis of `month` with data already resolved for its cut-off (and for months up to `month` or later).
    public func analyse(month: Month, data: DataInForce) -> MonthlyAnalysis {
        let contract = project.contract
        let cutoff = data.cutoff
        let rows = data.rows
        let table = data.table.through(month)
        let direction = contract.outcome?.direction ?? .decrease
        let attribution = contract.attribution

        var outcome: [String: [Month: Double]] = [:]
        let segments = Set(attribution.treatment + attribution.control + attribution.waves.map(\.segment) + ["all"])
        for segment in segments {
            let series = table.series(contract.outcomeMetric, segment: segment)
            if !series.isEmpty { outcome[segment] = series }
        }
        let input = AttributionInput(
            method: attribution.method, seasonality: attribution.seasonality, direction: direction,
            baselineFrom: contract.baseline.from, baselineTo: contract.baseline.to, launch: contract.launch,
            reportMonth: month, target: contract.target, outcome: outcome, treatment: attribution.treatment,
            control: attribution.control, waves: attribution.waves,
            covariates: attribution.covariates.map { ($0, table.series($0)) })
        let result = AttributionEngine.estimate(input)
        let outcomeSeries = input.mean(of: input.baselineSegments).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let controlSeries = attribution.method == .controlledComparison
            ? input.mean(of: attribution.control).sorted { $0.key < $1.key }.map { ($0.key, $0.value) } : []

        let amendment = contract.amendments.last { $0.date <= cutoff && $0.target != nil }.map { amendment in
            (amendment, result.baseline.map { base in Self.targetEffect(amendment.target!, baselineMean: base.mean) })
        }
        let adoption = adoptionFigures(table: table, month: month, effect: result.effect)
        let system = systemHealth(table: table, month: month)
        let usage = contract.metrics.filter { $0.layer == .usage }.map { metric in
            UsageFigure(metric: metric, value: table.value(metric.id, month: month),
                        previous: table.value(metric.id, month: month.adding(-1)),
                        series: table.series(metric.id).sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        let money = moneyFigures(table: table, month: month, effect: result.effect, orientation: input.orientation)
        let notes = project.notes.filter { $0.date.calendarMonth == month && $0.date <= cutoff }
        let decisions = project.decisions.filter { $0.date <= cutoff && $0.date.calendarMonth <= month }
        let events = (contract.events + portfolioEvents).filter { $0.date.calendarMonth == month }.sorted { $0.date < $1.date }
        let corrections = rows.corrections(through: month)

        var analysis = MonthlyAnalysis(
            project: project.id, month: month, cutoff: cutoff, outcomeSeries: outcomeSeries, controlSeries: controlSeries,
            outcomeValue: outcomeSeries.last { $0.0 == month }?.1, attribution: result, targetEffect: result.targetEffect,
            amendment: amendment, adoption: adoption, system: system, usage: usage, money: money, warnings: [],
            recommendation: Recommendation(move: .continue, rule: ""), notes: notes, latestDecision: decisions.last,
            events: events, corrections: corrections)
        analysis.warnings = HonestyChecks(project: project, fiscalYearStart: fiscalYearStart)
            .warnings(for: analysis, table: table, latestExport: rows.latestExport)
        analysis.recommendation = RecommendationRules.recommend(analysis)
        return analysis
    }

    /// Every metric's monthly values with the data in force on `cutoff`, as named columns for data tables.
    public func dataTable(through month: Month, cutoff: Day) -> [(name: String, values: [Month: Double])] {
        dataTable(through: month, data: data(cutoff: cutoff, through: month))
    }

    /// The data table of `month` from data already resolved for its cut-off (through `month` or later).
    public func dataTable(through month: Month, data: DataInForce) -> [(name: String, values: [Month: Double])] {
        let table = data.table.through(month)
        let order = Dictionary(uniqueKeysWithValues: project.contract.metrics.enumerated().map { ($1.id, $0) })
        // A column whose values all come after `month` is not in the table of `month`.
        return table.columns.filter { !table.series($0.metric, segment: $0.segment).isEmpty }.sorted { (order[$0.metric] ?? .max, $0.segment) < (order[$1.metric] ?? .max, $1.segment) }
            .map { (name: $0.segment == "all" ? $0.metric : "\($0.metric) · \($0.segment)", values: table.series($0.metric, segment: $0.segment)) }
    }

    /// τ for a target, in the outcome's unit, signed as measured.
    public static func targetEffect(_ target: OutcomeContract.Target, baselineMean: Double) -> Double {
        target.relative ? target.change / 100 * baselineMean : target.change
    }

    private func adoptionFigures(table: MetricTable, month: Month, effect: EffectEstimate?) -> AdoptionFigures? {
        guard let adoption = project.contract.adoption else { return nil }
        var rates: [Month: Double] = [:]
        for (m, adopters) in table.series(adoption.metric) {
            let eligible: Double? = switch adoption.eligible {
            case .count(let count): count
            case .metric(let id): table.value(id, month: m)
            }
            if let eligible, eligible > 0 { rates[m] = adopters / eligible }
        }
        let firstPost = AttributionInput.firstPostMonth(goLive: project.contract.launch)
        let postRates = rates.filter { $0.key >= firstPost && $0.key <= month }.sorted { $0.key < $1.key }.map(\.value)
        let meanPost = postRates.isEmpty ? nil : postRates.reduce(0, +) / Double(postRates.count)
        var onAdopters: EffectEstimate?
        if let effect, let meanPost, meanPost > 0 { onAdopters = effect.scaled(by: 1 / meanPost) }
        let eligibleNow: Double? = switch adoption.eligible {
        case .count(let count): count
        case .metric(let id): table.value(id, month: month)
        }
        return AdoptionFigures(rate: rates[month], adopters: table.value(adoption.metric, month: month), eligible: eligibleNow,
                               meanPostRate: meanPost, effectOnAdopters: onAdopters, series: rates)
    }

    private func systemHealth(table: MetricTable, month: Month) -> SystemHealth {
        let checks = project.contract.metrics.filter { $0.layer == .system && $0.hasSLO }.map { metric in
            let value = table.value(metric.id, month: month)
            let state: SLOCheck.State
            if let value {
                let breached = (metric.sloMin.map { value < $0 } ?? false) || (metric.sloMax.map { value > $0 } ?? false)
                state = breached ? .breached : .met
            } else {
                state = .noData
            }
            return SLOCheck(metric: metric, value: value, state: state,
                            series: table.series(metric.id).sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        let state: SystemHealth.State = checks.contains { $0.state == .breached } ? .degraded
            : checks.contains { $0.state == .met } ? .healthy : .unknown
        return SystemHealth(state: state, checks: checks)
    }

    private func moneyFigures(table: MetricTable, month: Month, effect: EffectEstimate?, orientation: Double) -> MoneyFigures? {
        let contract = project.contract
        let costMetrics = contract.metrics.filter { $0.layer == .cost }
        let launchMonth = contract.launch.calendarMonth
        let months = Month.range(launchMonth, through: month)
        var costs: [Month: Double] = [:]
        for m in months {
            let parts = costMetrics.compactMap { table.value($0.id, month: m) }
            if !parts.isEmpty { costs[m] = parts.reduce(0, +) }
        }
        func benefit(_ m: Month, _ effectValue: Double) -> Double? {
            guard let value = contract.value else { return nil }
            let volume = value.volume.map { table.value($0, month: m) } ?? 1
            guard let volume else { return nil }
            return orientation * effectValue * volume * value.perUnit
        }
        var benefits: [Month: Double] = [:]
        var cumulative: [Month: Double] = [:]
        var running = 0.0, runningCost = 0.0, payback: Month?
        let firstPost = AttributionInput.firstPostMonth(goLive: contract.launch)
        for m in months {
            let invested = contract.investment.filter { $0.date.calendarMonth == m || (m == launchMonth && $0.date.calendarMonth < m) }
                .reduce(0) { $0 + $1.amount }
            running -= invested
            runningCost += invested
            let b = (effect != nil && m >= firstPost) ? benefit(m, effect!.estimate) : nil
            if let b { benefits[m] = b }
            running += (b ?? 0) - (costs[m] ?? 0)
            runningCost += costs[m] ?? 0
            cumulative[m] = running
            if payback == nil, running >= 0, b != nil { payback = m }
        }
        let monthBenefit = effect.flatMap { benefit(month, $0.estimate) }
        let ends = effect.map { e in [benefit(month, e.low), benefit(month, e.high)].compactMap { $0 } } ?? []
        let net = monthBenefit.flatMap { b in costs[month].map { b - $0 } }
        let anyEffect = effect != nil && contract.value != nil
        return MoneyFigures(
            benefit: monthBenefit, benefitLow: ends.min(), benefitHigh: ends.max(), runCost: costs[month], net: net,
            cumulativeNet: anyEffect ? running : nil, cumulativeCost: runningCost,
            payback: anyEffect ? payback : nil, roi: anyEffect && runningCost > 0 ? running / runningCost : nil,
            cumulativeSeries: anyEffect ? cumulative : [:], benefitSeries: benefits, costSeries: costs)
    }
}
