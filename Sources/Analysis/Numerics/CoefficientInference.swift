/// One coefficient's estimate with its standard error, t statistic, two-sided p-value and confidence interval.
public struct CoefficientInference: Equatable, Sendable {
    /// The point estimate.
    public let estimate: Double
    /// The standard error of the estimate.
    public let standardError: Double
    /// estimate / standardError (±∞ when the standard error is zero and the estimate is not; 0 when both are).
    public let t: Double
    /// The two-sided p-value of t under Student's t with `df` degrees of freedom, computed on each access: an
    /// interval needs only the quantile, and the p-value's incomplete beta function costs as much as a small fit.
    public var p: Double {
        if standardError > 0 { return StudentT.twoSidedP(t, df: df) }
        return estimate == 0 ? 1 : 0
    }
    /// The lower end of the confidence interval.
    public let low: Double
    /// The upper end of the confidence interval.
    public let high: Double
    /// The degrees of freedom of the t distribution used.
    public let df: Double
    /// The confidence level of the interval, such as 0.95.
    public let level: Double

    /// Inference for an estimate with the given standard error under Student's t; nil for a level outside (0, 1).
    public init?(estimate: Double, standardError: Double, df: Double, level: Double = 0.95) {
        guard level > 0, level < 1, df > 0, standardError >= 0, estimate.isFinite, standardError.isFinite else {
            return nil
        }
        self.estimate = estimate
        self.standardError = standardError
        self.df = df
        self.level = level
        if standardError > 0 {
            t = estimate / standardError
        } else {
            t = estimate == 0 ? 0 : (estimate > 0 ? .infinity : -.infinity)
        }
        // The upper critical value, from the lower tail so that 1 − α/2 is never rounded.
        let critical = -StudentT.quantile((1 - level) / 2, df: df)
        low = estimate - critical * standardError
        high = estimate + critical * standardError
    }
}
