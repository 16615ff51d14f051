import Foundation

/// An ordinary least-squares fit with coefficient inference under a chosen covariance estimator.
///
/// Aliased design columns (linear combinations of earlier columns) are dropped as in R's `lm`; `k` counts only
/// the identified columns, and every per-column array has nil in an aliased column's place. The numbers match
/// statsmodels `OLS(y, X_identified).fit(cov_type=…, use_t=True)` for the covariance kinds in `CovarianceKind`.
public struct LinearModel: Sendable {
    /// The estimated coefficient of each design column; nil for aliased columns.
    public let coefficients: [Double?]
    /// The standard error of each coefficient; nil for aliased columns.
    public let standardErrors: [Double?]
    /// The degrees of freedom of the t distribution used for inference: n − k, or G − 1 for cluster covariance.
    public let degreesOfFreedom: Double
    /// The number of observations.
    public let n: Int
    /// The number of identified (estimated) parameters.
    public let k: Int
    /// Design columns that are linear combinations of earlier columns, in increasing order.
    public let aliased: [Int]
    /// The residuals y − Xb, one per observation.
    public let residuals: [Double]
    /// The covariance estimator the standard errors come from.
    public let covarianceKind: CovarianceKind

    /// The coefficient covariance over the identified columns, in their order.
    private let covarianceMatrix: Matrix
    /// For each design column, its position among the identified columns.
    private let positions: [Int?]

    /// Fits y = Xb + e by least squares and estimates the coefficient covariance.
    ///
    /// - Parameter rankTolerance: the relative size below which a column counts as aliased (R's default 1e-7).
    public static func fit(
        y: [Double],
        design: Matrix,
        covariance: CovarianceKind,
        rankTolerance: Double = 1e-7
    ) throws -> LinearModel {
        let n = y.count
        guard design.rowCount == n else { throw NumericsError.dimensionMismatch(expected: design.rowCount, actual: n) }
        guard n > 0 else { throw NumericsError.tooFewObservations(required: 1, actual: 0) }
        guard y.allSatisfy(\.isFinite), design.elements.allSatisfy(\.isFinite) else {
            throw NumericsError.nonFiniteInput
        }
        switch covariance {
        case .nonrobust:
            break
        case let .hac(maxLags):
            guard maxLags >= 0 else { throw NumericsError.negativeLagCount(maxLags) }
        case let .cluster(groups):
            guard groups.count == n else { throw NumericsError.dimensionMismatch(expected: n, actual: groups.count) }
            let count = Set(groups).count
            guard count >= 2 else { throw NumericsError.tooFewClusters(count) }
        }

        let squares = LeastSquares(design: design, tolerance: rankTolerance)
        let k = squares.rank
        guard n > k else { throw NumericsError.tooManyParameters(parameters: k, observations: n) }
        let (estimates, residuals) = squares.solve(y)
        let bread = squares.unscaledCovariance()
        let identifiedDesign = design.selecting(columns: squares.identified)

        let covarianceMatrix: Matrix
        let df: Double
        switch covariance {
        case .nonrobust:
            covarianceMatrix = nonrobustCovariance(bread: bread, residuals: residuals, k: k)
            df = Double(n - k)
        case let .hac(maxLags):
            covarianceMatrix = hacCovariance(bread: bread, design: identifiedDesign, residuals: residuals, maxLags: maxLags)
            df = Double(n - k)
        case let .cluster(groups):
            let result = clusterCovariance(bread: bread, design: identifiedDesign, residuals: residuals, groups: groups)
            covarianceMatrix = result.covariance
            df = Double(result.clusters - 1)
        }

        var positions = [Int?](repeating: nil, count: design.columnCount)
        var coefficients = [Double?](repeating: nil, count: design.columnCount)
        var standardErrors = [Double?](repeating: nil, count: design.columnCount)
        for (position, column) in squares.identified.enumerated() {
            positions[column] = position
            coefficients[column] = estimates[position]
            standardErrors[column] = max(0, covarianceMatrix[position, position]).squareRoot()
        }
        guard estimates.allSatisfy(\.isFinite), covarianceMatrix.elements.allSatisfy(\.isFinite),
              residuals.allSatisfy(\.isFinite)
        else { throw NumericsError.overflow }

        return LinearModel(
            coefficients: coefficients,
            standardErrors: standardErrors,
            degreesOfFreedom: df,
            n: n,
            k: k,
            aliased: squares.aliased,
            residuals: residuals,
            covarianceKind: covariance,
            covarianceMatrix: covarianceMatrix,
            positions: positions
        )
    }

    /// The number of lags Newey–West suggests for n observations: floor(4 (n/100)^(2/9)).
    public static func neweyWestLags(n: Int) -> Int {
        guard n > 0 else { return 0 }
        return Int((4 * pow(Double(n) / 100, 2.0 / 9.0)).rounded(.down))
    }

    /// The estimated covariance of the coefficients of two design columns; nil if either is aliased or out of range.
    public func covariance(_ first: Int, _ second: Int) -> Double? {
        guard positions.indices.contains(first), positions.indices.contains(second),
              let i = positions[first], let j = positions[second]
        else { return nil }
        return covarianceMatrix[i, j]
    }

    /// Estimate, standard error, t, p and interval for one design column; nil if aliased, out of range, or the
    /// level is outside (0, 1).
    public func inference(for column: Int, level: Double = 0.95) -> CoefficientInference? {
        guard coefficients.indices.contains(column), let estimate = coefficients[column],
              let standardError = standardErrors[column]
        else { return nil }
        return CoefficientInference(estimate: estimate, standardError: standardError, df: degreesOfFreedom, level: level)
    }
}
