import Testing

@testable import Analysis

/// The column-major matrix value.
struct MatrixTests {
    @Test func storesColumnByColumn() {
        var matrix = Matrix(columns: [[1, 2, 3], [4, 5, 6]])
        #expect(matrix.rowCount == 3 && matrix.columnCount == 2)
        #expect(matrix[2, 0] == 3 && matrix[0, 1] == 4)
        #expect(matrix.elements == [1, 2, 3, 4, 5, 6])
        matrix[1, 1] = -5
        #expect(matrix.column(1) == [4, -5, 6])
        #expect(matrix.selecting(columns: [1, 0]).column(0) == [4, -5, 6])
    }

    @Test func zeros() {
        let matrix = Matrix(rows: 2, columns: 3)
        #expect(matrix.elements == Array(repeating: 0, count: 6))
        #expect(Matrix(columns: []).rowCount == 0)
    }
}
