import Model

/// Estimates the effect of SPEC §4.2 and judges the status of §4.4.
public enum AttributionEngine {
    /// The effect, diagnostics and status for `input`.
    public static func estimate(_ input: AttributionInput) -> AttributionResult {
        let series = input.mean(of: input.baselineSegments)
        let baselineMonths = Month.range(input.baselineFrom, through: input.baselineTo)
        let baselineValues = baselineMonths.compactMap { series[$0] }
        let baseline = BaselineStatistics(values: baselineValues)
        let firstPost = AttributionInput.firstPostMonth(goLive: input.launch)
        let postMonths = Month.range(firstPost, through: input.reportMonth).filter { series[$0] != nil }
        let transitions = [AttributionInput.transitionMonth(goLive: input.launch)].compactMap { $0 }.filter { $0 <= input.reportMonth }
        let signals = baseline?.signals(in: postMonths.map { ($0, series[$0]!) }) ?? []

        var result = AttributionResult(baseline: baseline, effect: nil, status: .tooEarly, targetEffect: nil,
                                       signals: signals, postMonths: postMonths, transitionMonths: transitions)
        guard let baseline else {
            result.problems.append("the baseline has fewer than 2 months of data, so no effect can be estimated")
            return result
        }
        let target = input.target.relative ? input.target.change / 100 * baseline.mean : input.target.change
        result.targetEffect = target
        guard postMonths.count >= 2 else { return result }

        do {
            let welch = try WelchTest(postMonths.map { series[$0]! }, baselineValues)
            result.effect = EffectEstimate(
                estimate: welch.estimate, standardError: welch.standardError, low: welch.low, high: welch.high,
                degreesOfFreedom: welch.df, n: postMonths.count + baselineValues.count, k: 2, lags: 0,
                postMonths: postMonths.count, model: "Welch two-sample t: post-launch months vs baseline months")
        } catch {
            result.problems.append("no effect could be estimated: \(error)")
            result.status = .flat
            return result
        }
        let effect = result.effect!
        let o = input.orientation
        result.status = Status.judge(orientedEstimate: o * effect.estimate, orientedLow: min(o * effect.low, o * effect.high),
                                     orientedHigh: max(o * effect.low, o * effect.high), orientedTarget: o * target)
        return result
    }
}
