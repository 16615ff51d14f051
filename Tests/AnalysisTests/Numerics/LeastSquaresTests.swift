import Testing

@testable import Analysis

/// The pivoted QR: which columns are aliased, and exact solutions of small systems.
struct LeastSquaresTests {
    @Test("a column that repeats earlier ones is aliased, not the earlier ones (R's lm order)")
    func aliasesTheLaterColumn() {
        let x: [Double] = [0.3, -1.2, 2.5, 0.7, 1.1, -0.4]
        let twice = x.map { 2 * $0 }
        let squares = LeastSquares(design: Matrix(columns: [[1, 1, 1, 1, 1, 1], x, twice]))
        #expect(squares.aliased == [2])
        #expect(squares.identified == [0, 1])
        #expect(squares.rank == 2)
        let swapped = LeastSquares(design: Matrix(columns: [[1, 1, 1, 1, 1, 1], twice, x]))
        #expect(swapped.aliased == [2])
    }

    @Test("intercept plus every month dummy aliases the last dummy; an all-zero column is aliased")
    func monthDummies() {
        let n = 30
        var columns: [[Double]] = [Array(repeating: 1, count: n)]
        for month in 0..<12 { columns.append((0..<n).map { $0 % 12 == month ? 1 : 0 }) }
        columns.append(Array(repeating: 0, count: n))
        columns.append((0..<n).map { Double($0) })
        let squares = LeastSquares(design: Matrix(columns: columns))
        #expect(squares.aliased == [12, 13])
        #expect(squares.rank == 13)
    }

    @Test("more columns than rows: the columns beyond the rank are aliased")
    func wideDesign() {
        let squares = LeastSquares(design: Matrix(columns: [[1, 1], [0, 1], [3, 5], [2, 2]]))
        #expect(squares.identified == [0, 1])
        #expect(squares.aliased == [2, 3])
    }

    @Test("an exactly determined line is recovered")
    func exactSolution() throws {
        let design = Matrix(columns: [[1, 1, 1, 1], [1, 2, 3, 4]])
        let coefficients = LeastSquares(design: design).coefficients(for: [5, 7, 9, 11])
        #expect(abs(try #require(coefficients[0]) - 3) <= 1e-14)
        #expect(abs(try #require(coefficients[1]) - 2) <= 1e-14)
    }

    @Test("(XᵀX)⁻¹ from R⁻¹R⁻ᵀ matches the closed form for a line")
    func unscaledCovariance() {
        let xs: [Double] = [1, 2, 3, 4, 6]
        let squares = LeastSquares(design: Matrix(columns: [Array(repeating: 1, count: 5), xs]))
        let covariance = squares.unscaledCovariance()
        let n = 5.0
        let sum = xs.reduce(0, +)
        let sumSquares = xs.reduce(0) { $0 + $1 * $1 }
        let determinant = n * sumSquares - sum * sum
        #expect(abs(covariance[0, 0] - sumSquares / determinant) <= 1e-14)
        #expect(abs(covariance[1, 1] - n / determinant) <= 1e-14)
        #expect(abs(covariance[0, 1] + sum / determinant) <= 1e-14)
        #expect(covariance[0, 1] == covariance[1, 0])
    }
}
