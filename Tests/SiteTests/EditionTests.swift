import Foundation
import Model
import Site
import Testing

/// Editions: what leadership read in a month stays readable as it was; corrections show as restatements.
@Suite struct EditionTests {
    let templates = TestSupport.packageRoot.appendingPathComponent("templates").path
    let today = Day(year: 2026, month: 12, day: 31)

    /// A copy of the example content without its editions.
    func freshContent() throws -> (root: URL, content: URL) {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try TestSupport.copy(TestSupport.packageRoot.appendingPathComponent("content"), to: content)
        try? FileManager.default.removeItem(at: content.appendingPathComponent("editions.yml"))
        return (root, content)
    }

    /// Writes a later snapshot that corrects one handle-time value of October 2026; returns (period, old, new).
    func correctOneValue(in content: URL) throws -> (period: String, old: String, new: String) {
        let snapshots = content.appendingPathComponent("projects/support-copilot/snapshots")
        let latest = try #require(try FileManager.default.contentsOfDirectory(atPath: snapshots.path).sorted().last)
        let text = try String(contentsOf: snapshots.appendingPathComponent(latest), encoding: .utf8)
        let header = String(text.split(separator: "\n")[0])
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("2026-10-") && $0.contains(",handle_time,pilot-floor,") })
        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let old = fields[3]
        fields[3] = String(format: "%.2f", Double(old)! + 1.5)
        try (header + "\n" + fields.joined(separator: ",") + "\n").write(to: snapshots.appendingPathComponent("2026-11-20.csv"), atomically: true, encoding: .utf8)
        return (fields[0], old, fields[3])
    }

    @Test func aRestatementLeavesTheFirstEditionByteIdenticalAndOpensTheSecondWithWhatChanged() throws {
        let (root, content) = try freshContent()
        let site = root.appendingPathComponent("site")
        let first = Publisher.publish(month: Month(year: 2026, month: 10), cutoff: Day(year: 2026, month: 11, day: 10), today: today, content: content.path)
        #expect(first.edition?.version == 1, "\(first.diagnostics)")
        #expect(!SiteBuilder.build(BuildOptions(content: content.path, output: site.path, templates: templates)).failed)
        let v1 = TestSupport.files(in: site.appendingPathComponent("2026-10/v1"))
        #expect(v1.count >= 9)

        let (period, old, new) = try correctOneValue(in: content)
        let second = Publisher.publish(month: Month(year: 2026, month: 10), cutoff: Day(year: 2026, month: 11, day: 21), today: today, content: content.path)
        #expect(second.edition?.version == 2, "\(second.diagnostics)")
        #expect(!SiteBuilder.build(BuildOptions(content: content.path, output: site.path, templates: templates)).failed)

        let v1After = TestSupport.files(in: site.appendingPathComponent("2026-10/v1"))
        #expect(v1After == v1, "every file of v1 must be byte-identical; differing: \(v1.keys.filter { v1[$0] != v1After[$0] }.sorted())")
        let page = String(decoding: try #require(FileManager.default.contents(atPath: site.appendingPathComponent("2026-10/v2/support-copilot/index.html").path)), as: UTF8.self)
        let restatement = try #require(page.range(of: "class=\"restatement\""), "v2 opens with the restatement")
        let headline = try #require(page.range(of: "class=\"headline"))
        #expect(restatement.lowerBound < headline.lowerBound)
        let expected = "Because snapshots/2026-11-20.csv corrected handle_time (pilot-floor) for \(period): \(Double(old)!.cleanText) → \(Double(new)!.cleanText)"
        #expect(page.contains(expected), "expected “\(expected)”")
        #expect(page.contains("Restated since v1"))

        let reportData = try #require(FileManager.default.contents(atPath: site.appendingPathComponent("2026-10/v2/support-copilot/report.json").path))
        let report = try #require(try JSONSerialization.jsonObject(with: reportData) as? [String: Any])
        #expect(report["edition"] as? Int == 2)
        let values = try #require((report["restatement"] as? [String: Any])?["values"] as? [[String: Any]])
        #expect(values.contains { $0["new_snapshot"] as? String == "snapshots/2026-11-20.csv" && $0["period"] as? String == period })

        // The month's own folder shows the latest edition: each project's summary and report.json equal v2's but for
        // the depth of relative links. (The month's portfolio page also links every other month, so it is not frozen.)
        let current = TestSupport.files(in: site.appendingPathComponent("2026-10")).filter { $0.key.contains("/") && !$0.key.hasPrefix("v1/") && !$0.key.hasPrefix("v2/") }
        let v2 = TestSupport.files(in: site.appendingPathComponent("2026-10/v2")).filter { $0.key.contains("/") }
        #expect(v2.count == 8)
        #expect(Set(current.keys) == Set(v2.keys))
        for (path, data) in v2 {
            let depth = path.split(separator: "/").count
            let shallow = String(repeating: "../", count: depth), deep = String(repeating: "../", count: depth + 1)
            let normalised = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"" + deep, with: "\"" + shallow)
                .replacingOccurrences(of: "2026-10/v2/", with: "2026-10/")
            let shown = String(decoding: try #require(current[path]), as: UTF8.self).replacingOccurrences(of: "2026-10/v2/", with: "2026-10/")
            #expect(normalised == shown, "\(path) differs from v2")
        }
        let feed = String(decoding: try #require(FileManager.default.contents(atPath: site.appendingPathComponent("feed.xml").path)), as: UTF8.self)
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2, "one Atom entry per edition")
    }

    @Test func anAlteredInputMakesTheEditionUnreproducible() throws {
        let (root, content) = try freshContent()
        let site = root.appendingPathComponent("site")
        let published = Publisher.publish(month: Month(year: 2026, month: 9), cutoff: Day(year: 2026, month: 10, day: 20), today: today, content: content.path)
        #expect(published.edition != nil)
        #expect(!SiteBuilder.build(BuildOptions(content: content.path, output: site.path, templates: templates)).failed)
        let before = TestSupport.files(in: site)

        let snapshots = content.appendingPathComponent("projects/support-copilot/snapshots")
        let used = try #require(try FileManager.default.contentsOfDirectory(atPath: snapshots.path).sorted().first)
        let file = snapshots.appendingPathComponent(used)
        let original = try Data(contentsOf: file)
        try (String(decoding: original, as: UTF8.self).replacingOccurrences(of: ",8.", with: ",9.")).write(to: file, atomically: true, encoding: .utf8)

        let result = try TestSupport.run(["build", "--content", content.path, "--output", site.path, "--templates", templates])
        #expect(result.status == 1)
        #expect(result.err.contains("error: the 2026-09 edition v1 (cut-off 2026-10-20) can no longer be reproduced: projects/support-copilot/snapshots/\(used) has changed since it was published"), "\(result.err)")
        #expect(result.err.contains("[edition-unreproducible]"))
        #expect(TestSupport.files(in: site) == before, "the previous site stays intact")
        let check = try TestSupport.run(["check", "--content", content.path])
        #expect(check.status == 1)

        try original.write(to: file)
        #expect(try TestSupport.run(["check", "--content", content.path]).status == 0, "restoring the file clears the error")
    }

    @Test func publishRefusesImpossibleEditionsAndWritesNothing() throws {
        let (_, content) = try freshContent()
        let editions = content.appendingPathComponent("editions.yml")
        let after = Publisher.publish(month: Month(year: 2027, month: 1), cutoff: Day(year: 2027, month: 2, day: 2), today: Day(year: 2027, month: 3, day: 1), content: content.path)
        #expect(after.edition == nil && after.diagnostics.first?.code == "publish-refused")
        let early = Publisher.publish(month: Month(year: 2026, month: 10), cutoff: Day(year: 2026, month: 10, day: 30), today: today, content: content.path)
        #expect(early.edition == nil)
        #expect(!FileManager.default.fileExists(atPath: editions.path))
        _ = Publisher.publish(month: Month(year: 2026, month: 10), cutoff: Day(year: 2026, month: 11, day: 20), today: today, content: content.path)
        let bytes = try Data(contentsOf: editions)
        let backwards = Publisher.publish(month: Month(year: 2026, month: 10), cutoff: Day(year: 2026, month: 11, day: 10), today: today, content: content.path)
        #expect(backwards.edition == nil)
        #expect(backwards.diagnostics.first?.message.contains("earlier than that of 2026-10 v1") == true)
        #expect(try Data(contentsOf: editions) == bytes)
    }
}

