import Foundation
import Testing

/// Runs the built `yardstick` binary on the example content, as a new user would.
@Suite struct EndToEndTests {
    @Test func buildsTheExampleSiteWithEveryProjectMonthLinkedAndValidReports() throws {
        let output = try TestSupport.temporaryDirectory()
        let site = output.appendingPathComponent("site")
        let result = try TestSupport.run(["build", "--content", "content", "--output", site.path, "--templates", "templates"])
        #expect(result.status == 0, "stderr: \(result.err)")
        #expect(result.err.contains("0 errors"))

        let files = TestSupport.files(in: site)
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        // Project-months as they currently read; frozen editions live under <month>/v<N>/ and are tested in EditionTests.
        let projectMonths = files.keys.filter { $0.range(of: #"^\d{4}-\d{2}/(?!v\d+/)[a-z0-9-]+/index\.html$"#, options: .regularExpression) != nil }
        #expect(projectMonths.count >= 4 * 12, "expected at least 12 months for each of 4 projects, found \(projectMonths.count)")

        // Every project-month is reachable from index.html through the month pages it links to.
        let monthPages = Set(matches(#"href="(\d{4}-\d{2}/index\.html)""#, in: index))
        var linked: Set<String> = []
        for page in monthPages {
            let html = String(decoding: try #require(files[page]), as: UTF8.self)
            for href in matches(#"href="\.\./(\d{4}-\d{2}/[a-z0-9-]+/index\.html)""#, in: html) { linked.insert(href) }
        }
        #expect(Set(projectMonths).subtracting(linked).isEmpty, "unlinked: \(Set(projectMonths).subtracting(linked).sorted().prefix(5))")

        for path in projectMonths {
            let reportPath = path.replacingOccurrences(of: "index.html", with: "report.json")
            let data = try #require(files[reportPath], "missing \(reportPath)")
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            try checkSchema(report, path: reportPath)
        }
    }

    @Test func checkReportsErrorsWithExitOneAndBuildLeavesThePreviousSiteUntouched() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try TestSupport.copy(TestSupport.packageRoot.appendingPathComponent("content"), to: content)
        let site = root.appendingPathComponent("site")
        let first = try TestSupport.run(["build", "--content", content.path, "--output", site.path])
        #expect(first.status == 0)
        let before = TestSupport.files(in: site)

        let snapshots = content.appendingPathComponent("projects/support-copilot/snapshots")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: snapshots.path).sorted().last)
        let broken = snapshots.appendingPathComponent(name)
        var text = try String(contentsOf: broken, encoding: .utf8)
        text += "2026-10,handle_tme,pilot-floor,7.1,\n"
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let lineCount = text.split(separator: "\n").count

        let check = try TestSupport.run(["check", "--content", content.path])
        #expect(check.status == 1)
        #expect(check.err.contains("\(broken.path):\(lineCount):9: error: unknown metric 'handle_tme'"), "\(check.err)")
        #expect(check.err.contains("did you mean 'handle_time'?"))

        let second = try TestSupport.run(["build", "--content", content.path, "--output", site.path])
        #expect(second.status == 1)
        #expect(TestSupport.files(in: site) == before, "a failed build must leave the previous site as it was")
    }

    @Test func initCreatesAContentDirectoryThatBuilds() throws {
        let root = try TestSupport.temporaryDirectory()
        let made = try TestSupport.run(["init", root.appendingPathComponent("mysite").path])
        #expect(made.status == 0, "\(made.err)")
        let built = try TestSupport.run(["build", "--content", root.appendingPathComponent("mysite").path,
                                         "--output", root.appendingPathComponent("out").path])
        #expect(built.status == 0, "\(built.err)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/index.html").path))
        let again = try TestSupport.run(["init", root.appendingPathComponent("mysite").path])
        #expect(again.status == 1)
    }

    /// Past twenty diagnostics, a line before the count says how many there are of each code, most frequent first.
    @Test func manyDiagnosticsAreSummedUpByCode() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("sample")
        #expect(try TestSupport.run(["sample", "--projects", "20", "--months", "24", "--seed", "7", content.path]).status == 0)
        let check = try TestSupport.run(["check", "--content", content.path])
        let lines = check.err.split(separator: "\n").map(String.init)
        let codes = lines.compactMap { line -> String? in
            guard line.contains(": warning: "), line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
            return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        }
        #expect(codes.count > 20, "\(check.err)")
        let summary = try #require(lines.dropLast().last, "\(check.err)")
        #expect(summary.hasPrefix("warnings by code: "))
        let counted = summary.dropFirst("warnings by code: ".count).split(separator: ", ").map { pair in
            let parts = pair.split(separator: " ")
            return (code: String(parts[0]), count: Int(parts[1]) ?? -1)
        }
        #expect(Dictionary(uniqueKeysWithValues: counted.map { ($0.code, $0.count) }) == Dictionary(grouping: codes) { $0 }.mapValues(\.count))
        #expect(counted.map(\.count) == counted.map(\.count).sorted(by: >), "most frequent first: \(summary)")
        #expect(lines.last == "0 errors, \(codes.count) warnings")
    }

    @Test func jsonDiagnosticsAreOneObjectPerLine() throws {
        let result = try TestSupport.run(["check", "--content", "content", "--format", "json"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["path", "line", "column", "severity", "code", "message"])
        }
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    /// The keys and types of SPEC §5's report.json.
    private func checkSchema(_ report: [String: Any], path: String) throws {
        for key in ["project", "month", "edition", "status", "effect", "baseline", "adoption", "system", "money", "warnings", "recommendation"] {
            #expect(report.keys.contains(key), "\(path) lacks \(key)")
        }
        #expect(["on-track", "improving", "flat", "wrong-way", "too-early"].contains(report["status"] as? String ?? ""), "\(path)")
        if let effect = report["effect"] as? [String: Any] {
            for key in ["method", "estimate", "low", "high", "unit", "percent", "target", "n", "lags", "post_months"] {
                #expect(effect.keys.contains(key), "\(path) effect lacks \(key)")
            }
            let low = try #require(effect["low"] as? Double), high = try #require(effect["high"] as? Double)
            let estimate = try #require(effect["estimate"] as? Double)
            #expect(low <= estimate && estimate <= high)
        } else {
            #expect(report["status"] as? String == "too-early" || report["effect"] is NSNull)
        }
        let system = try #require(report["system"] as? [String: Any])
        #expect(["healthy", "degraded", "unknown"].contains(system["status"] as? String ?? ""))
        #expect(system["breaches"] is [Any])
        if let money = report["money"] as? [String: Any] {
            for key in ["benefit", "benefit_low", "benefit_high", "run_cost", "net", "cumulative_net", "payback", "roi"] {
                #expect(money.keys.contains(key), "\(path) money lacks \(key)")
            }
        }
        let recommendation = try #require(report["recommendation"] as? [String: Any])
        #expect(["expand", "continue", "adjust", "fix-adoption", "fix-system", "wind-down"].contains(recommendation["move"] as? String ?? ""))
        for warning in try #require(report["warnings"] as? [[String: Any]]) {
            #expect(warning["code"] is String && warning["message"] is String)
        }
    }
}
