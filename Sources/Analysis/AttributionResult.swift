import Model

/// The effect estimate, its diagnostics and the status, for one project and report month.
public struct AttributionResult: Sendable {
    /// The baseline statistics and control limits.
    public var baseline: BaselineStatistics?
    /// The headline effect; nil when too early or when the data could not support an estimate.
    public var effect: EffectEstimate?
    /// The status against the original target.
    public var status: Status
    /// The target effect τ in the outcome's unit, signed as measured.
    public var targetEffect: Double?
    /// Pre-launch trend of the difference (or outcome) series.
    public var pretrend: TrendEstimate?
    /// A placebo launch at the middle of the baseline.
    public var placebo: EffectEstimate?
    /// Per-wave effects of a staged rollout.
    public var waves: [WaveEffect]
    /// Effects by months since go-live (staged rollout).
    public var eventTime: [EventTimeEffect]
    /// Post-launch months that are control-chart signals.
    public var signals: [Month]
    /// Post-launch months used in the estimate.
    public var postMonths: [Month]
    /// Transition months left out of estimates.
    public var transitionMonths: [Month]
    /// Why no estimate could be made, or what weakened it, in words.
    public var problems: [String]
    /// The data problem that stopped the estimate (status is then `.flat` and `effect` nil); nil when there was none.
    public var error: AnalysisProblem?

    /// Creates a result.
    public init(baseline: BaselineStatistics?, effect: EffectEstimate?, status: Status, targetEffect: Double?,
                pretrend: TrendEstimate? = nil, placebo: EffectEstimate? = nil, waves: [WaveEffect] = [],
                eventTime: [EventTimeEffect] = [], signals: [Month] = [], postMonths: [Month] = [],
                transitionMonths: [Month] = [], problems: [String] = [], error: AnalysisProblem? = nil) {
        self.baseline = baseline
        self.effect = effect
        self.status = status
        self.targetEffect = targetEffect
        self.pretrend = pretrend
        self.placebo = placebo
        self.waves = waves
        self.eventTime = eventTime
        self.signals = signals
        self.postMonths = postMonths
        self.transitionMonths = transitionMonths
        self.problems = problems
        self.error = error
    }
}

/// An effect with its 95 % interval and the model facts needed to recompute it.
public struct EffectEstimate: Hashable, Sendable {
    /// The effect in the outcome's unit, signed as measured (a fall is negative).
    public var estimate: Double
    /// Its standard error.
    public var standardError: Double
    /// Lower end of the 95 % interval.
    public var low: Double
    /// Upper end of the 95 % interval.
    public var high: Double
    /// Degrees of freedom of the t quantile.
    public var degreesOfFreedom: Double
    /// Monthly observations in the model.
    public var n: Int
    /// Parameters in the model.
    public var k: Int
    /// Newey–West lags (0 when not HAC).
    public var lags: Int
    /// Post-launch months in the model.
    public var postMonths: Int
    /// The model in words, e.g. "OLS of d = a + b·post + month dummies, Newey–West (2 lags)".
    public var model: String
    /// The model's coefficient table, for the methodology page.
    public var coefficients: [CoefficientRow]

    /// Creates an estimate.
    public init(estimate: Double, standardError: Double, low: Double, high: Double, degreesOfFreedom: Double,
                n: Int, k: Int, lags: Int, postMonths: Int, model: String, coefficients: [CoefficientRow] = []) {
        self.estimate = estimate
        self.standardError = standardError
        self.low = low
        self.high = high
        self.degreesOfFreedom = degreesOfFreedom
        self.n = n
        self.k = k
        self.lags = lags
        self.postMonths = postMonths
        self.model = model
        self.coefficients = coefficients
    }

    /// The same estimate multiplied by `factor` (interval ends swap when it is negative).
    public func scaled(by factor: Double) -> EffectEstimate {
        var copy = self
        copy.estimate *= factor
        copy.standardError *= abs(factor)
        copy.low = Swift.min(low * factor, high * factor)
        copy.high = Swift.max(low * factor, high * factor)
        copy.coefficients = []
        return copy
    }
}

/// One row of a model's coefficient table.
public struct CoefficientRow: Hashable, Sendable {
    /// The regressor, e.g. `post`, `month 3`, `calls`.
    public var name: String
    /// The coefficient.
    public var estimate: Double
    /// Its standard error.
    public var standardError: Double
    /// Its t statistic.
    public var t: Double
    /// Its two-sided p-value.
    public var p: Double

    /// Creates a row.
    public init(name: String, estimate: Double, standardError: Double, t: Double, p: Double) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        self.t = t
        self.p = p
    }
}

/// A linear trend over the baseline months.
public struct TrendEstimate: Hashable, Sendable {
    /// Slope per month.
    public var slope: Double
    /// Its standard error.
    public var standardError: Double
    /// Two-sided p-value of slope = 0.
    public var p: Double

    /// Creates a trend estimate.
    public init(slope: Double, standardError: Double, p: Double) {
        self.slope = slope
        self.standardError = standardError
        self.p = p
    }
}

/// The effect for one wave of a staged rollout.
public struct WaveEffect: Hashable, Sendable {
    /// The wave's segment.
    public var wave: String
    /// Its go-live day.
    public var goLive: Day
    /// The effect against the waves not yet live; nil for the last wave, which has no comparison.
    public var effect: EffectEstimate?
    /// Why `effect` is nil, in words: `WaveEffect.noComparisonNote` or `WaveEffect.noPostMonthsNote`.
    public var note: String?

    /// Creates a wave effect.
    public init(wave: String, goLive: Day, effect: EffectEstimate?, note: String? = nil) {
        self.wave = wave
        self.goLive = goLive
        self.effect = effect
        self.note = note
    }

    /// The note of the last wave, which has no later wave to compare with.
    public static let noComparisonNote = "no comparison group: every other wave is already live when this one goes live"
    /// The note of a wave that has no post-launch month in its window yet.
    public static let noPostMonthsNote =
        "not live yet: no full post-launch month before the next wave or the report month"
}

/// The effect a number of months after go-live, pooled over waves.
public struct EventTimeEffect: Hashable, Sendable {
    /// Months since go-live (0 = first post-launch month).
    public var monthsSinceGoLive: Int
    /// The effect.
    public var estimate: Double
    /// Lower end of the 95 % interval.
    public var low: Double
    /// Upper end of the 95 % interval.
    public var high: Double

    /// Creates an event-time effect.
    public init(monthsSinceGoLive: Int, estimate: Double, low: Double, high: Double) {
        self.monthsSinceGoLive = monthsSinceGoLive
        self.estimate = estimate
        self.low = low
        self.high = high
    }
}
