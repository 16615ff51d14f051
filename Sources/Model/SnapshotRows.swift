/// A snapshot's rows in file order, stored as columns of numbers rather than one value per row.
///
/// Each row costs a packed `SnapshotKey` (8 bytes) and its value (4 bytes for a short decimal such as `7.62`, see
/// `DecimalColumn`, else 8), as much again for `n` in the stretches of 65,536 rows where some row has one, and
/// nothing for its line number unless the file skips lines (blank lines, line breaks in
/// quoted fields). Metric and segment names are held once, in sorted tables the keys point into. Reading an element
/// builds a `SnapshotRow`; large consumers read `key(at:)` and `value(at:)` instead.
public struct SnapshotRows: RandomAccessCollection, Hashable, Sendable {
    /// Metric names, sorted; `SnapshotKey.metric` is a position here.
    public let metrics: [String]
    /// Segment names, sorted; `SnapshotKey.segment` is a position here.
    public let segments: [String]

    /// Rows per page: pages never move once full, so appending never copies the rows read so far.
    private static let pageSize = 1 << 16

    private struct Page: Hashable, Sendable {
        var keys: [UInt64] = []
        var values = DecimalColumn()
        /// Empty while no row of the page has an `n`; otherwise one per row.
        var weights = DecimalColumn()
    }

    private var pages: [Page] = []
    /// Rows where the line number is not the previous row's plus one (the first row included), and their lines.
    private var runStarts: [Int] = []
    private var runLines: [Int] = []

    /// The number of rows.
    public private(set) var count = 0
    /// Whether no two rows have the same key, as in every snapshot the loader accepts.
    public private(set) var hasDistinctKeys = true

    /// No rows, with the name tables future rows will point into (each sorted, as `SnapshotKey` order needs).
    public init(metrics: [String], segments: [String]) {
        self.metrics = metrics
        self.segments = segments
    }

    /// The given rows, with name tables of the names they use.
    public init(_ rows: [SnapshotRow]) {
        let metrics = Set(rows.map(\.metric)).sorted(), segments = Set(rows.map(\.segment)).sorted()
        let metricIDs = Dictionary(uniqueKeysWithValues: metrics.enumerated().map { ($1, $0) })
        let segmentIDs = Dictionary(uniqueKeysWithValues: segments.enumerated().map { ($1, $0) })
        self.init(metrics: metrics, segments: segments)
        var keys = Set<SnapshotKey>()
        for row in rows {
            // Both dictionaries hold every name of `rows`.
            let key = SnapshotKey(period: row.period, metric: metricIDs[row.metric]!, segment: segmentIDs[row.segment]!)
            append(key: key, value: row.value, n: row.n, line: row.line)
            if !keys.insert(key).inserted { hasDistinctKeys = false }
        }
    }

    /// Adds a row whose key points into this collection's name tables and that no earlier row has.
    public mutating func append(key: SnapshotKey, value: Double, n: Double?, line: Int) {
        let offset = count & (Self.pageSize - 1)
        if offset == 0 {
            var page = Page()
            page.keys.reserveCapacity(Self.pageSize)
            page.values.reserveCapacity(Self.pageSize)
            pages.append(page)
        }
        let last = pages.count - 1
        pages[last].keys.append(key.rawValue)
        pages[last].values.append(value)
        let pageHasWeights = pages[last].weights.count > 0
        if n != nil && !pageHasWeights {
            pages[last].weights.reserveCapacity(Self.pageSize)
            for _ in 0..<offset { pages[last].weights.append(nil) }
        }
        if n != nil || pageHasWeights { pages[last].weights.append(n) }
        if count == 0 || line != self.line(at: count - 1) + 1 {
            runStarts.append(count)
            runLines.append(line)
        }
        count += 1
    }

    // MARK: - Columns

    /// The key of row `index`.
    @inline(__always)
    public func key(at index: Int) -> SnapshotKey {
        SnapshotKey(rawValue: pages[index >> 16].keys[index & (Self.pageSize - 1)])
    }

    /// The value of row `index`.
    @inline(__always)
    public func value(at index: Int) -> Double {
        // Every appended value is a number.
        pages[index >> 16].values[index & (Self.pageSize - 1)]!
    }

    /// The `n` of row `index`, nil for an unweighted row.
    @inline(__always)
    public func n(at index: Int) -> Double? {
        let weights = pages[index >> 16].weights
        return weights.count == 0 ? nil : weights[index & (Self.pageSize - 1)]
    }

    /// The 1-based line of the file row `index` was read from.
    public func line(at index: Int) -> Int {
        // The last run that starts at or before `index`.
        var low = 0, high = runStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return runLines[low] + index - runStarts[low]
    }

    // MARK: - Collection

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of rows.
    public var endIndex: Int { count }

    /// Row `index` as a value.
    public subscript(index: Int) -> SnapshotRow {
        precondition(index >= 0 && index < count, "row index \(index) out of range 0..<\(count)")
        let key = key(at: index)
        return SnapshotRow(period: key.period, metric: metrics[key.metric], segment: segments[key.segment],
                           value: value(at: index), n: n(at: index), line: line(at: index))
    }

    /// Equal when the rows are, whatever the name tables hold beyond them.
    public static func == (a: SnapshotRows, b: SnapshotRows) -> Bool {
        guard a.count == b.count else { return false }
        guard a.metrics == b.metrics && a.segments == b.segments else { return a.elementsEqual(b) }
        // Same tables: compare the columns without building rows.
        return a.runStarts == b.runStarts && a.runLines == b.runLines
            && a.indices.allSatisfy { a.key(at: $0) == b.key(at: $0) && a.value(at: $0) == b.value(at: $0) && a.n(at: $0) == b.n(at: $0) }
    }

    /// Hashes the count and the first and last rows: enough to spread snapshots, without reading millions of rows.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(first)
        hasher.combine(last)
    }
}