extension Double {
    /// The shortest text that reads back as this value, as report pages print corrected values.
    var cleanText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

/// The routine monthly edits the spec asks for must not break earlier editions; changing what they used must.
@Suite struct EditionSettingsTests {
    let today = Day(year: 2026, month: 12, day: 31)

    @Test func aLaterAmendmentAndANewAsOfKeepEarlierEditionsReproducible() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try TestSupport.copy(TestSupport.packageRoot.appendingPathComponent("content"), to: content)
        try? FileManager.default.removeItem(at: content.appendingPathComponent("editions.yml"))
        #expect(Publisher.publish(month: Month(year: 2026, month: 9), cutoff: Day(year: 2026, month: 10, day: 6), today: today, content: content.path).edition != nil)

        let contract = content.appendingPathComponent("projects/support-copilot/contract.yml")
        let original = try String(contentsOf: contract, encoding: .utf8)
        let amended = original + "amendments:\n  - date: 2026-11-20\n    reason: Scope widened to chat after the Q3 review.\n    target: {change: -10%, by: 2027-06}\n"
        try amended.write(to: contract, atomically: true, encoding: .utf8)
        let settings = content.appendingPathComponent("yardstick.yml")
        let settingsText = try String(contentsOf: settings, encoding: .utf8)
        try settingsText.replacingOccurrences(of: "as_of: 2026-10", with: "as_of: 2026-09").write(to: settings, atomically: true, encoding: .utf8)
        #expect(try TestSupport.run(["check", "--content", content.path]).status == 0, "an amendment after the cut-off and a new as_of are routine")

        try original.replacingOccurrences(of: "sponsor:", with: "sponsor: Someone else #").write(to: contract, atomically: true, encoding: .utf8)
        let changed = try TestSupport.run(["check", "--content", content.path])
        #expect(changed.status == 1)
        #expect(changed.err.contains("projects/support-copilot/contract.yml has changed since it was published"), "\(changed.err)")
    }
}
