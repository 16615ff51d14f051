/// How a project attributes a change in the outcome to the AI, from `contract.yml`'s `attribution`.
public struct Attribution: Hashable, Sendable {
    /// The four attribution methods of SPEC §4.2.
    public enum Method: String, Hashable, Sendable, CaseIterable {
        case controlledComparison = "controlled-comparison"
        case stagedRollout = "staged-rollout"
        case regression
        case beforeAfter = "before-after"

        /// The method in plain words, e.g. "controlled comparison".
        public var words: String { rawValue.split(separator: "-").joined(separator: " ") }
    }

    /// Whether month-of-year effects are modelled.
    public enum Seasonality: String, Hashable, Sendable, CaseIterable {
        case none
        case monthOfYear = "month-of-year"
    }

    /// A wave of a staged rollout: a segment and its go-live day.
    public struct Wave: Hashable, Sendable {
        /// The segment that goes live.
        public var segment: String
        /// Its go-live day.
        public var goLive: Day

        /// Creates a wave.
        public init(segment: String, goLive: Day) {
            self.segment = segment
            self.goLive = goLive
        }
    }

    /// The method.
    public var method: Method
    /// Segments using the AI.
    public var treatment: [String]
    /// Segments not using it.
    public var control: [String]
    /// Waves of a staged rollout, sorted by go-live.
    public var waves: [Wave]
    /// Metric ids controlled for in a regression.
    public var covariates: [String]
    /// Whether seasonality is modelled.
    public var seasonality: Seasonality
    /// Known weaknesses, stated on the methodology page.
    public var caveats: [String]

    /// Creates an attribution.
    public init(method: Method, treatment: [String] = [], control: [String] = [], waves: [Wave] = [],
                covariates: [String] = [], seasonality: Seasonality = .none, caveats: [String] = []) {
        self.method = method
        self.treatment = treatment
        self.control = control
        self.waves = waves.sorted { ($0.goLive, $0.segment) < ($1.goLive, $1.segment) }
        self.covariates = covariates
        self.seasonality = seasonality
        self.caveats = caveats
    }
}
