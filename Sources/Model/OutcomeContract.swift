/// The outcome contract of `contract.yml`: what the project was bought to move, agreed before the work starts.
public struct OutcomeContract: Hashable, Sendable {
    /// The baseline window and the figure agreed for it.
    public struct Baseline: Hashable, Sendable {
        /// First baseline month.
        public var from: Month
        /// Last baseline month.
        public var to: Month
        /// The baseline figure agreed in the contract; checked against the data.
        public var value: Double?

        /// Creates a baseline.
        public init(from: Month, to: Month, value: Double?) {
            self.from = from
            self.to = to
            self.value = value
        }
    }

    /// The target: a change from the baseline, by a month.
    public struct Target: Hashable, Sendable {
        /// The change asked for, signed as measured: a percentage of the baseline mean when `relative`,
        /// else in the outcome's unit.
        public var change: Double
        /// Whether `change` is a percentage.
        public var relative: Bool
        /// The month the target should be met by.
        public var by: Month

        /// Creates a target.
        public init(change: Double, relative: Bool, by: Month) {
            self.change = change
            self.relative = relative
            self.by = by
        }

        /// The target as written in the contract, with a true minus sign: `−15 %` or `−1.2`.
        public var text: String {
            let magnitude = abs(change)
            let number = Int(exactly: magnitude).map(String.init) ?? String(magnitude)
            return (change > 0 ? "+" : "−") + number + (relative ? " %" : "")
        }
    }

    /// A change to the contract after it was agreed.
    public struct Amendment: Hashable, Sendable {
        /// The day the amendment was made.
        public var date: Day
        /// Why the contract changed.
        public var reason: String
        /// The new target, if the amendment set one.
        public var target: Target?
        /// Where the amendment is written.
        public var location: SourceLocation

        /// Creates an amendment.
        public init(date: Day, reason: String, target: Target?, location: SourceLocation) {
            self.date = date
            self.reason = reason
            self.target = target
            self.location = location
        }
    }

    /// The adoption metric and how many could adopt.
    public struct Adoption: Hashable, Sendable {
        /// How many could adopt: a fixed number or a metric id giving it per month.
        public enum Eligible: Hashable, Sendable {
            case count(Double)
            case metric(String)
        }

        /// The usage metric counting adopters.
        public var metric: String
        /// The eligible population.
        public var eligible: Eligible

        /// Creates an adoption definition.
        public init(metric: String, eligible: Eligible) {
            self.metric = metric
            self.eligible = eligible
        }
    }

    /// How an improvement turns into money.
    public struct Value: Hashable, Sendable {
        /// The volume metric the improvement applies to, if any.
        public var volume: String?
        /// Money per unit of improvement per volume unit.
        public var perUnit: Double

        /// Creates a value model.
        public init(volume: String?, perUnit: Double) {
            self.volume = volume
            self.perUnit = perUnit
        }
    }

    /// A one-off cost.
    public struct Investment: Hashable, Sendable {
        /// The day the money was spent.
        public var date: Day
        /// The amount, in the site's currency.
        public var amount: Double
        /// What it paid for.
        public var label: String

        /// Creates an investment.
        public init(date: Day, amount: Double, label: String) {
            self.date = date
            self.amount = amount
            self.label = label
        }
    }

    /// The project title.
    public var title: String
    /// One or two sentences on what the AI does.
    public var summary: String
    /// Who pays for it and wants the answer.
    public var sponsor: String
    /// The named tracking owner.
    public var owner: String
    /// Who builds and runs the AI system.
    public var buildTeam: [String]
    /// The day the contract was agreed.
    public var agreed: Day
    /// Go-live of the (first wave of the) system.
    public var launch: Day
    /// How often results are reported.
    public var cadence: String
    /// Every metric the snapshots may carry, in the order declared.
    public var metrics: [MetricDefinition]
    /// The outcome metric id.
    public var outcomeMetric: String
    /// The baseline.
    public var baseline: Baseline
    /// The target as first agreed: the yardstick every page reports against.
    public var target: Target
    /// How the effect is attributed to the AI.
    public var attribution: Attribution
    /// Adoption, when tracked.
    public var adoption: Adoption?
    /// How improvement becomes money, when set.
    public var value: Value?
    /// One-off costs.
    public var investment: [Investment]
    /// Context events of this project.
    public var events: [ContextEvent]
    /// Changes made after the contract was agreed, oldest first.
    public var amendments: [Amendment]
    /// Where the contract file is.
    public var location: SourceLocation

    /// Creates a contract.
    public init(title: String, summary: String, sponsor: String, owner: String, buildTeam: [String],
                agreed: Day, launch: Day, cadence: String, metrics: [MetricDefinition], outcomeMetric: String,
                baseline: Baseline, target: Target, attribution: Attribution, adoption: Adoption?,
                value: Value?, investment: [Investment], events: [ContextEvent], amendments: [Amendment],
                location: SourceLocation) {
        self.title = title
        self.summary = summary
        self.sponsor = sponsor
        self.owner = owner
        self.buildTeam = buildTeam
        self.agreed = agreed
        self.launch = launch
        self.cadence = cadence
        self.metrics = metrics
        self.outcomeMetric = outcomeMetric
        self.baseline = baseline
        self.target = target
        self.attribution = attribution
        self.adoption = adoption
        self.value = value
        self.investment = investment
        self.events = events
        self.amendments = amendments
        self.location = location
    }

    /// The metric with this id, if declared.
    public func metric(_ id: String) -> MetricDefinition? { metrics.first { $0.id == id } }

    /// The outcome metric's definition.
    public var outcome: MetricDefinition? { metric(outcomeMetric) }
}
