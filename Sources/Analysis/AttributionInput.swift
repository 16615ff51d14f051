import Model

/// Everything the effect estimate of SPEC §4.1–4.4 needs, as plain monthly series.
///
/// This is the boundary the reference fixtures (scripts/oracle/methods_reference.py) are written against.
public struct AttributionInput: Sendable {
    /// The attribution method.
    public var method: Attribution.Method
    /// Whether month-of-year effects are modelled.
    public var seasonality: Attribution.Seasonality
    /// Which way is better.
    public var direction: MetricDefinition.Direction
    /// First baseline month.
    public var baselineFrom: Month
    /// Last baseline month.
    public var baselineTo: Month
    /// Go-live of the first wave.
    public var launch: Day
    /// The month reported on; later data is ignored.
    public var reportMonth: Month
    /// The target change (percentage of the baseline mean when `relative`).
    public var target: OutcomeContract.Target
    /// Monthly outcome values by segment (`all` when unsegmented).
    public var outcome: [String: [Month: Double]]
    /// Treatment segments.
    public var treatment: [String]
    /// Control segments.
    public var control: [String]
    /// Waves of a staged rollout, sorted by go-live.
    public var waves: [Attribution.Wave]
    /// Covariates by metric id, in the contract's order.
    public var covariates: [(id: String, values: [Month: Double])]

    /// Creates an input.
    public init(method: Attribution.Method, seasonality: Attribution.Seasonality, direction: MetricDefinition.Direction,
                baselineFrom: Month, baselineTo: Month, launch: Day, reportMonth: Month,
                target: OutcomeContract.Target, outcome: [String: [Month: Double]], treatment: [String] = [],
                control: [String] = [], waves: [Attribution.Wave] = [], covariates: [(id: String, values: [Month: Double])] = []) {
        self.method = method
        self.seasonality = seasonality
        self.direction = direction
        self.baselineFrom = baselineFrom
        self.baselineTo = baselineTo
        self.launch = launch
        self.reportMonth = reportMonth
        self.target = target
        self.outcome = outcome
        self.treatment = treatment
        self.control = control
        self.waves = waves.sorted { ($0.goLive, $0.segment) < ($1.goLive, $1.segment) }
        self.covariates = covariates
    }

    /// +1 when an increase is better, −1 when a decrease is.
    public var orientation: Double { direction == .increase ? 1 : -1 }

    /// The first month counted as post-launch for a go-live day: its own month when it is the 1st, else the next.
    public static func firstPostMonth(goLive: Day) -> Month {
        goLive.day == 1 ? goLive.calendarMonth : goLive.calendarMonth.next
    }

    /// The transition month of a go-live day, if it is not the 1st.
    public static func transitionMonth(goLive: Day) -> Month? {
        goLive.day == 1 ? nil : goLive.calendarMonth
    }

    /// The series the baseline and control chart are drawn from (SPEC §4.1).
    public var baselineSegments: [String] {
        switch method {
        case .controlledComparison: return treatment
        case .stagedRollout: return waves.map(\.segment)
        case .regression, .beforeAfter: return treatment.isEmpty ? ["all"] : treatment
        }
    }

    /// The mean over `segments` for months where all have a value.
    public func mean(of segments: [String]) -> [Month: Double] {
        guard let first = segments.first, let firstSeries = outcome[first] else { return [:] }
        var result: [Month: Double] = [:]
        for month in firstSeries.keys {
            let parts = segments.compactMap { outcome[$0]?[month] }
            if parts.count == segments.count { result[month] = parts.reduce(0, +) / Double(parts.count) }
        }
        return result
    }
}
