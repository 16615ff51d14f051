// The covariance estimators behind `CovarianceKind`, each a sandwich B M B around the bread B = (XᵀX)⁻¹.
extension LinearModel {
    /// s² (XᵀX)⁻¹ with s² = Σe²/(n − k).
    static func nonrobustCovariance(bread: Matrix, residuals: [Double], k: Int) -> Matrix {
        let n = residuals.count
        let scale = residuals.reduce(0) { $0 + $1 * $1 } / Double(n - k)
        var result = bread
        for i in 0..<bread.rowCount {
            for j in 0..<bread.columnCount { result[i, j] *= scale }
        }
        return result
    }

    /// Newey–West with Bartlett weights 1 − l/(L + 1), times n/(n − k) (statsmodels' `use_correction=True`).
    static func hacCovariance(bread: Matrix, design: Matrix, residuals: [Double], maxLags: Int) -> Matrix {
        let n = residuals.count
        let k = design.columnCount
        let scores = scoreRows(design: design, residuals: residuals)
        var meat = Matrix(rows: k, columns: k)
        for lag in 0...min(maxLags, n - 1) {
            let weight = 1 - Double(lag) / Double(maxLags + 1)
            for i in 0..<k {
                for j in 0..<k {
                    var sum = 0.0
                    for t in lag..<n { sum += scores[t][i] * scores[t - lag][j] }
                    // Lag l contributes Γ_l + Γ_lᵀ; lag 0 contributes Γ_0 once.
                    meat[i, j] += weight * sum
                    if lag > 0 { meat[j, i] += weight * sum }
                }
            }
        }
        return sandwich(bread: bread, meat: meat, factor: Double(n) / Double(n - k))
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

    /// factor · B M B, symmetrized.
    private static func sandwich(bread: Matrix, meat: Matrix, factor: Double) -> Matrix {
        let k = bread.rowCount
        var left = Matrix(rows: k, columns: k)
        for i in 0..<k {
            for j in 0..<k {
                var sum = 0.0
                for inner in 0..<k { sum += bread[i, inner] * meat[inner, j] }
                left[i, j] = sum
            }
        }
        var result = Matrix(rows: k, columns: k)
        for i in 0..<k {
            for j in i..<k {
                var sum = 0.0
                for inner in 0..<k { sum += left[i, inner] * bread[inner, j] }
                result[i, j] = factor * sum
                result[j, i] = factor * sum
            }
        }
        return result
    }
}
