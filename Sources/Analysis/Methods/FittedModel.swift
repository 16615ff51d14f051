/// An OLS fit with its column names, lag count and description, ready to report.
struct FittedModel: Sendable {
    /// Column names, aliased columns included.
    let names: [String]
    /// The fit.
    let model: LinearModel
    /// Newey–West lags; 0 for clustered errors.
    let lags: Int
    /// The model in words, for the methodology page.
    let description: String

    /// Inference for the column called `name`; nil when it is absent or aliased.
    func inference(_ name: String) -> CoefficientInference? {
        names.firstIndex(of: name).flatMap { model.inference(for: $0) }
    }

    /// Every identified column's estimate, standard error, t and p.
    var coefficientRows: [CoefficientRow] {
        names.indices.compactMap { column in
            model.inference(for: column).map {
                CoefficientRow(name: names[column], estimate: $0.estimate, standardError: $0.standardError, t: $0.t,
                               p: $0.p)
            }
        }
    }

    /// The coefficient of `name` as an effect with its 95 % interval; nil when it is absent or aliased.
    func effect(_ name: String, postMonths: Int) -> EffectEstimate? {
        guard let coefficient = inference(name) else { return nil }
        return EffectEstimate(
            estimate: coefficient.estimate, standardError: coefficient.standardError, low: coefficient.low,
            high: coefficient.high, degreesOfFreedom: model.degreesOfFreedom, n: model.n, k: model.k, lags: lags,
            postMonths: postMonths, model: description, coefficients: coefficientRows)
    }
}
