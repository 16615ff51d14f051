/// A small dense matrix of doubles, stored column by column.
public struct Matrix: Equatable, Sendable {
    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int
    /// The entries in column-major order: entry (r, c) is at `c * rowCount + r`.
    public private(set) var elements: [Double]

    /// A rows × columns matrix of zeros.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must not be negative")
        rowCount = rows
        columnCount = columns
        elements = Array(repeating: 0, count: rows * columns)
    }

    /// A matrix whose columns are the given arrays, which must all have the same length.
    public init(columns: [[Double]]) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "Matrix columns must all have the same length")
        rowCount = rows
        columnCount = columns.count
        var elements: [Double] = []
        elements.reserveCapacity(rows * columns.count)
        for column in columns { elements.append(contentsOf: column) }
        self.elements = elements
    }

    /// A rows × columns matrix over entries already in column-major order.
    init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0 && elements.count == rows * columns, "Matrix elements do not fit")
        rowCount = rows
        columnCount = columns
        self.elements = elements
    }

    /// The entry in row `row` and column `column`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "Matrix index out of range")
            return elements[column * rowCount + row]
        }
        set {
            precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "Matrix index out of range")
            elements[column * rowCount + row] = newValue
        }
    }

    /// The entries of one column, top to bottom.
    public func column(_ index: Int) -> [Double] {
        precondition(index >= 0 && index < columnCount, "Matrix column out of range")
        return Array(elements[(index * rowCount)..<((index + 1) * rowCount)])
    }

    /// A matrix made of the given columns of this one, in the given order.
    public func selecting(columns indices: [Int]) -> Matrix {
        Matrix(columns: indices.map { column($0) })
    }
}
