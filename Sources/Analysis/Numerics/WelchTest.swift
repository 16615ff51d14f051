/// Welch's two-sample t-test for a difference of means without assuming equal variances.
///
/// Matches scipy `ttest_ind(a, b, equal_var=False)` and its `confidence_interval()`.
public struct WelchTest: Equatable, Sendable {
    /// mean(a) − mean(b).
    public let estimate: Double
    /// The standard error √(s²ₐ/nₐ + s²ᵦ/nᵦ) of the difference.
    public let standardError: Double
    /// The Welch–Satterthwaite degrees of freedom.
    public let df: Double
    /// The t statistic, estimate / standardError.
    public let t: Double
    /// The two-sided p-value.
    public let p: Double
    /// The lower end of the 95 % confidence interval for the difference.
    public let low: Double
    /// The upper end of the 95 % confidence interval for the difference.
    public let high: Double

    /// Compares sample `a` with sample `b`; each needs at least two finite values and not both may be constant.
    public init(_ a: [Double], _ b: [Double]) throws {
        for sample in [a, b] where sample.count < 2 {
            throw NumericsError.tooFewObservations(required: 2, actual: sample.count)
        }
        guard a.allSatisfy(\.isFinite), b.allSatisfy(\.isFinite) else { throw NumericsError.nonFiniteInput }
        let (meanA, varianceA) = Self.meanAndVariance(a)
        let (meanB, varianceB) = Self.meanAndVariance(b)
        let shareA = varianceA / Double(a.count)
        let shareB = varianceB / Double(b.count)
        let variance = shareA + shareB
        guard variance > 0 else { throw NumericsError.zeroVariance }
        guard variance.isFinite, (meanA - meanB).isFinite else { throw NumericsError.overflow }
        let denominator = shareA * shareA / Double(a.count - 1) + shareB * shareB / Double(b.count - 1)
        df = variance * variance / denominator
        guard df.isFinite else { throw NumericsError.overflow }
        estimate = meanA - meanB
        standardError = variance.squareRoot()
        t = estimate / standardError
        p = StudentT.twoSidedP(t, df: df)
        let critical = -StudentT.quantile(0.025, df: df)
        low = estimate - critical * standardError
        high = estimate + critical * standardError
    }

    /// The confidence interval for the difference at another level; nil for a level outside (0, 1).
    public func interval(level: Double) -> (low: Double, high: Double)? {
        guard level > 0, level < 1 else { return nil }
        let critical = -StudentT.quantile((1 - level) / 2, df: df)
        return (estimate - critical * standardError, estimate + critical * standardError)
    }

    /// The mean (with one correction pass) and the n − 1 variance, both from centred values.
    private static func meanAndVariance(_ values: [Double]) -> (mean: Double, variance: Double) {
        let count = Double(values.count)
        var mean = values.reduce(0, +) / count
        mean += values.reduce(0) { $0 + ($1 - mean) } / count
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / (count - 1))
    }
}
