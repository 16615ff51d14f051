import Model

// Before-after: Welch's two-sample t between post-launch and baseline months, on year-over-year differences when
// the seasonality is month-of-year and the history allows, else on levels. No comparison group, no diagnostics.
extension AttributionEngine {
    /// The sentence every page using before-after states (SPEC §4.2).
    static let beforeAfterCaveat = "No comparison group controls for other causes."

    /// Welch's difference of means; no pre-trend or placebo.
    static func beforeAfter(_ series: MethodSeries) throws(AnalysisProblem) -> MethodEstimate {
        let window = series.window
        var estimate = MethodEstimate(postMonthCount: window.post.count)
        guard window.post.count >= 2 else { return estimate }

        let changes = yearOverYear(series)
        let samples = changes ?? (post: series.outcome(over: window.post), base: series.outcome(over: window.baseline))
        let welch: WelchTest
        do {
            welch = try WelchTest(samples.post, samples.base)
        } catch NumericsError.zeroVariance {
            throw AnalysisProblem(.constantOutcome, "the compared values are constant before and after launch, "
                                  + "so the change has no standard error")
        } catch {
            throw AnalysisProblem(.numerics, "the Welch test failed: \(error)")
        }
        let compared = changes == nil
            ? "the levels of \(samples.post.count) post-launch months against those of \(samples.base.count) "
                + "baseline months"
            : "the year-over-year differences (y − y 12 months earlier) of \(samples.post.count) post-launch months "
                + "against those of \(samples.base.count) baseline months"
        let model = "Welch two-sample t test of " + compared + "; effect = difference of the means; "
            + "Welch–Satterthwaite degrees of freedom \((welch.df * 10).rounded() / 10). " + beforeAfterCaveat
        estimate.effect = EffectEstimate(
            estimate: welch.estimate, standardError: welch.standardError, low: welch.low, high: welch.high,
            degreesOfFreedom: welch.df, n: samples.post.count + samples.base.count, k: 2, lags: 0,
            postMonths: window.post.count, model: model,
            coefficients: [CoefficientRow(name: "difference of means", estimate: welch.estimate,
                                          standardError: welch.standardError, t: welch.t, p: welch.p)])
        return estimate
    }

    /// y(t) − y(t−12) for the post months and the baseline months that have it, when the seasonality is
    /// month-of-year, every post month has y(t−12) and at least 2 baseline months do; nil otherwise.
    private static func yearOverYear(_ series: MethodSeries) -> (post: [Double], base: [Double])? {
        guard series.input.seasonality == .monthOfYear else { return nil }
        func change(_ month: Month) -> Double? {
            guard let now = series.outcome(at: month), let before = series.outcome(at: month.adding(-12)) else {
                return nil
            }
            return now - before
        }
        let post = series.window.post.compactMap(change)
        let base = series.window.baseline.compactMap(change)
        guard post.count == series.window.post.count, base.count >= 2 else { return nil }
        return (post, base)
    }
}
