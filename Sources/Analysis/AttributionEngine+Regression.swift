import Model

// Regression: y = a + b·post (+ month dummies) + Σ c_j·x_j, covariates sorted by metric id; effect = b with
// Newey–West errors. A covariate that repeats earlier columns is dropped and not counted in k.
extension AttributionEngine {
    /// The effect on the outcome controlled for the covariates, with the pre-trend and placebo of the outcome.
    static func regression(_ series: MethodSeries) throws(AnalysisProblem) -> MethodEstimate {
        let window = series.window
        let pre = series.outcome(over: window.baseline)
        let post = series.outcome(over: window.post)
        var estimate = MethodEstimate(
            pretrend: try pretrend(pre, months: window.baseline, of: "y"),
            placebo: try placebo(pre, months: window.baseline, of: "y"),
            postMonthCount: window.post.count)
        guard window.post.count >= 2 else { return estimate }

        var design = ModelDesign(rowMonths: window.rows)
        design.addPost(window.baseline.map { _ in false } + window.post.map { _ in true })
        design.addMonthDummies(series.input.seasonality)
        for (index, covariate) in series.covariates.enumerated() {
            let symbol = series.covariates.count == 1 ? "c" : "c\(index + 1)"
            design.add(covariate.id, window.rows.map { covariate.values[$0]! }, term: "\(symbol)·\(covariate.id)")
        }
        let fitted = try design.fit(pre + post, lhs: "y", errors: .neweyWest, what: "the model")
        guard let effect = fitted.effect("post", postMonths: window.post.count) else {
            throw AnalysisProblem(.numerics, "the model cannot separate the post-launch months from the covariates")
        }
        estimate.effect = effect
        return estimate
    }
}
