import Model

// Controlled comparison (difference-in-differences): d = mean(treatment) − mean(control), d = a + b·post
// (+ month dummies), effect = b with Newey–West errors.
extension AttributionEngine {
    /// The effect on d = treatment − control, with the pre-trend and placebo of d.
    static func controlledComparison(_ series: MethodSeries) throws(AnalysisProblem) -> MethodEstimate {
        let input = series.input
        let window = series.window
        let pre = series.difference(input.treatment, minus: input.control, over: window.baseline)
        let post = series.difference(input.treatment, minus: input.control, over: window.post)
        try checkConstant(pre + post, "treatment − control")

        let lhs = "d (treatment − control)"
        var estimate = MethodEstimate(
            pretrend: try pretrend(pre, months: window.baseline, of: lhs),
            placebo: try placebo(pre, months: window.baseline, of: lhs),
            postMonthCount: window.post.count)
        guard window.post.count >= 2 else { return estimate }
        estimate.effect = try differenceModel(pre: pre, post: post, baseline: window.baseline, postMonths: window.post,
                                              seasonality: input.seasonality, lhs: lhs, what: "the model")
        return estimate
    }

    /// d = a + b·post (+ month dummies when seasonal and n ≥ 24) over B then P; the effect is b (Newey–West).
    static func differenceModel(pre: [Double], post: [Double], baseline: [Month], postMonths: [Month],
                                seasonality: Attribution.Seasonality, lhs: String,
                                what: String) throws(AnalysisProblem) -> EffectEstimate {
        var design = ModelDesign(rowMonths: baseline + postMonths)
        design.addPost(baseline.map { _ in false } + postMonths.map { _ in true })
        design.addMonthDummies(seasonality)
        let fitted = try design.fit(pre + post, lhs: lhs, errors: .neweyWest, what: what)
        guard let effect = fitted.effect("post", postMonths: postMonths.count) else {
            throw AnalysisProblem(.numerics, "\(what) cannot separate the post-launch months from the others")
        }
        return effect
    }
}
