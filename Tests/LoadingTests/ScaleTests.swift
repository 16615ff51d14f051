import Foundation
@testable import Loading
import Model
import Testing

/// Wide contracts and snapshots larger than one read of the streaming reader.
@Suite("Scale")
struct ScaleTests {
    /// A copy of the valid `minimal` tree in a temporary directory, removed afterwards.
    static func withMinimalCopy(_ body: (URL) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-scale-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: ContentLoaderTests.minimal, toPath: root.path)
        defer { try? FileManager.default.removeItem(at: root) }
        try body(root)
    }

    @Test func aContractWith500MetricsLoads() throws {
        try Self.withMinimalCopy { root in
            let project = root.appendingPathComponent("projects/support-bot")
            let contractURL = project.appendingPathComponent("contract.yml")
            let ids = (1...500).map { String(format: "wide_%03d", $0) }
            let declared = ids.map { "  \($0): {name: Wide \($0), layer: usage, unit: units, aggregate: mean}" }
            let contract = try String(contentsOf: contractURL, encoding: .utf8)
                .replacingOccurrences(of: "metrics:\n", with: "metrics:\n" + declared.joined(separator: "\n") + "\n")
            try contract.write(to: contractURL, atomically: true, encoding: .utf8)
            var csv = "period,metric,segment,value,n\n"
            for month in 1...12 {
                for id in ids { csv += String(format: "2025-%02d,%@,,%d.5,\n", month, id, month) }
            }
            try csv.write(to: project.appendingPathComponent("snapshots/2026-01-06.csv"), atomically: true, encoding: .utf8)

            let result = ContentLoader.load(directory: root.path)
            #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
            let loaded = try #require(result.portfolio?.projects.first)
            #expect(loaded.contract.metrics.count == 505)
            let wide = try #require(loaded.snapshots.last)
            #expect(wide.rows.count == 6_000)
            #expect(wide.rows[5_999] == SnapshotRow(period: .month(Month(year: 2025, month: 12)), metric: "wide_500", segment: "all",
                                                   value: 12.5, n: nil, line: 6_001))
        }
    }

    /// A snapshot over several reads, with a quoted line break and errors past the first read: the file is read
    /// piece by piece and reports exactly what reading it whole reports.
    @Test func aSnapshotLargerThanOneReadLoadsAsIfReadWhole() throws {
        var csv = "period,metric,segment,value,n\n"
        var day = Day(year: 2020, month: 1, day: 1)
        var rows = 0
        var planted = false
        while csv.utf8.count < 1_200_000 {
            for metric in ["handle_time", "calls", "latency_p95", "active_agents", "model_cost"] {
                for segment in ["", "pilot", "rest"] {
                    csv += "\(day),\(metric),\(segment),\(rows % 977).25,\(rows % 3 == 0 ? "" : "40")\n"
                    rows += 1
                }
            }
            day = day.day < day.calendarMonth.dayCount ? Day(year: day.year, month: day.month, day: day.day + 1)
                : day.calendarMonth.adding(1).firstDay
            if !planted && csv.utf8.count > (1 << 20) - 20 {
                // A quoted line break across the end of the first read, then a bad number and a blank line.
                csv += "2020-01-01,calls,\"pi\r\nlot\",1,\n2020-01-02,calls,,x,\n\n"
                planted = true
            }
        }
        csv += "2020-01-01,calls,,2,\n"
        let bytes = Array(csv.utf8)
        let expectations = SnapshotLoader.Expectations(
            metrics: ["handle_time", "calls", "latency_p95", "active_agents", "model_cost"], segments: ["all", "pilot", "rest"])
        let exported = Day(year: 2030, month: 12, day: 31)

        let wholeLog = DiagnosticLog()
        let whole = SnapshotLoader.load(bytes, exported: exported, path: "s.csv", expecting: expectations, log: wholeLog)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-scale-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try #require(InputFile(path: url.path))
        let chunkedLog = DiagnosticLog()
        let chunked = SnapshotLoader.load(file, exported: exported, path: "s.csv", expecting: expectations, log: chunkedLog)

        #expect(whole == nil && chunked == nil)
        #expect(chunkedLog.items == wholeLog.items)
        #expect(wholeLog.items.map(\.code).sorted() == ["bad-number", "duplicate-key", "unknown-segment"])
    }

    /// One misnamed metric in a long export: five rows are reported one by one, the rest in one error per problem
    /// that counts them and says where they end, and the did-you-mean is worked out only for the rows reported.
    @Test func repeatedRowErrorsAreCountedAfterTheFirstFive() throws {
        var csv = "period,metric,segment,value\n2025-01,calls,,1\n"
        for month in 1...12 {
            for segment in ["pilot", "rest"] { csv += String(format: "2025-%02d,cals,%@,2\n", month, segment) }
        }
        csv += "2025-02,calls,,x\n"
        let log = DiagnosticLog()
        let snapshot = SnapshotLoader.load(Array(csv.utf8), exported: Day(year: 2026, month: 1, day: 5), path: "s.csv",
                                           expecting: .init(metrics: ["calls"], segments: ["all", "pilot", "rest"]), log: log)
        #expect(snapshot == nil)
        let unknown = log.items.filter { $0.code == "unknown-metric" }
        #expect(unknown.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(unknown.prefix(5).allSatisfy { $0.message == "unknown metric 'cals': declare it under 'metrics' in contract.yml (did you mean 'calls'?)" })
        #expect(unknown.last?.message == "19 more rows have this problem (unknown-metric), from this line to line 26; the first 5 are reported one by one")
        #expect(unknown.last?.column == 9)
        // Other problems are counted on their own: the one bad number is reported as usual.
        #expect(log.items.filter { $0.code == "bad-number" }.map(\.line) == [27])
        #expect(log.items.count == 7)
    }
}
