import Model

/// Monthly values of every metric and segment, aggregated from the rows in force (SPEC §2.2 `aggregate`).
///
/// A month with a monthly row uses it as it is; a month with only daily rows combines them with the metric's
/// aggregate. `mean` is weighted by `n` when every row of the month has one (and their sum is positive);
/// otherwise it is a plain mean.
public struct MetricTable: Sendable {
    private struct Key: Hashable {
        var metric: String
        var segment: String
    }

    private var values: [Key: [Month: Double]] = [:]

    /// Aggregates `rows` for periods up to and including `through`.
    public init(rows: RowsInForce, metrics: [MetricDefinition], through: Month) {
        var aggregates: [String: MetricDefinition.Aggregate] = [:]
        for metric in metrics { aggregates[metric.id] = metric.aggregate }
        var monthly: [Key: [Month: Double]] = [:]
        var daily: [Key: [Month: [SnapshotRow]]] = [:]
        for (key, entry) in rows.entries where key.period.month <= through {
            let tableKey = Key(metric: key.metric, segment: key.segment)
            switch key.period {
            case .month(let month): monthly[tableKey, default: [:]][month] = entry.row.value
            case .day(let day): daily[tableKey, default: [:]][day.calendarMonth, default: []].append(entry.row)
            }
        }
        for (key, months) in daily {
            let aggregate = aggregates[key.metric] ?? .mean
            for (month, rows) in months where monthly[key]?[month] == nil {
                monthly[key, default: [:]][month] = Self.combine(rows.sorted { $0.period < $1.period }, aggregate)
            }
        }
        values = monthly
    }

    /// The same table without months after `month`: what a report on `month` may see.
    public func through(_ month: Month) -> MetricTable {
        var copy = self
        copy.values = values.mapValues { $0.filter { $0.key <= month } }
        return copy
    }

    /// Combines a month's rows (sorted by period) with an aggregate.
    static func combine(_ rows: [SnapshotRow], _ aggregate: MetricDefinition.Aggregate) -> Double {
        switch aggregate {
        case .sum: return rows.reduce(0) { $0 + $1.value }
        case .last: return rows.last!.value
        case .min: return rows.map(\.value).min()!
        case .max: return rows.map(\.value).max()!
        case .mean:
            let weights = rows.compactMap(\.n)
            let total = weights.reduce(0, +)
            if weights.count == rows.count, total > 0 {
                return rows.reduce(0) { $0 + $1.value * $1.n! } / total
            }
            return rows.reduce(0) { $0 + $1.value } / Double(rows.count)
        }
    }

    /// The value of a metric in a month, or nil when there is no data.
    public func value(_ metric: String, segment: String = "all", month: Month) -> Double? {
        values[Key(metric: metric, segment: segment)]?[month]
    }

    /// A metric's monthly values for one segment.
    public func series(_ metric: String, segment: String = "all") -> [Month: Double] {
        values[Key(metric: metric, segment: segment)] ?? [:]
    }

    /// The mean over segments for each month where every segment has a value.
    public func meanSeries(_ metric: String, segments: [String]) -> [Month: Double] {
        guard let first = segments.first else { return [:] }
        var result: [Month: Double] = [:]
        for (month, _) in series(metric, segment: first) {
            let parts = segments.compactMap { value(metric, segment: $0, month: month) }
            if parts.count == segments.count { result[month] = parts.reduce(0, +) / Double(parts.count) }
        }
        return result
    }

    /// Every (metric, segment) with data, sorted.
    public var columns: [(metric: String, segment: String)] {
        values.keys.map { ($0.metric, $0.segment) }.sorted { ($0.metric, $0.segment) < ($1.metric, $1.segment) }
    }

    /// The last month with any value of `metric` (any segment).
    public func lastMonth(of metric: String) -> Month? {
        values.filter { $0.key.metric == metric }.compactMap { $0.value.keys.max() }.max()
    }
}
