import Foundation

/// An ordinary least-squares fit with coefficient inference under a chosen covariance estimator.
///
/// Aliased design columns (linear combinations of earlier columns) are dropped as in R's `lm`; `k` counts only
/// the identified columns, and every per-column array has nil in an aliased column's place. The numbers match
/// statsmodels `OLS(y, X_identified).fit(cov_type=…, use_t=True)` for the covariance kinds in `CovarianceKind`.
public struct LinearModel: Sendable {
    /// The degrees of freedom of the t distribution used for inference: n − k, or G − 1 for cluster covariance.
    public let degreesOfFreedom: Double
    /// The number of observations.
    public let n: Int
    /// The number of identified (estimated) parameters.
    public let k: Int
    /// Design columns that are linear combinations of earlier columns, in increasing order.
    public let aliased: [Int]
    /// The covariance estimator the standard errors come from.
    public let covarianceKind: CovarianceKind

    /// The k estimates of the identified columns in order, then their k × k covariance (column-major), then the
    /// n residuals: one allocation per fit, where separate arrays would cost one each.
    private let storage: [Double]

    /// The estimated coefficient of each design column; nil for aliased columns. Built on each access.
    public var coefficients: [Double?] {
        (0..<(k + aliased.count)).map { column in position(of: column).map { storage[$0] } }
    }

    /// The standard error of each coefficient; nil for aliased columns. Built on each access.
    public var standardErrors: [Double?] {
        (0..<(k + aliased.count)).map { column in position(of: column).map(standardError) }
    }

    /// The residuals y − Xb, one per observation. Copied out on each access.
    public var residuals: [Double] {
        Array(storage[(k + k * k)...])
    }

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

        // One scratch block for the factorization and the covariance, so that a fit allocates only its results.
        let columns = design.columnCount
        var scoreStride = 0
        if case let .hac(maxLags) = covariance { scoreStride = hacColumnStride(rows: n, maxLags: maxLags) }
        let scratchCount = n * columns + 3 * columns + 4 * columns * columns + 2 * scoreStride * columns
        return try withUnsafeTemporaryAllocation(of: Int.self, capacity: max(columns, 1)) { order in
            try withUnsafeTemporaryAllocation(of: Double.self, capacity: max(scratchCount, 1)) { scratch in
                try fit(y: y, design: design, covariance: covariance, rankTolerance: rankTolerance,
                        scoreStride: scoreStride, order: order.baseAddress!, scratch: scratch.baseAddress!)
            }
        }
    }

    /// The body of `fit` once the inputs are checked; `order` holds a design row's worth of Ints and `scratch`
    /// nc + 3c + 4c² + 2·scoreStride·c Doubles for c design columns (`scoreStride` is zero unless HAC).
    private static func fit(
        y: [Double], design: Matrix, covariance: CovarianceKind, rankTolerance: Double, scoreStride: Int,
        order: UnsafeMutablePointer<Int>, scratch: UnsafeMutablePointer<Double>
    ) throws -> LinearModel {
        let n = y.count
        let columns = design.columnCount
        let work = scratch
        let norms = work + n * columns
        let diagonal = norms + columns
        let scales = diagonal + columns
        let bread = scales + columns
        let inverse = bread + columns * columns
        let meat = inverse + columns * columns
        let left = meat + columns * columns
        let scores = left + columns * columns
        let smoothed = scores + scoreStride * columns

        design.elements.withUnsafeBufferPointer { elements in
            if let source = elements.baseAddress { work.update(from: source, count: n * columns) }
        }
        let k = LeastSquares.factorize(
            work, rows: n, columns: columns, tolerance: rankTolerance,
            order: order, norms: norms, diagonal: diagonal, scales: scales
        )
        guard n > k else { throw NumericsError.tooManyParameters(parameters: k, observations: n) }
        // The result: estimates, covariance, residuals (see `storage`).
        var storage = [Double](repeating: 0, count: k + k * k + n)
        let df = try storage.withUnsafeMutableBufferPointer { storage in
            let result = storage.baseAddress!
            let covarianceResult = result + k
            let residuals = covarianceResult + k * k
            residuals.update(from: y, count: n)
            LeastSquares.solve(
                factor: work, rows: n, rank: k, diagonal: diagonal, scales: scales,
                coefficients: result, residuals: residuals
            )
            LeastSquares.unscaledCovariance(factor: work, rows: n, rank: k, diagonal: diagonal, inverse: inverse,
                                            into: bread)
            let df: Double
            switch covariance {
            case .nonrobust:
                nonrobustCovariance(bread: bread, residuals: residuals, rows: n, k: k, into: covarianceResult)
                df = Double(n - k)
            case let .hac(maxLags):
                design.elements.withUnsafeBufferPointer { elements in
                    guard k > 0 else { return }
                    hacCovariance(
                        bread: bread, design: elements.baseAddress!, columns: order, rows: n, k: k,
                        residuals: residuals, maxLags: maxLags,
                        scores: scores, smoothed: smoothed, meat: meat, left: left, into: covarianceResult
                    )
                }
                df = Double(n - k)
            case let .cluster(groups):
                let identifiedDesign = design.selecting(columns: Array(UnsafeBufferPointer(start: order, count: k)))
                let breadMatrix = Matrix(rows: k, columns: k,
                                         elements: Array(UnsafeBufferPointer(start: bread, count: k * k)))
                let fit = clusterCovariance(bread: breadMatrix, design: identifiedDesign,
                                            residuals: Array(UnsafeBufferPointer(start: residuals, count: n)),
                                            groups: groups)
                fit.covariance.elements.withUnsafeBufferPointer { elements in
                    if let source = elements.baseAddress { covarianceResult.update(from: source, count: k * k) }
                }
                df = Double(fit.clusters - 1)
            }
            for index in 0..<storage.count where !storage[index].isFinite { throw NumericsError.overflow }
            return df
        }

        return LinearModel(
            degreesOfFreedom: df,
            n: n,
            k: k,
            aliased: k == columns ? [] : UnsafeBufferPointer(start: order + k, count: columns - k).sorted(),
            covarianceKind: covariance,
            storage: storage
        )
    }

    /// The number of lags Newey–West suggests for n observations: floor(4 (n/100)^(2/9)).
    public static func neweyWestLags(n: Int) -> Int {
        guard n > 0 else { return 0 }
        return Int((4 * pow(Double(n) / 100, 2.0 / 9.0)).rounded(.down))
    }

    /// The estimated covariance of the coefficients of two design columns; nil if either is aliased or out of range.
    public func covariance(_ first: Int, _ second: Int) -> Double? {
        guard let i = position(of: first), let j = position(of: second) else { return nil }
        return storage[k + j * k + i]
    }

    /// Estimate, standard error, t, p and interval for one design column; nil if aliased, out of range, or the
    /// level is outside (0, 1).
    public func inference(for column: Int, level: Double = 0.95) -> CoefficientInference? {
        guard let position = position(of: column) else { return nil }
        return CoefficientInference(estimate: storage[position], standardError: standardError(position),
                                    df: degreesOfFreedom, level: level)
    }

    /// The position of a design column among the identified columns; nil if aliased or out of range.
    private func position(of column: Int) -> Int? {
        guard column >= 0, column < k + aliased.count else { return nil }
        // Identified columns keep their order, so a column's position is its index less the aliased ones before it.
        var before = 0
        for other in aliased {
            if other == column { return nil }
            if other > column { break }
            before += 1
        }
        return column - before
    }

    /// The standard error of the identified column at `position`.
    private func standardError(_ position: Int) -> Double {
        max(0, storage[k + position * k + position]).squareRoot()
    }
}
