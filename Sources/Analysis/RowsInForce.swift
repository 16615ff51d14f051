import Model

/// The snapshot rows in force on a cut-off day: for each (period, metric, segment), the value from the
/// latest snapshot exported on or before that day, with the history of corrections that led to it.
///
/// The rows stay in the snapshots: this holds one bit per row (whether a later snapshot replaced it) and the
/// history of corrected keys. Resolving needs, for the time it takes, an index of 5 to 11 bytes per key.
/// A row is named by its position: the rows of the snapshots in force, oldest snapshot first, one after another.
public struct RowsInForce: Sendable {
    /// A value in force and where it came from.
    struct Entry {
        /// The key, with names as positions in `metrics` and `segments`.
        var key: SnapshotKey
        /// The value.
        var value: Double
        /// The number of underlying observations, weighting a `mean`.
        var n: Double?
        /// The snapshot that supplied it.
        var snapshot: Snapshot
    }

    /// Earlier values of a corrected key, oldest first, and the position of its row in force.
    private struct History: Sendable {
        var position: Int
        var values: [(value: Double, snapshot: String)]
    }

    /// Metric names of every snapshot of the project, sorted: keys here point into it.
    let metrics: [String]
    /// Segment names of every snapshot of the project, sorted.
    let segments: [String]
    /// The snapshots in force, oldest first.
    private let sources: [Snapshot]
    /// The position of each source's first row, and the number of positions at the end.
    private let starts: [Int]
    /// Per source, its metric and segment positions in the project's tables; nil when they are the same.
    private let renamings: [(metrics: [Int], segments: [Int])?]
    /// Per source, one bit per row set when a later snapshot replaced the row; empty when none was.
    private var replacedRows: [[UInt64]]
    /// Corrected keys.
    private var replaced: [SnapshotKey: History] = [:]
    /// The export day of the newest snapshot in force.
    public private(set) var latestExport: Day?
    /// The cut-off day.
    public let cutoff: Day

    /// Resolves the snapshots' rows as of `cutoff` (snapshots exported later are ignored).
    ///
    /// Pass every snapshot of the project, so that two resolutions of it at different cut-offs can be compared.
    public init(snapshots: [Snapshot], cutoff: Day) {
        self.cutoff = cutoff
        let tables = snapshots.map(\.rows)
        let metrics: [String], segments: [String]
        if let first = tables.first, tables.allSatisfy({ $0.metrics == first.metrics && $0.segments == first.segments }) {
            (metrics, segments) = (first.metrics, first.segments)
        } else {
            metrics = Set(tables.flatMap(\.metrics)).sorted()
            segments = Set(tables.flatMap(\.segments)).sorted()
        }
        (self.metrics, self.segments) = (metrics, segments)
        sources = snapshots.sorted { ($0.exported, $0.path) < ($1.exported, $1.path) }.filter { $0.exported <= cutoff }
        latestExport = sources.last?.exported
        starts = sources.reduce(into: [0]) { $0.append($0.last! + $1.rows.count) }
        let metricPositions = Dictionary(uniqueKeysWithValues: metrics.enumerated().map { ($1, $0) })
        let segmentPositions = Dictionary(uniqueKeysWithValues: segments.enumerated().map { ($1, $0) })
        renamings = sources.map { snapshot in
            let rows = snapshot.rows
            guard rows.metrics != metrics || rows.segments != segments else { return nil }
            // The project's tables hold every snapshot's names.
            return (rows.metrics.map { metricPositions[$0]! }, rows.segments.map { segmentPositions[$0]! })
        }
        replacedRows = Array(repeating: [], count: sources.count)
        guard sources.count > 1 || sources.first.map({ !$0.rows.hasDistinctKeys }) == true else { return }

        // Oldest first: each row takes the place of the row in force with its key, if any.
        var index = SnapshotKeyIndex(capacity: sources.map(\.rows.count).max() ?? 0)
        for source in sources.indices {
            let rows = sources[source].rows
            for row in 0..<rows.count {
                let position = starts[source] + row
                let key = key(at: position)
                guard let previous = index.replace(key, with: position, keys: key(at:)) else { continue }
                let (old, new) = (value(at: previous), (rows.value(at: row), rows.n(at: row)))
                if old.value != new.0 || old.n != new.1 {
                    replaced[key, default: History(position: 0, values: [])].values
                        .append((old.value, sources[self.source(of: previous)].path))
                }
                let (oldSource, oldRow) = (self.source(of: previous), previous - starts[self.source(of: previous)])
                if replacedRows[oldSource].isEmpty {
                    replacedRows[oldSource] = Array(repeating: 0, count: (sources[oldSource].rows.count + 63) / 64)
                }
                replacedRows[oldSource][oldRow >> 6] |= 1 << UInt64(oldRow & 63)
            }
        }
        // Every corrected key is in the index, at its row in force.
        let inForce = replaced.keys.map { ($0, index.position(of: $0, keys: self.key(at:))!) }
        for (key, position) in inForce { replaced[key]?.position = position }
    }

