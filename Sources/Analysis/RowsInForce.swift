import Model

/// The snapshot rows in force on a cut-off day: for each (period, metric, segment), the value from the
/// latest snapshot exported on or before that day, with the history of corrections that led to it.
public struct RowsInForce: Sendable {
    /// Identifies a value across snapshots.
    public struct Key: Hashable, Sendable, Comparable {
        /// The period.
        public var period: Period
        /// The metric id.
        public var metric: String
        /// The segment.
        public var segment: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.metric, a.segment, a.period) < (b.metric, b.segment, b.period)
        }
    }

    /// A value in force and where it came from.
    public struct Entry: Sendable {
        /// The row in force.
        public var row: SnapshotRow
        /// The snapshot that supplied it.
        public var snapshot: String
        /// The day that snapshot was exported.
        public var exported: Day
        /// Earlier values of the same key that later snapshots replaced with a different value, oldest first.
        public var replaced: [(value: Double, snapshot: String, exported: Day)]
    }

    /// The entries by key.
    public private(set) var entries: [Key: Entry] = [:]
    /// The export day of the newest snapshot in force.
    public private(set) var latestExport: Day?
    /// The cut-off day.
    public let cutoff: Day

    /// Resolves the snapshots' rows as of `cutoff` (snapshots exported later are ignored).
    public init(snapshots: [Snapshot], cutoff: Day) {
        self.cutoff = cutoff
        entries.reserveCapacity(snapshots.reduce(0) { $0 + ($1.exported <= cutoff ? $1.rows.count : 0) })
        for snapshot in snapshots.sorted(by: { ($0.exported, $0.path) < ($1.exported, $1.path) }) where snapshot.exported <= cutoff {
            latestExport = snapshot.exported
            for row in snapshot.rows {
                let key = Key(period: row.period, metric: row.metric, segment: row.segment)
                if var entry = entries[key] {
                    if entry.row.value != row.value || entry.row.n != row.n {
                        entry.replaced.append((entry.row.value, entry.snapshot, entry.exported))
                    }
                    entry.row = row
                    entry.snapshot = snapshot.path
                    entry.exported = snapshot.exported
                    entries[key] = entry
                } else {
                    entries[key] = Entry(row: row, snapshot: snapshot.path, exported: snapshot.exported, replaced: [])
                }
            }
        }
    }

    /// Every correction in force for periods up to `month`, sorted by metric, segment and period.
    public func corrections(through month: Month) -> [Correction] {
        entries.filter { !$0.value.replaced.isEmpty && $0.key.period.month <= month }
            .sorted { $0.key < $1.key }
            .map { key, entry in
                let previous = entry.replaced.last!
                return Correction(period: key.period, metric: key.metric, segment: key.segment,
                                  oldValue: previous.value, oldSnapshot: previous.snapshot,
                                  newValue: entry.row.value, newSnapshot: entry.snapshot)
            }
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
