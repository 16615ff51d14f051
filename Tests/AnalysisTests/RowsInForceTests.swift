@testable import Analysis
import Model
import Testing

/// The rows in force and the monthly table, against a plain reading of SPEC §2.3 and §2.2 `aggregate`.
@Suite("Rows in force")
struct RowsInForceTests {
    static let metrics = ["calls", "handle_time", "latency", "cost", "agents"]
    static let aggregates: [MetricDefinition.Aggregate] = [.sum, .mean, .max, .min, .last]
    static let definitions = zip(metrics, aggregates).map { MetricDefinition(id: $0, name: $0, layer: .usage, unit: "", aggregate: $1) }
    static let segments = ["all", "pilot", "rest", "north"]

    /// Random snapshots over a few months: daily and monthly rows, some weighted, with repeats across snapshots
    /// (corrections, some to the same value) and each over its own subset of names.
    static func snapshots(seed: UInt64) -> [Snapshot] {
        var generator = SeededGenerator(seed: seed)
        return (1...4).map { index in
            let exported = Day(year: 2025, month: index + 2, day: 3)
            var rows: [SnapshotRow] = []
            var used = Set<String>()
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let month = Month(year: 2025, month: Int.random(in: 1...index + 1, using: &generator))
                let period: Period = Int.random(in: 0..<5, using: &generator) == 0
                    ? .month(month) : .day(Day(year: month.year, month: month.month, day: Int.random(in: 1...4, using: &generator)))
                let metric = metrics[Int.random(in: 0..<(index == 2 ? 2 : metrics.count), using: &generator)]
                let segment = segments[Int.random(in: 0..<segments.count, using: &generator)]
                guard used.insert("\(period)|\(metric)|\(segment)").inserted else { continue }
                let value = Double(Int.random(in: 0...3, using: &generator))
                let n = Bool.random(using: &generator) ? Double(Int.random(in: 0...2, using: &generator)) : nil
                rows.append(SnapshotRow(period: period, metric: metric, segment: segment, value: value, n: n, line: rows.count + 2))
            }
            return Snapshot(exported: exported, path: "snapshots/\(exported).csv", rows: rows)
        }
    }

    /// The values in force, resolved the obvious way: every row of every snapshot up to the cut-off, in export order.
    static func reference(_ snapshots: [Snapshot], cutoff: Day) -> [String: (row: SnapshotRow, history: [(Double, String)], snapshot: String)] {
        var entries: [String: (row: SnapshotRow, history: [(Double, String)], snapshot: String)] = [:]
        for snapshot in snapshots.sorted(by: { $0.exported < $1.exported }) where snapshot.exported <= cutoff {
            for row in snapshot.rows {
                let key = "\(row.period)|\(row.metric)|\(row.segment)"
                if var entry = entries[key] {
                    if entry.row.value != row.value || entry.row.n != row.n { entry.history.append((entry.row.value, entry.snapshot)) }
                    entries[key] = (row, entry.history, snapshot.path)
                } else {
                    entries[key] = (row, [], snapshot.path)
                }
            }
        }
        return entries
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func agreesWithAPlainResolution(seed: UInt64) {
        let snapshots = Self.snapshots(seed: seed)
        for cutoff in [Day(year: 2025, month: 3, day: 2), Day(year: 2025, month: 4, day: 3), Day(year: 2025, month: 12, day: 31)] {
            let resolved = RowsInForce(snapshots: snapshots, cutoff: cutoff)
            let expected = Self.reference(snapshots, cutoff: cutoff)
            let corrections = expected.filter { !$0.value.history.isEmpty }
                .sorted { ($0.value.row.metric, $0.value.row.segment, $0.value.row.period) < ($1.value.row.metric, $1.value.row.segment, $1.value.row.period) }
                .map { _, entry in
                    Correction(period: entry.row.period, metric: entry.row.metric, segment: entry.row.segment,
                               oldValue: entry.history.last!.0, oldSnapshot: entry.history.last!.1,
                               newValue: entry.row.value, newSnapshot: entry.snapshot)
                }
            #expect(resolved.corrections(through: Month(year: 2025, month: 12)) == corrections, "seed \(seed), \(cutoff)")

            let table = MetricTable(rows: resolved, metrics: Self.definitions, through: Month(year: 2025, month: 12))
            for metric in Self.metrics {
                for segment in Self.segments {
                    for monthNumber in 1...6 {
                        let month = Month(year: 2025, month: monthNumber)
                        let rows = expected.values.map(\.row)
                            .filter { $0.metric == metric && $0.segment == segment && $0.period.month == month }
                            .sorted { $0.period < $1.period }
                        let aggregate = Self.aggregates[Self.metrics.firstIndex(of: metric)!]
                        let value = rows.first { if case .month = $0.period { true } else { false } }?.value
                            ?? (rows.isEmpty ? nil : Self.combine(rows, aggregate))
                        #expect(table.value(metric, segment: segment, month: month) == value, "seed \(seed), \(metric), \(segment), \(month)")
                    }
                }
            }
        }
    }

    @Test func changesBetweenCutoffsAreTheValuesThatDiffer() {
        let snapshots = Self.snapshots(seed: 7)
        let before = RowsInForce(snapshots: snapshots, cutoff: Day(year: 2025, month: 4, day: 3))
        let after = RowsInForce(snapshots: snapshots, cutoff: Day(year: 2025, month: 12, day: 31))
        let old = Self.reference(snapshots, cutoff: before.cutoff), new = Self.reference(snapshots, cutoff: after.cutoff)
        let expected = new.filter { key, entry in old[key].map { $0.row.value != entry.row.value } ?? false }
            .sorted { ($0.value.row.metric, $0.value.row.segment, $0.value.row.period) < ($1.value.row.metric, $1.value.row.segment, $1.value.row.period) }
            .map { key, entry in
                Correction(period: entry.row.period, metric: entry.row.metric, segment: entry.row.segment,
                           oldValue: old[key]!.row.value, oldSnapshot: old[key]!.snapshot,
                           newValue: entry.row.value, newSnapshot: entry.snapshot)
            }
        #expect(!expected.isEmpty)
        #expect(after.changes(since: before, through: Month(year: 2025, month: 12)) == expected)
    }

    /// SPEC §2.2 `aggregate` over a month's daily rows, sorted by day.
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

    /// SplitMix64 with a fixed seed, so a failing case reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
