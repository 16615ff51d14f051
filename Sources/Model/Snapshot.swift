/// One metric export: what the systems of record said on the day it was exported.
public struct Snapshot: Hashable, Sendable {
    /// The day of the export, from the file name.
    public var exported: Day
    /// The file it was read from, as shown to the user.
    public var path: String
    /// Its rows, in file order.
    public var rows: SnapshotRows

    /// Creates a snapshot.
    public init(exported: Day, path: String, rows: SnapshotRows) {
        self.exported = exported
        self.path = path
        self.rows = rows
    }

    /// Creates a snapshot from row values.
    public init(exported: Day, path: String, rows: [SnapshotRow]) {
        self.init(exported: exported, path: path, rows: SnapshotRows(rows))
    }
}

/// One row of a snapshot: a metric's value for a period and segment.
public struct SnapshotRow: Hashable, Sendable {
    /// The period the value covers.
    public var period: Period
    /// The metric id.
    public var metric: String
    /// The segment; `all` when the file left it empty.
    public var segment: String
    /// The value, always finite.
    public var value: Double
    /// The number of underlying observations, weighting a `mean`.
    public var n: Double?
    /// The 1-based line of the file it was read from.
    public var line: Int

    /// Creates a row.
    public init(period: Period, metric: String, segment: String, value: Double, n: Double?, line: Int) {
        self.period = period
        self.metric = metric
        self.segment = segment
        self.value = value
        self.n = n
        self.line = line
    }
}

/// The period a snapshot row covers: a whole month or one day.
public enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case month(Month)
    case day(Day)

    /// The month the period falls in.
    public var month: Month {
        switch self {
        case .month(let month): return month
        case .day(let day): return day.calendarMonth
        }
    }

    /// Parses `YYYY-MM` or `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        guard let (bytes, count) = Month.shortUTF8(String(text)) else { return nil }
        if count == 7, let month = Month(bytes) {
            self = .month(month)
        } else if count == 10, let day = Day(bytes) {
            self = .day(day)
        } else {
            return nil
        }
    }

    /// `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        switch self {
        case .month(let month): return month.description
        case .day(let day): return day.description
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        switch (a, b) {
        case (.month(let x), .month(let y)): return x < y
        case (.day(let x), .day(let y)): return x < y
        case (.month(let x), .day(let y)): return x.firstDay <= y
        case (.day(let x), .month(let y)): return x < y.firstDay
        }
    }
}
