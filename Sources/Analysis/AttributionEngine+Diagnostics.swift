import Model

// The pre-launch diagnostics of SPEC §4.2: the baseline trend and a placebo launch, both over the baseline rows
// only, with Newey–West errors from the baseline's own n and never month dummies or covariates.
extension AttributionEngine {
    /// The slope of `values` (the baseline months in order) on t = 0, 1, …, with its HAC standard error and p-value.
    static func pretrend(_ values: [Double], months: [Month],
                         of series: String) throws(AnalysisProblem) -> TrendEstimate {
        var design = ModelDesign(rowMonths: months)
        design.add("slope", values.indices.map(Double.init), term: "slope·t")
        let fitted = try design.fit(values, lhs: series, errors: .neweyWest, what: "the pre-trend model")
        guard let slope = fitted.inference("slope") else {
            throw AnalysisProblem(.numerics, "the pre-trend model has no slope")
        }
        return TrendEstimate(slope: slope.estimate, standardError: slope.standardError, p: slope.p)
    }

    /// A launch placed at baseline row floor(|B|/2): its `post` coefficient should be near zero.
    static func placebo(_ values: [Double], months: [Month],
                        of series: String) throws(AnalysisProblem) -> EffectEstimate {
        var design = ModelDesign(rowMonths: months)
        let half = values.count / 2
        design.addPost(values.indices.map { $0 >= half })
        let fitted = try design.fit(values, lhs: series, errors: .neweyWest, what: "the placebo model")
        guard var effect = fitted.effect("post", postMonths: values.count - half) else {
            throw AnalysisProblem(.numerics, "the placebo model has no post coefficient")
        }
        effect.model = "Placebo launch in \(months[half]), the middle of the baseline: " + effect.model
        return effect
    }
}
