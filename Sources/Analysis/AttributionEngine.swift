import Model

/// Estimates the effect of SPEC §4.2 with its diagnostics, and judges the status of §4.4.
///
/// The conventions (windows, designs, standard errors, errors and their order) are those of the reference oracle,
/// scripts/oracle/methods_reference.py, whose fixtures the tests compare against.
public enum AttributionEngine {
    /// The minimum number of baseline months: a pre-trend with its standard error needs one more than its two
    /// parameters. (The oracle's fixtures all have 6 or more.)
    static let minimumBaselineMonths = 3

    /// The effect, diagnostics and status for `input`; data problems give `error` and status `.flat`, never a trap.
    public static func estimate(_ input: AttributionInput) -> AttributionResult {
        let series = MethodSeries(input)
        let window = series.window
        var result = AttributionResult(baseline: nil, effect: nil, status: .tooEarly, targetEffect: nil,
                                       postMonths: window.post, transitionMonths: window.transition.map { [$0] } ?? [])
        do throws(AnalysisProblem) {
            try checkData(series)
            guard let baseline = BaselineStatistics(values: series.outcome(over: window.baseline)) else {
                throw AnalysisProblem(.tooFewMonths, "the baseline needs at least 2 months")
            }
            result.baseline = baseline
            result.signals = baseline.signals(in: window.post.map { ($0, series.outcome(at: $0)!) })
            let target = input.target.relative ? input.target.change / 100 * baseline.mean : input.target.change
            result.targetEffect = target

            try checkConstant(series.outcome(over: window.rows), "the outcome series")
            let estimate = try estimateByMethod(series)
            result.pretrend = estimate.pretrend
            result.placebo = estimate.placebo
            guard estimate.postMonthCount >= 2, let effect = estimate.effect else {
                result.status = .tooEarly
                return result
            }
            result.effect = effect
            result.waves = estimate.waves
            result.eventTime = estimate.eventTime
            result.status = status(of: effect, orientation: input.orientation, target: target)
        } catch {
            result.effect = nil
            result.waves = []
            result.eventTime = []
            result.status = .flat
            result.error = error
            result.problems.append(error.message)
        }
        return result
    }

    /// The status of SPEC §4.4: the estimate and interval oriented so that improvement is positive.
    static func status(of effect: EffectEstimate, orientation: Double, target: Double) -> Status {
        let low = orientation > 0 ? effect.low : -effect.high
        let high = orientation > 0 ? effect.high : -effect.low
        return Status.judge(orientedEstimate: orientation * effect.estimate, orientedLow: low, orientedHigh: high,
                            orientedTarget: orientation * target)
    }

    private static func estimateByMethod(_ series: MethodSeries) throws(AnalysisProblem) -> MethodEstimate {
        switch series.input.method {
        case .controlledComparison: return try controlledComparison(series)
        case .stagedRollout: return try stagedRollout(series)
        case .regression: return try regression(series)
        case .beforeAfter: return try beforeAfter(series)
        }
    }
}
