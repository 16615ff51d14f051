import Model

/// Everything known about one project in one report month: the numbers every page and report.json show.
public struct MonthlyAnalysis: Sendable {
    /// The project id.
    public var project: String
    /// The report month.
    public var month: Month
    /// The cut-off day of the data.
    public var cutoff: Day
    /// The outcome metric's monthly value (baseline segments), by month up to the report month.
    public var outcomeSeries: [(Month, Double)]
    /// The control group's series (controlled comparison), by month.
    public var controlSeries: [(Month, Double)]
    /// The outcome's value in the report month, if there is data.
    public var outcomeValue: Double?
    /// The effect, status and diagnostics.
    public var attribution: AttributionResult
    /// The original target effect (τ), signed as measured; nil without a baseline.
    public var targetEffect: Double?
    /// The latest amendment in force, with its target effect.
    public var amendment: (amendment: OutcomeContract.Amendment, targetEffect: Double?)?
    /// Adoption figures.
    public var adoption: AdoptionFigures?
    /// System health.
    public var system: SystemHealth
    /// Usage metrics with their month-over-month change.
    public var usage: [UsageFigure]
    /// The money picture.
    public var money: MoneyFigures?
    /// Warnings of SPEC §4.7.
    public var warnings: [Warning]
    /// The recommended next move.
    public var recommendation: Recommendation
    /// Feedback notes dated in the report month (and on or before the cut-off).
    public var notes: [FeedbackNote]
    /// The latest decision on or before the cut-off.
    public var latestDecision: Decision?
    /// Context events in the report month.
    public var events: [ContextEvent]
    /// Corrections in force for periods up to the report month.
    public var corrections: [Correction]
    /// The published edition this analysis belongs to; nil for a draft.
    public var edition: Int? = nil
    /// What this edition changed from the one before it.
    public var restatement: Restatement? = nil
    /// The versions published before this one.
    public var previousEditions: [Int] = []
}

/// Adoption in the report month (SPEC §4.3).
public struct AdoptionFigures: Hashable, Sendable {
    /// Adopters / eligible in the report month.
    public var rate: Double?
    /// The number of adopters in the report month.
    public var adopters: Double?
    /// The eligible population in the report month.
    public var eligible: Double?
    /// The mean post-launch adoption rate the effect on adopters divides by.
    public var meanPostRate: Double?
    /// Effect / mean post-launch adoption rate.
    public var effectOnAdopters: EffectEstimate?
    /// Adoption rate by month.
    public var series: [Month: Double]
}

/// One system metric against its SLO in the report month.
public struct SLOCheck: Sendable {
    /// met, breached or no data.
    public enum State: String, Hashable, Sendable {
        case met, breached
        case noData = "no data"
    }

    /// The metric.
    public var metric: MetricDefinition
    /// Its value in the report month.
    public var value: Double?
    /// The verdict.
    public var state: State
    /// Monthly values, for sparklines.
    public var series: [(Month, Double)]
}

/// System health in the report month (SPEC §4.6).
public struct SystemHealth: Sendable {
    /// healthy, degraded or unknown.
    public enum State: String, Hashable, Sendable {
        case healthy, degraded, unknown
    }

    /// The overall verdict.
    public var state: State
    /// Every system metric with an SLO.
    public var checks: [SLOCheck]

    /// The metric ids breaching their SLO.
    public var breaches: [String] { checks.filter { $0.state == .breached }.map(\.metric.id) }
}

/// A usage metric with its month-over-month change.
public struct UsageFigure: Sendable {
    /// The metric.
    public var metric: MetricDefinition
    /// Its value in the report month.
    public var value: Double?
    /// Its value the month before.
    public var previous: Double?
    /// Monthly values, for sparklines.
    public var series: [(Month, Double)]
}

/// The cost and net impact (SPEC §4.5); money is for the report month unless named cumulative.
public struct MoneyFigures: Hashable, Sendable {
    /// Monthly benefit at the estimate; nil when there is no estimate.
    public var benefit: Double?
    /// Benefit at the interval's pessimistic end.
    public var benefitLow: Double?
    /// Benefit at the interval's optimistic end.
    public var benefitHigh: Double?
    /// Sum of cost-layer metrics in the report month; nil when no cost data.
    public var runCost: Double?
    /// Benefit − run cost.
    public var net: Double?
    /// Sum of net since launch, less investment.
    public var cumulativeNet: Double?
    /// Run cost since launch plus investment.
    public var cumulativeCost: Double?
    /// The month cumulative net first reached 0, if it has.
    public var payback: Month?
    /// Cumulative net / cumulative cost.
    public var roi: Double?
    /// Cumulative net by month since launch, for the chart.
    public var cumulativeSeries: [Month: Double]
    /// Benefit by month since launch.
    public var benefitSeries: [Month: Double]
    /// Run cost by month.
    public var costSeries: [Month: Double]
}

/// A warning of SPEC §4.7, with its stable code.
public struct Warning: Hashable, Sendable {
    /// The stable code, e.g. `no-feedback`.
    public var code: String
    /// The warning in words.
    public var message: String

    /// Creates a warning.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// The recommended next move and the rule that chose it (SPEC §4.8).
public struct Recommendation: Hashable, Sendable {
    /// The moves a project-month can get.
    public enum Move: String, Hashable, Sendable, CaseIterable {
        case expand, `continue`, adjust
        case fixAdoption = "fix-adoption"
        case fixSystem = "fix-system"
        case windDown = "wind-down"

        /// The move in words.
        public var words: String {
            switch self {
            case .expand: return "Expand"
            case .continue: return "Continue"
            case .adjust: return "Adjust"
            case .fixAdoption: return "Fix adoption"
            case .fixSystem: return "Fix the system"
            case .windDown: return "Wind down"
            }
        }
    }

    /// The move.
    public var move: Move
    /// The rule that fired, in words.
    public var rule: String
}
