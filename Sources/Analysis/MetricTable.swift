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
    ///
    /// The rows are bucketed by (metric, segment, month) with a counting sort, which needs 4 bytes per row and
    /// no copy of the rows; each bucket is then put in period order (a monthly row sorts before the days).
    public init(rows: RowsInForce, metrics: [MetricDefinition], through: Month) {
        var aggregates: [String: MetricDefinition.Aggregate] = [:]
        for metric in metrics { aggregates[metric.id] = metric.aggregate }
        // The period bits of `through` (see `SnapshotKey`), past every period when it lies beyond year 9999.
        let last: UInt64 = through.year > SnapshotKey.years.upperBound ? .max : UInt64(max(through.year, 0)) << 9 | UInt64(through.month) << 5
        func isReported(_ key: SnapshotKey) -> Bool { key.rawValue & (1 << 23 - 1) & ~31 <= last }

        var bucketOf: [SnapshotKey: Int] = [:]
        var bucketKeys: [SnapshotKey] = []
        var starts: [Int] = []
        rows.forEachInForce { position in
            let key = rows.key(at: position)
            guard isReported(key) else { return }
            let month = key.monthKey
            if let bucket = bucketOf[month] {
                starts[bucket] += 1
            } else {
                bucketOf[month] = bucketKeys.count
                bucketKeys.append(month)
                starts.append(1)
            }
        }
        // Counts to the start of each bucket, then each bucket's positions in place.
        var total = 0
        for bucket in starts.indices { (starts[bucket], total) = (total, total + starts[bucket]) }
        var ends = starts
        var order = [UInt32](repeating: 0, count: total)
        precondition(rows.positionCount <= Int(UInt32.max), "too many rows for one project")
        rows.forEachInForce { position in
            let key = rows.key(at: position)
            guard isReported(key), let bucket = bucketOf[key.monthKey] else { return }
            order[ends[bucket]] = UInt32(position)
            ends[bucket] += 1
        }
        bucketOf = [:]

        var monthly: [Key: [Month: Double]] = [:]
        var run: [(key: SnapshotKey, position: Int)] = []
        for (bucket, month) in bucketKeys.enumerated() {
            run = order[starts[bucket]..<ends[bucket]].map { (rows.key(at: Int($0)), Int($0)) }
            run.sort { $0.key < $1.key }
            let metric = rows.metrics[month.metric]
            let tableKey = Key(metric: metric, segment: rows.segments[month.segment])
            if run[0].key == month {
                monthly[tableKey, default: [:]][month.period.month] = rows.value(at: run[0].position).value
            } else {
                var combined = Combination(aggregates[metric] ?? .mean)
                for (_, position) in run {
                    let (value, n) = rows.value(at: position)
                    combined.add(value, n: n)
                }
                monthly[tableKey, default: [:]][month.period.month] = combined.result
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

    /// A month's daily rows combined with an aggregate, one row at a time in period order.
    ///
    /// Sums run in the same order as the rows, so the result is the same to the last bit however the rows are held.
    struct Combination {
        let aggregate: MetricDefinition.Aggregate
        private var count = 0
        private var sum = 0.0
        private var weightedSum = 0.0
        private var totalWeight = 0.0
        private var allWeighted = true
        private var extreme = 0.0

        init(_ aggregate: MetricDefinition.Aggregate) {
            self.aggregate = aggregate
        }

        /// Adds the next row.
        mutating func add(_ value: Double, n: Double?) {
            switch aggregate {
            case .min: if count == 0 || value < extreme { extreme = value }
            case .max: if count == 0 || extreme < value { extreme = value }
            case .last: extreme = value
            case .sum, .mean:
                sum += value
                if let n, allWeighted {
                    weightedSum += value * n
                    totalWeight += n
                } else {
                    allWeighted = false
                }
            }
            count += 1
        }

        /// The combined value; at least one row must have been added.
        var result: Double {
            switch aggregate {
            case .sum: return sum
            case .min, .max, .last: return extreme
            case .mean: return allWeighted && totalWeight > 0 ? weightedSum / totalWeight : sum / Double(count)
            }
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