    // MARK: - Reading

    /// The number of positions, in force or not.
    var positionCount: Int { starts[starts.count - 1] }

    /// The source a position falls in.
    private func source(of position: Int) -> Int {
        var low = 0, high = sources.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Calls `body` with the position of every row in force, in order of position.
    func forEachInForce(_ body: (Int) -> Void) {
        for source in sources.indices {
            let replacedHere = replacedRows[source]
            for row in 0..<(starts[source + 1] - starts[source])
            where replacedHere.isEmpty || replacedHere[row >> 6] & 1 << UInt64(row & 63) == 0 {
                body(starts[source] + row)
            }
        }
    }

    /// The key at `position`, over the project's name tables.
    func key(at position: Int) -> SnapshotKey {
        let source = source(of: position)
        let key = sources[source].rows.key(at: position - starts[source])
        guard let renaming = renamings[source] else { return key }
        return key.renamed(metric: renaming.metrics[key.metric], segment: renaming.segments[key.segment])
    }

    /// The value and `n` at `position`.
    func value(at position: Int) -> (value: Double, n: Double?) {
        let source = source(of: position)
        let rows = sources[source].rows
        return (rows.value(at: position - starts[source]), rows.n(at: position - starts[source]))
    }

    /// The entry at `position`.
    func entry(at position: Int) -> Entry {
        let (value, n) = value(at: position)
        return Entry(key: key(at: position), value: value, n: n, snapshot: sources[source(of: position)])
    }

    /// Every correction in force for periods up to `month`, sorted by metric, segment and period.
    public func corrections(through month: Month) -> [Correction] {
        replaced.filter { $0.key.period.month <= month }.sorted { $0.key < $1.key }.compactMap { key, history in
            guard let previous = history.values.last else { return nil }
            let entry = entry(at: history.position)
            return Correction(period: key.period, metric: metrics[key.metric], segment: segments[key.segment],
                              oldValue: previous.value, oldSnapshot: previous.snapshot,
                              newValue: entry.value, newSnapshot: entry.snapshot.path)
        }
    }

    /// The values in force here for periods up to `month` that differ from those in force in `earlier`, a resolution
    /// of the same project's snapshots at another cut-off; sorted by metric, segment and period.
    public func changes(since earlier: RowsInForce, through month: Month) -> [Correction] {
        var lookup = SnapshotKeyIndex()
        earlier.forEachInForce { position in
            _ = lookup.replace(earlier.key(at: position), with: position, keys: earlier.key(at:))
        }
        var changed: [(key: SnapshotKey, correction: Correction)] = []
        forEachInForce { position in
            let key = key(at: position)
            guard key.period.month <= month, let before = lookup.position(of: key, keys: earlier.key(at:)) else { return }
            let (new, old) = (entry(at: position), earlier.entry(at: before))
            if old.value != new.value {
                changed.append((key, Correction(period: key.period, metric: metrics[key.metric], segment: segments[key.segment],
                                                oldValue: old.value, oldSnapshot: old.snapshot.path,
                                                newValue: new.value, newSnapshot: new.snapshot.path)))
            }
        }
        return changed.sorted { $0.key < $1.key }.map(\.correction)
    }
}

/// A value that a later snapshot corrected: shown as a restatement on the pages it touches.
public struct Correction: Hashable, Sendable {
    /// The period corrected.
    public var period: Period
    /// The metric corrected.
    public var metric: String
    /// The segment corrected.
    public var segment: String
    /// The value before the correction.
    public var oldValue: Double
    /// The snapshot that held the old value.
    public var oldSnapshot: String
    /// The corrected value.
    public var newValue: Double
    /// The snapshot that corrected it.
    public var newSnapshot: String
}
