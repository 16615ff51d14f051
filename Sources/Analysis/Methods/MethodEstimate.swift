/// What one attribution method estimated: the effect (nil when too early) and its diagnostics.
struct MethodEstimate: Sendable {
    /// The headline effect; nil when there are fewer than 2 post-launch months.
    var effect: EffectEstimate?
    /// The pre-launch trend of the modelled series; nil for before-after.
    var pretrend: TrendEstimate?
    /// The placebo launch at the middle of the baseline; nil for before-after.
    var placebo: EffectEstimate?
    /// Per-wave effects of a staged rollout.
    var waves: [WaveEffect] = []
    /// The event-time profile of a staged rollout.
    var eventTime: [EventTimeEffect] = []
    /// Post-launch months in the model (staged rollout: post rows of the stacked model).
    var postMonthCount: Int
}
