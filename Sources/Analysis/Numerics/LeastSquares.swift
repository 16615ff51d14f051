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
        let columns = design.columnCount
        rowCount = n
        columnCount = columns
        guard n > 0, columns > 0 else {
            identified = []
            aliased = Array(0..<columns)
            factor = Matrix(rows: n, columns: 0)
            diagonal = []
            scales = []
            return
        }

        var work = design.elements
        var order = [Int](repeating: 0, count: columns)
        var diagonal = [Double](repeating: 0, count: columns)
        var scales = [Double](repeating: 0, count: columns)
        let rank = work.withUnsafeMutableBufferPointer { work in
            order.withUnsafeMutableBufferPointer { order in
                diagonal.withUnsafeMutableBufferPointer { diagonal in
                    scales.withUnsafeMutableBufferPointer { scales in
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: columns) { norms in
                            Self.factorize(
                                work.baseAddress!, rows: n, columns: columns, tolerance: tolerance,
                                order: order.baseAddress!, norms: norms.baseAddress!,
                                diagonal: diagonal.baseAddress!, scales: scales.baseAddress!
                            )
                        }
                    }
                }
            }
        }
        identified = Array(order[0..<rank])
        aliased = order[rank...].sorted()
        work.removeLast(work.count - n * rank)
        factor = Matrix(rows: n, columns: rank, elements: work)
        diagonal.removeLast(columns - rank)
        scales.removeLast(columns - rank)
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
        guard rank > 0 else { return ([], y) }
        var coefficients = [Double](repeating: 0, count: rank)
        var residuals = y
        factor.elements.withUnsafeBufferPointer { factor in
            diagonal.withUnsafeBufferPointer { diagonal in
                scales.withUnsafeBufferPointer { scales in
                    coefficients.withUnsafeMutableBufferPointer { coefficients in
                        residuals.withUnsafeMutableBufferPointer { residuals in
                            Self.solve(
                                factor: factor.baseAddress!, rows: rowCount, rank: rank,
                                diagonal: diagonal.baseAddress!, scales: scales.baseAddress!,
                                coefficients: coefficients.baseAddress!, residuals: residuals.baseAddress!
                            )
                        }
                    }
                }
            }
        }
        return (coefficients, residuals)
    }

    /// (XᵀX)⁻¹ over the identified columns, in their order, computed as R⁻¹R⁻ᵀ.
    func unscaledCovariance() -> Matrix {
        guard rank > 0 else { return Matrix(rows: 0, columns: 0) }
        var product = [Double](repeating: 0, count: rank * rank)
        factor.elements.withUnsafeBufferPointer { factor in
            diagonal.withUnsafeBufferPointer { diagonal in
                product.withUnsafeMutableBufferPointer { product in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: rank * rank) { inverse in
                        Self.unscaledCovariance(
                            factor: factor.baseAddress!, rows: rowCount, rank: rank, diagonal: diagonal.baseAddress!,
                            inverse: inverse.baseAddress!, into: product.baseAddress!
                        )
                    }
                }
            }
        }
        return Matrix(rows: rank, columns: rank, elements: product)
    }

    // MARK: - Kernels on raw buffers
    //
    // `LinearModel.fit` calls these directly on scratch memory, so that a fit allocates only its results.

    /// Factors the column-major rows × columns buffer `work` in place and returns the rank.
    ///
    /// On return the first `rank` columns of `work` hold the Householder vectors below the diagonal and R above
    /// it, `order` lists the design columns as factored (identified ones first, aliased ones after in the order
    /// they were set aside), and `diagonal` and `scales` hold R's diagonal and each reflection's β for the first
    /// `rank` steps. `norms` is scratch space for `columns` values.
    static func factorize(
        _ work: UnsafeMutablePointer<Double>, rows n: Int, columns: Int, tolerance: Double,
        order: UnsafeMutablePointer<Int>, norms: UnsafeMutablePointer<Double>,
        diagonal: UnsafeMutablePointer<Double>, scales: UnsafeMutablePointer<Double>
    ) -> Int {
        for column in 0..<columns {
            order[column] = column
            norms[column] = DenseKernels.norm(work + column * n, count: n)
        }
        var candidates = columns
        var step = 0
        while step < min(n, candidates) {
            // Move columns that add nothing to the columns before them to the end.
            var length = DenseKernels.norm(work + step * n + step, count: n - step)
            while length <= tolerance * norms[step] {
                rotateToEnd(work, rows: n, columns: columns, order: order, norms: norms, from: step)
                candidates -= 1
                guard step < candidates else { return step }
                length = DenseKernels.norm(work + step * n + step, count: n - step)
            }

            // Householder reflection H = I − β u uᵀ taking column `step` (rows step…) to (α, 0, …, 0).
            let u = work + step * n + step
            let head = u[0]
            let alpha = head >= 0 ? -length : length
            u[0] = head - alpha
            let beta = 1 / (length * (length + abs(head)))
            let count = n - step
            // The later candidate columns, two at a time so that u is read once per pair.
            var column = step + 1
            while column + 1 < candidates {
                let first = work + column * n + step
                let second = first + n
                let dots = DenseKernels.pairDot(u, first, second, count: count)
                DenseKernels.subtractScaled(beta * dots.0, u, from: first, count: count)
                DenseKernels.subtractScaled(beta * dots.1, u, from: second, count: count)
                column += 2
            }
            if column < candidates {
                let target = work + column * n + step
                let scaled = beta * DenseKernels.dot(u, target, count: count)
                DenseKernels.subtractScaled(scaled, u, from: target, count: count)
            }
            diagonal[step] = alpha
            scales[step] = beta
            step += 1
        }
        return step
    }

    /// Given y in `residuals`, writes the coefficients of the identified columns and replaces y by y − Xb.
    static func solve(
        factor: UnsafePointer<Double>, rows n: Int, rank: Int,
        diagonal: UnsafePointer<Double>, scales: UnsafePointer<Double>,
        coefficients: UnsafeMutablePointer<Double>, residuals: UnsafeMutablePointer<Double>
    ) {
        // Qᵀy, then back substitution in R.
        for step in 0..<rank { reflect(residuals, factor: factor, rows: n, step: step, scale: scales[step]) }
        for row in stride(from: rank - 1, through: 0, by: -1) {
            var sum = residuals[row]
            for column in (row + 1)..<max(row + 1, rank) { sum -= factor[column * n + row] * coefficients[column] }
            coefficients[row] = sum / diagonal[row]
        }
        // Residuals: zero the part in the column space and transform back.
        for row in 0..<rank { residuals[row] = 0 }
        for step in stride(from: rank - 1, through: 0, by: -1) {
            reflect(residuals, factor: factor, rows: n, step: step, scale: scales[step])
        }
    }

    /// Writes (XᵀX)⁻¹ = R⁻¹R⁻ᵀ, rank × rank and symmetric, into `product`; `inverse` is rank × rank scratch.
    static func unscaledCovariance(
        factor: UnsafePointer<Double>, rows n: Int, rank: Int, diagonal: UnsafePointer<Double>,
        inverse: UnsafeMutablePointer<Double>, into product: UnsafeMutablePointer<Double>
    ) {
        // Invert the upper-triangular R column by column, each by back substitution that subtracts whole (contiguous)
        // columns of R; entries of `inverse` below the diagonal are never read.
        for column in 0..<rank {
            let x = inverse + column * rank
            for row in 0..<column { x[row] = 0 }
            x[column] = 1
            for row in stride(from: column, through: 0, by: -1) {
                x[row] /= diagonal[row]
                DenseKernels.subtractScaled(x[row], factor + row * n, from: x, count: row)
            }
        }
        // Column j of R⁻¹R⁻ᵀ, rows 0…j, is Σ over l ≥ j of R⁻¹[j, l] times column l of R⁻¹; mirror below.
        for j in 0..<rank {
            let target = product + j * rank
            for row in 0...j { target[row] = 0 }
            for inner in j..<rank {
                DenseKernels.addScaled(inverse[inner * rank + j], inverse + inner * rank, to: target, count: j + 1)
            }
            for row in 0..<j { product[row * rank + j] = target[row] }
        }
    }

    // MARK: - Helpers

    /// v ← (I − β u uᵀ) v on rows step… with u the Householder vector of column `step`.
    @inline(__always)
    private static func reflect(
        _ vector: UnsafeMutablePointer<Double>, factor: UnsafePointer<Double>, rows n: Int, step: Int, scale: Double
    ) {
        let u = factor + step * n + step
        let v = vector + step
        let scaled = scale * DenseKernels.dot(u, UnsafePointer(v), count: n - step)
        DenseKernels.subtractScaled(scaled, u, from: v, count: n - step)
    }

    /// Moves column `index` after all others, shifting the later ones left, along with its order and norm.
    private static func rotateToEnd(
        _ work: UnsafeMutablePointer<Double>, rows n: Int, columns: Int,
        order: UnsafeMutablePointer<Int>, norms: UnsafeMutablePointer<Double>, from index: Int
    ) {
        for row in 0..<n {
            let saved = work[index * n + row]
            for column in index..<(columns - 1) { work[column * n + row] = work[(column + 1) * n + row] }
            work[(columns - 1) * n + row] = saved
        }
        let savedOrder = order[index]
        let savedNorm = norms[index]
        for column in index..<(columns - 1) {
            order[column] = order[column + 1]
            norms[column] = norms[column + 1]
        }
        order[columns - 1] = savedOrder
        norms[columns - 1] = savedNorm
    }
}
