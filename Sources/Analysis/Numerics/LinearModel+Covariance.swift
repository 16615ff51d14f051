// The covariance estimators behind `CovarianceKind`, each a sandwich B M B around the bread B = (XᵀX)⁻¹.
extension LinearModel {
    /// s² (XᵀX)⁻¹ with s² = Σe²/(n − k), from the k × k bread into the k × k `result`.
    static func nonrobustCovariance(
        bread: UnsafePointer<Double>, residuals: UnsafePointer<Double>, rows n: Int, k: Int,
        into result: UnsafeMutablePointer<Double>
    ) {
        let scale = DenseKernels.dot(residuals, residuals, count: n) / Double(n - k)
        for index in 0..<(k * k) { result[index] = bread[index] * scale }
    }

    /// Newey–West with Bartlett weights 1 − l/(L + 1), times n/(n − k) (statsmodels' `use_correction=True`).
    ///
    /// The identified design columns are `design` columns `columns[0..<k]` (n rows each). The meat
    /// Γ₀ + Σₗ wₗ (Γₗ + Γₗᵀ), with Γₗ = Σₜ sₜ sₜ₋ₗᵀ over the scores sₜ = xₜ eₜ, is Sᵀ W S for the banded n × n
    /// matrix W with the Bartlett weight of |t − u| at (t, u): W S costs n k (2L + 1) and Sᵀ(W S) k(k + 1)n/2,
    /// against k² n (L + 1) for the lags one by one. `scores` and `smoothed` are scratch for k columns of
    /// `hacColumnStride(rows:maxLags:)` values each, `meat` and `left` k × k.
    static func hacCovariance(
        bread: UnsafePointer<Double>, design: UnsafePointer<Double>, columns: UnsafePointer<Int>, rows n: Int,
        k: Int, residuals: UnsafePointer<Double>, maxLags: Int,
        scores: UnsafeMutablePointer<Double>, smoothed: UnsafeMutablePointer<Double>,
        meat: UnsafeMutablePointer<Double>, left: UnsafeMutablePointer<Double>,
        into result: UnsafeMutablePointer<Double>
    ) {
        // Each score column sits between L zeros above and below, so that W S is, lag by lag, one pass over all
        // k columns at once: shifting by l then reads zeros, never the neighbouring column.
        let lags = min(maxLags, n - 1)
        let stride = hacColumnStride(rows: n, maxLags: maxLags)
        for position in 0..<k {
            let x = design + columns[position] * n
            let column = scores + position * stride
            for t in 0..<lags { column[t] = 0 }
            for t in 0..<n { column[lags &+ t] = x[t] * residuals[t] }
            for t in (lags + n)..<stride { column[t] = 0 }
        }
        smoothed.update(from: scores, count: k * stride)
        for lag in Swift.stride(from: 1, through: lags, by: 1) {
            let weight = 1 - Double(lag) / (Double(maxLags) + 1)
            DenseKernels.addScaledSum(weight, scores, scores + 2 * lag, to: smoothed + lag, count: k * stride - 2 * lag)
        }
        DenseKernels.crossProducts(scores + lags, stride: stride, smoothed + lags, stride: stride, length: n,
                                   m: k, p: k, into: meat, stride: k, upper: true)
        mirrorUpper(meat, k: k)
        sandwich(bread: bread, meat: meat, k: k, factor: Double(n) / Double(n - k), left: left, into: result)
    }

    /// The length of one score column in `hacCovariance`'s scratch: n rows between L zeros above and below.
    static func hacColumnStride(rows n: Int, maxLags: Int) -> Int {
        n + 2 * min(maxLags, n - 1)
    }

    /// Cluster-robust (CR1) with factor G/(G − 1)·(n − 1)/(n − k), statsmodels' default for `cov_type="cluster"`.
    static func clusterCovariance(bread: Matrix, design: Matrix, residuals: [Double], groups: [Int])
        -> (covariance: Matrix, clusters: Int)
    {
        let n = residuals.count
        let k = design.columnCount
        let scores = scoreRows(design: design, residuals: residuals)
        var sums: [Int: [Double]] = [:]
        for (row, label) in groups.enumerated() {
            var total = sums[label] ?? [Double](repeating: 0, count: k)
            for i in 0..<k { total[i] += scores[row][i] }
            sums[label] = total
        }
        var meat = Matrix(rows: k, columns: k)
        // Sum in label order so the result does not depend on dictionary order.
        for label in sums.keys.sorted() {
            let total = sums[label]!
            for i in 0..<k {
                for j in 0..<k { meat[i, j] += total[i] * total[j] }
            }
        }
        let g = Double(sums.count)
        let factor = g / (g - 1) * Double(n - 1) / Double(n - k)
        return (sandwich(bread: bread, meat: meat, factor: factor), sums.count)
    }

    /// Rows xₜ eₜ of the score matrix.
    private static func scoreRows(design: Matrix, residuals: [Double]) -> [[Double]] {
        residuals.indices.map { row in (0..<design.columnCount).map { design[row, $0] * residuals[row] } }
    }

    /// factor · B M B for symmetric k × k B and M, symmetrized.
    private static func sandwich(bread: Matrix, meat: Matrix, factor: Double) -> Matrix {
        let k = bread.rowCount
        var result = [Double](repeating: 0, count: k * k)
        bread.elements.withUnsafeBufferPointer { bread in
            meat.elements.withUnsafeBufferPointer { meat in
                result.withUnsafeMutableBufferPointer { result in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: k * k) { left in
                        guard k > 0 else { return }
                        sandwich(bread: bread.baseAddress!, meat: meat.baseAddress!, k: k, factor: factor,
                                 left: left.baseAddress!, into: result.baseAddress!)
                    }
                }
            }
        }
        return Matrix(rows: k, columns: k, elements: result)
    }

    /// factor · B (M B) into `result`, upper triangle mirrored; `left` is k × k scratch for M B.
    ///
    /// Both B and M are symmetric, so every entry is a dot product of two contiguous columns.
    private static func sandwich(
        bread: UnsafePointer<Double>, meat: UnsafePointer<Double>, k: Int, factor: Double,
        left: UnsafeMutablePointer<Double>, into result: UnsafeMutablePointer<Double>
    ) {
        DenseKernels.crossProducts(meat, stride: k, bread, stride: k, length: k, m: k, p: k,
                                   into: left, stride: k, upper: false)
        DenseKernels.crossProducts(bread, stride: k, left, stride: k, length: k, m: k, p: k,
                                   into: result, stride: k, upper: true)
        for j in 0..<k {
            for i in 0...j { result[j * k + i] *= factor }
        }
        mirrorUpper(result, k: k)
    }

    /// Copies the upper triangle of a k × k column-major matrix onto the lower one.
    private static func mirrorUpper(_ matrix: UnsafeMutablePointer<Double>, k: Int) {
        for j in 0..<k {
            for i in 0..<j { matrix[i * k + j] = matrix[j * k + i] }
        }
    }
}
