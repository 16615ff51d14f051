/// A Householder QR factorization of a design matrix that sets aside aliased columns the way R's `lm` does.
///
/// Columns are taken in order; a column whose part orthogonal to the columns before it is smaller than
/// `tolerance` times its own norm is aliased (a linear combination of earlier columns) and moved to the end, as in
/// LINPACK's `dqrdc2` used by R. The remaining columns keep their order and are solved exactly.
public struct LeastSquares: Sendable {
    /// Columns of the design that are linear combinations of earlier columns, in increasing order.
    public let aliased: [Int]
    /// Columns of the design that are estimated, in increasing order.
    public let identified: [Int]
    /// The number of observations (rows of the design).
    public let rowCount: Int
    /// The number of columns of the design, aliased ones included.
    public let columnCount: Int

    /// Householder vectors below the diagonal and R above it, for the identified columns in order.
    private let factor: Matrix
    /// The diagonal of R.
    private let diagonal: [Double]
    /// The scale β of each reflection H = I − β u uᵀ.
    private let scales: [Double]

    /// The number of identified columns, the rank of the design.
    public var rank: Int { identified.count }

    /// Factors `design`; `tolerance` is the relative size below which a column counts as aliased (R's default).
    ///
    /// The design should be finite (`LinearModel.fit` checks); non-finite entries give non-finite results.
    public init(design: Matrix, tolerance: Double = 1e-7) {
        let n = design.rowCount
        rowCount = n
        columnCount = design.columnCount

        var work = design
        var order = Array(0..<design.columnCount)
        var norms = (0..<design.columnCount).map { Self.norm(design.column($0)) }
        var candidates = design.columnCount
        var diagonal: [Double] = []
        var scales: [Double] = []
        var step = 0

        while step < min(n, candidates) {
            // Move columns that add nothing to the columns before them to the end.
            while step < candidates,
                  Self.remainingNorm(work, column: step, from: step) <= tolerance * norms[step]
            {
                Self.rotateToEnd(&work, &order, &norms, from: step)
                candidates -= 1
            }
            guard step < candidates else { break }

            // Householder reflection H = I − β u uᵀ taking column `step` (rows step…) to (α, 0, …, 0).
            let length = Self.remainingNorm(work, column: step, from: step)
            let head = work[step, step]
            let alpha = head >= 0 ? -length : length
            work[step, step] = head - alpha
            let beta = 1 / (length * (length + abs(head)))
            for column in (step + 1)..<max(step + 1, candidates) {
                var dot = 0.0
                for row in step..<n { dot += work[row, step] * work[row, column] }
                let scaled = beta * dot
                for row in step..<n { work[row, column] -= scaled * work[row, step] }
            }
            diagonal.append(alpha)
            scales.append(beta)
            step += 1
        }

        let rank = step
        identified = Array(order[0..<rank])
        aliased = order[rank...].sorted()
        factor = work.selecting(columns: Array(0..<rank))
        self.diagonal = diagonal
        self.scales = scales
    }

    // MARK: - Solving

    /// The least-squares coefficients for `y` (one value per row), one per design column, nil for aliased columns.
    public func coefficients(for y: [Double]) -> [Double?] {
        var result = [Double?](repeating: nil, count: columnCount)
        for (position, value) in zip(identified, solve(y).coefficients) { result[position] = value }
        return result
    }

    /// Coefficients of the identified columns (in order) and the residuals y − Xb, for `y` with one value per row.
    func solve(_ y: [Double]) -> (coefficients: [Double], residuals: [Double]) {
        precondition(y.count == rowCount, "LeastSquares.solve needs one value per row")
        var projected = y
        applyTransposeQ(&projected)
        var coefficients = [Double](repeating: 0, count: rank)
        for row in stride(from: rank - 1, through: 0, by: -1) {
            var sum = projected[row]
            for column in (row + 1)..<max(row + 1, rank) { sum -= factor[row, column] * coefficients[column] }
            coefficients[row] = sum / diagonal[row]
        }
        // Residuals: zero the part in the column space and transform back.
        var residuals = projected
        for row in 0..<rank { residuals[row] = 0 }
        applyQ(&residuals)
        return (coefficients, residuals)
    }

    /// (XᵀX)⁻¹ over the identified columns, in their order, computed as R⁻¹R⁻ᵀ.
    func unscaledCovariance() -> Matrix {
        // Invert the upper-triangular R column by column.
        var inverse = Matrix(rows: rank, columns: rank)
        for column in 0..<rank {
            inverse[column, column] = 1 / diagonal[column]
            for row in stride(from: column - 1, through: 0, by: -1) {
                var sum = 0.0
                for inner in (row + 1)...column { sum += factor[row, inner] * inverse[inner, column] }
                inverse[row, column] = -sum / diagonal[row]
            }
        }
        var product = Matrix(rows: rank, columns: rank)
        for i in 0..<rank {
            for j in i..<rank {
                var sum = 0.0
                for inner in j..<rank { sum += inverse[i, inner] * inverse[j, inner] }
                product[i, j] = sum
                product[j, i] = sum
            }
        }
        return product
    }

    // MARK: - Reflections

    /// Replaces v by Qᵀv.
    private func applyTransposeQ(_ vector: inout [Double]) {
        for step in 0..<rank { reflect(&vector, step: step) }
    }

    /// Replaces v by Qv.
    private func applyQ(_ vector: inout [Double]) {
        for step in stride(from: rank - 1, through: 0, by: -1) { reflect(&vector, step: step) }
    }

    private func reflect(_ vector: inout [Double], step: Int) {
        var dot = 0.0
        for row in step..<rowCount { dot += factor[row, step] * vector[row] }
        let scaled = scales[step] * dot
        for row in step..<rowCount { vector[row] -= scaled * factor[row, step] }
    }

    // MARK: - Helpers

    private static func norm(_ values: [Double]) -> Double {
        // Scaled to avoid overflow and underflow of the squares.
        let largest = values.reduce(0) { max($0, abs($1)) }
        guard largest > 0, largest.isFinite else { return largest }
        let sum = values.reduce(0) { $0 + ($1 / largest) * ($1 / largest) }
        return largest * sum.squareRoot()
    }

    private static func remainingNorm(_ matrix: Matrix, column: Int, from row: Int) -> Double {
        norm((row..<matrix.rowCount).map { matrix[$0, column] })
    }

    private static func rotateToEnd(
        _ matrix: inout Matrix, _ order: inout [Int], _ norms: inout [Double], from index: Int
    ) {
        var columns = (0..<matrix.columnCount).map { matrix.column($0) }
        columns.append(columns.remove(at: index))
        matrix = Matrix(columns: columns)
        order.append(order.remove(at: index))
        norms.append(norms.remove(at: index))
    }
}
