import Foundation
import Loading
import Model
import Testing

/// Loading the valid trees of `Fixtures/valid/`: `minimal` (one project, 30 months of data),
/// `tiny` (the same project cut to two months: the base of every invalid case) and `crlf-bom`
/// (`tiny` saved with a byte order mark and CRLF line endings).
@Suite("Content loader")
struct ContentLoaderTests {
    static let validDirectory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("valid")
    static let minimal = validDirectory.appendingPathComponent("minimal").path

    /// The loaded minimal tree's only project; records an issue and throws when it did not load.
    static func minimalProject() throws -> Project {
        let result = ContentLoader.load(directory: minimal)
        let portfolio = try #require(result.portfolio, "\(result.diagnostics.map(\.description))")
        return try #require(portfolio.projects.first)
    }

    // MARK: - Whole trees

    @Test("valid tree loads without errors", arguments: ["minimal", "tiny", "crlf-bom"])
    func validTreeLoads(_ name: String) throws {
        let result = ContentLoader.load(directory: Self.validDirectory.appendingPathComponent(name).path)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let portfolio = try #require(result.portfolio)
        #expect(portfolio.projects.map(\.id) == ["support-bot"])
    }

    @Test func minimalTreeHasNoDiagnosticsAtAll() {
        let result = ContentLoader.load(directory: Self.minimal)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.inputFiles == [
            "projects/support-bot/contract.yml",
            "projects/support-bot/decisions/2025-07-08-2025-q2-review.md",
            "projects/support-bot/feedback/2025-04-10-first-month.md",
            "projects/support-bot/snapshots/2025-03-04.csv",
            "projects/support-bot/snapshots/2026-01-05.csv",
            "yardstick.yml",
        ])
    }

    @Test func byteOrderMarkAndCRLFReadLikeThePlainTree() throws {
        let plain = try #require(ContentLoader.load(directory: Self.validDirectory.appendingPathComponent("tiny").path).portfolio)
        let crlf = try #require(ContentLoader.load(directory: Self.validDirectory.appendingPathComponent("crlf-bom").path).portfolio)
        #expect(crlf.settings == plain.settings)
        let (a, b) = (try #require(plain.projects.first), try #require(crlf.projects.first))
        #expect(b.contract.title == a.contract.title)
        #expect(b.contract.metrics.map(\.id) == a.contract.metrics.map(\.id))
        #expect(b.contract.target == a.contract.target)
        #expect(b.snapshots.map(\.rows) == a.snapshots.map(\.rows))
        #expect(b.notes.map(\.body) == a.notes.map(\.body))
        #expect(b.notes.map(\.bodyLine) == a.notes.map(\.bodyLine))
        #expect(b.decisions.map(\.body) == a.decisions.map(\.body))
        #expect(!(b.notes.first?.body.contains("\r") ?? true))
    }

    // MARK: - yardstick.yml

    @Test func settings() throws {
        let settings = try #require(ContentLoader.load(directory: Self.minimal).portfolio).settings
        #expect(settings.title == "AI results — Fixture Co")
        #expect(settings.organisation == "Fixture Co")
        #expect(settings.baseURL == "/results/")
        #expect(settings.currency == "EUR")
        #expect(settings.fiscalYearStart == 1)
        #expect(settings.asOf == Month(year: 2025, month: 12))
    }

    @Test func settingsDefaultsAndBaseURLSlashes() throws {
        try withTemporaryCopy(of: Self.validDirectory.appendingPathComponent("tiny")) { root in
            try "title: Only a title\nbase_url: reports\nfiscal_year_start: 4\n"
                .write(to: root.appendingPathComponent("yardstick.yml"), atomically: true, encoding: .utf8)
            let result = ContentLoader.load(directory: root.path)
            let settings = try #require(result.portfolio, "\(result.diagnostics.map(\.description))").settings
            #expect(settings.organisation == "Only a title")
            #expect(settings.baseURL == "/reports/")
            #expect(settings.currency == "USD")
            #expect(settings.fiscalYearStart == 4)
            #expect(settings.asOf == nil)
        }
    }

    // MARK: - contract.yml

    @Test func contractFields() throws {
        let contract = try Self.minimalProject().contract
        #expect(contract.title == "Support bot for tier-1 agents")
        #expect(contract.summary == "Drafts replies during live chats on the pilot team.")
        #expect(contract.sponsor == "Dana Ruiz, VP Customer Support")
        #expect(contract.owner == "Priya Shah, Business Analytics")
        #expect(contract.buildTeam == ["Marco Li", "Support Engineering"])
        #expect(contract.agreed == Day(year: 2025, month: 1, day: 20))
        #expect(contract.launch == Day(year: 2025, month: 3, day: 1))
        #expect(contract.cadence == "monthly")
        #expect(contract.location.path.hasSuffix("valid/minimal/projects/support-bot/contract.yml"))
    }

    @Test func metricsInDeclaredOrder() throws {
        let contract = try Self.minimalProject().contract
        #expect(contract.metrics.map(\.id) == ["handle_time", "calls", "latency_p95", "active_agents", "model_cost"])
        #expect(contract.metrics.map(\.layer) == [.outcome, .volume, .system, .usage, .cost])
        #expect(contract.metrics.map(\.aggregate) == [.mean, .sum, .max, .last, .sum])
        #expect(contract.metrics.map(\.direction) == [.decrease, nil, nil, nil, nil])
        #expect(contract.metrics.map(\.unit) == ["min", "chats", "ms", "users", "EUR"])

        let handleTime = try #require(contract.outcome)
        #expect(handleTime.name == "Average handle time")
        #expect(handleTime.location.line == 11)
        #expect(handleTime.location.column == 3)

        let latency = try #require(contract.metric("latency_p95"))
        #expect(latency.sloMax == 2500)
        #expect(latency.sloMin == nil)
        #expect(latency.hasSLO)
        #expect(contract.metric("calls")?.hasSLO == false)
    }

    @Test func outcomeBaselineAndRelativeTarget() throws {
        let contract = try Self.minimalProject().contract
        #expect(contract.outcomeMetric == "handle_time")
        #expect(contract.baseline.from == Month(year: 2024, month: 3))
        #expect(contract.baseline.to == Month(year: 2025, month: 2))
        #expect(contract.baseline.value == 8.1)
        #expect(contract.target.change == -15)
        #expect(contract.target.relative)
        #expect(contract.target.by == Month(year: 2025, month: 12))
    }

    @Test func attributionWithSortedWaves() throws {
        let attribution = try Self.minimalProject().contract.attribution
        #expect(attribution.method == .controlledComparison)
        #expect(attribution.treatment == ["pilot"])  // written as a single name
        #expect(attribution.control == ["rest"])  // written as a list
        // Written rest (2025-09-01) first, pilot (2025-03-01) second: sorted by go-live.
        #expect(attribution.waves == [
            Attribution.Wave(segment: "pilot", goLive: Day(year: 2025, month: 3, day: 1)),
            Attribution.Wave(segment: "rest", goLive: Day(year: 2025, month: 9, day: 1)),
        ])
        #expect(attribution.covariates == ["calls"])
        #expect(attribution.seasonality == .monthOfYear)
        #expect(attribution.caveats == ["The pilot team volunteered."])
    }

    @Test func adoptionValueAndInvestment() throws {
        let contract = try Self.minimalProject().contract
        #expect(contract.adoption == OutcomeContract.Adoption(metric: "active_agents", eligible: .count(40)))
        #expect(contract.value == OutcomeContract.Value(volume: "calls", perUnit: 0.5))
        #expect(contract.investment == [
            OutcomeContract.Investment(date: Day(year: 2025, month: 2, day: 10), amount: 120_000, label: "Build and integration"),
        ])
        #expect(contract.events.isEmpty)
        #expect(contract.amendments.isEmpty)
    }

    // MARK: - Snapshots

    @Test func snapshotsSortedByExportDay() throws {
        let snapshots = try Self.minimalProject().snapshots
        #expect(snapshots.map(\.exported) == [Day(year: 2025, month: 3, day: 4), Day(year: 2026, month: 1, day: 5)])
        #expect(snapshots.map(\.rows.count) == [60, 70])
        #expect(snapshots[0].path.hasSuffix("projects/support-bot/snapshots/2025-03-04.csv"))
    }

    @Test func snapshotRowsInFileOrder() throws {
        let rows = try Self.minimalProject().snapshots[0].rows
        #expect(rows.map(\.line) == Array(2...61))
        // `2023-07,calls,,2000,`: the empty segment is `all`, the empty n is no weight.
        #expect(rows[0] == SnapshotRow(period: .month(Month(year: 2023, month: 7)), metric: "calls", segment: "all",
                                       value: 2000, n: nil, line: 2))
        // `2023-07,handle_time,pilot,8.00,400`
        #expect(rows[1] == SnapshotRow(period: .month(Month(year: 2023, month: 7)), metric: "handle_time", segment: "pilot",
                                       value: 8.0, n: 400, line: 3))
        #expect(rows[2].segment == "rest")
        #expect(rows[2].value == 8.43)
        #expect(rows[2].n == 1600)
    }

    @Test func emptyAndExplicitAllSegmentsAreTheSame() throws {
        let rows = try Self.minimalProject().snapshots.flatMap(\.rows)
        // calls and latency_p95 leave the segment empty; model_cost writes `all`.
        for metric in ["calls", "latency_p95", "active_agents", "model_cost"] {
            let segments = Set(rows.filter { $0.metric == metric }.map(\.segment))
            #expect(segments == ["all"], "\(metric)")
        }
        #expect(Set(rows.filter { $0.metric == "handle_time" }.map(\.segment)) == ["pilot", "rest"])
    }

    @Test func weightsOnlyWhereGiven() throws {
        let rows = try Self.minimalProject().snapshots.flatMap(\.rows)
        #expect(rows.filter { $0.metric == "handle_time" }.allSatisfy { $0.n != nil })
        #expect(rows.filter { $0.metric != "handle_time" }.allSatisfy { $0.n == nil })
        #expect(rows.allSatisfy { $0.value.isFinite })
    }

    @Test func dailyAndMonthlyPeriods() throws {
        let rows = try Self.minimalProject().snapshots[1].rows
        let latency = rows.filter { $0.metric == "latency_p95" }
        #expect(latency.count == 20)
        #expect(latency.first?.period == .day(Day(year: 2025, month: 3, day: 1)))
        #expect(latency.dropFirst().first?.period == .day(Day(year: 2025, month: 3, day: 15)))
        #expect(latency.first?.period.month == Month(year: 2025, month: 3))
        #expect(rows.filter { $0.metric != "latency_p95" }.allSatisfy {
            if case .month = $0.period { true } else { false }
        })
    }

    @Test func thirtyMonthsOfOutcomeDataPerSegment() throws {
        let rows = try Self.minimalProject().snapshots.flatMap(\.rows)
        for segment in ["pilot", "rest"] {
            let months = rows.filter { $0.metric == "handle_time" && $0.segment == segment }.map(\.period.month)
            #expect(months == Month.range(Month(year: 2023, month: 7), through: Month(year: 2025, month: 12)), "\(segment)")
        }
    }

    // MARK: - Notes and decisions

    @Test func feedbackNote() throws {
        let notes = try Self.minimalProject().notes
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        #expect(note.slug == "first-month")
        #expect(note.date == Day(year: 2025, month: 4, day: 10))
        #expect(note.source == .interview)
        #expect(note.author == "Jonas Berg")
        #expect(note.sentiment == .mixed)
        #expect(note.tags == ["latency", "trust"])
        #expect(note.bodyLine == 8)  // the line after the closing `---`
        #expect(note.body == "Pilot agents like the drafts for billing questions.\n\n> I still read every draft before I send it.\n")
        #expect(note.path.hasSuffix("projects/support-bot/feedback/2025-04-10-first-month.md"))
    }

    @Test func decision() throws {
        let decisions = try Self.minimalProject().decisions
        #expect(decisions.count == 1)
        let decision = try #require(decisions.first)
        #expect(decision.slug == "2025-q2-review")
        #expect(decision.date == Day(year: 2025, month: 7, day: 8))
        #expect(decision.review == Quarter(year: 2025, quarter: 2))
        #expect(decision.decision == .continue)
        #expect(decision.body == "Keep the pilot running; the effect is not yet clear.\n")
        #expect(decision.path.hasSuffix("projects/support-bot/decisions/2025-07-08-2025-q2-review.md"))
    }

    // MARK: - Read-only

    @Test("loading never changes the content directory", arguments: ["valid/minimal", "invalid/duplicate-row-key", "invalid/yaml-syntax-contract"])
    func loadingIsReadOnly(_ tree: String) throws {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        try withTemporaryCopy(of: fixtures.appendingPathComponent(tree)) { root in
            let before = try fingerprint(root)
            #expect(!before.isEmpty)
            _ = ContentLoader.load(directory: root.path)
            _ = ContentLoader.load(directory: root.path + "/")
            let after = try fingerprint(root)
            #expect(after == before)
        }
    }
}

// MARK: - Helpers

/// Every entry below `root`, hidden ones included: directories by name, files by content hash,
/// size and modification date.
private func fingerprint(_ root: URL) throws -> [String: String] {
    let manager = FileManager.default
    var result: [String: String] = [:]
    guard let enumerator = manager.enumerator(atPath: root.path) else { return result }
    for case let relative as String in enumerator {
        let path = root.appendingPathComponent(relative).path
        let attributes = try manager.attributesOfItem(atPath: path)
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            result[relative] = "directory"
        } else {
            let bytes = try #require(manager.contents(atPath: path))
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[relative] = "\(fnv1a(bytes)) \(bytes.count) \(modified)"
        }
    }
    return result
}

/// The 64-bit FNV-1a hash of some bytes.
private func fnv1a(_ bytes: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }
    return hash
}

/// Runs `body` with a copy of `source` in a new temporary directory, removed afterwards.
private func withTemporaryCopy(of source: URL, _ body: (URL) throws -> Void) throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-loader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: parent) }
    let root = parent.appendingPathComponent("content")
    try FileManager.default.copyItem(at: source, to: root)
    try body(root)
}
