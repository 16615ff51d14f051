import Foundation
import Model

/// `yardstick init`: a new content directory with one example project that builds.
public enum Scaffold {
    /// Why a scaffold could not be written.
    public struct Failure: Error {
        /// The diagnostic to show.
        public var diagnostic: Diagnostic
    }

    /// Writes the example into `directory`, which must not exist or be empty; returns the number of files.
    public static func create(at directory: String) throws -> Int {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw Failure(diagnostic: .error("not-empty", "'\(directory)' exists and is not empty; choose a new directory", at: SourceLocation(path: directory)))
        }
        let files = exampleFiles()
        do {
            for (path, text) in files {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        } catch {
            throw Failure(diagnostic: .error("write-failed", "could not write \(directory): \(error.localizedDescription)", at: SourceLocation(path: directory)))
        }
        return files.count
    }

    /// The example's files by relative path; the data come from a fixed-seed generator, so every init is identical.
    static func exampleFiles() -> [(String, String)] {
        var random = SeededRandom(seed: 20_240_701)
        var csv = "period,metric,segment,value,n\n"
        let launch = Month(year: 2025, month: 7)
        for month in Month.range(Month(year: 2024, month: 1), through: Month(year: 2026, month: 6)) {
            let season = 0.25 * sin(Double(month.month) / 12 * 2 * .pi)
            let live = month >= launch
            let control = 9.0 + season + random.normal() * 0.12
            let pilot = 9.1 + season + random.normal() * 0.12 - (live ? 1.1 : 0)
            csv += "\(month),resolution_time,pilot-team,\(round3(pilot)),\(400 + Int(random.uniform() * 80))\n"
            csv += "\(month),resolution_time,other-teams,\(round3(control)),\(1600 + Int(random.uniform() * 200))\n"
            csv += "\(month),tickets,,\(2000 + Int(random.uniform() * 300)),\n"
            if live {
                let users = min(38, 12 + (month.ordinal - launch.ordinal) * 3)
                csv += "\(month),active_users,,\(users),\n"
                csv += "\(month),latency_p95,,\(round3(1.6 + random.uniform() * 0.5)),\n"
                csv += "\(month),model_cost,,\(2400 + Int(random.uniform() * 400)),\n"
            }
        }
        let settings = """
        title: AI results — Example Co
        organisation: Example Co
        base_url: /
        currency: USD
        fiscal_year_start: 1

        """
        let contract = """
        title: Ticket triage assistant
        summary: Suggests a category and a reply for incoming support tickets.
        sponsor: Alex Morgan, Head of Support
        owner: Sam Lee, Analytics
        build_team: [Jo Park, Support Engineering]
        agreed: 2025-05-20
        launch: 2025-07-01
        cadence: monthly

        metrics:
          resolution_time: {name: Time to resolve, layer: outcome, unit: h, direction: decrease, aggregate: mean}
          tickets: {name: Tickets handled, layer: volume, unit: tickets, aggregate: sum}
          latency_p95: {name: Suggestion latency p95, layer: system, unit: s, aggregate: max, slo: {max: 2.5}}
          active_users: {name: Active agents, layer: usage, unit: users, aggregate: last}
          model_cost: {name: Model usage, layer: cost, unit: USD, aggregate: sum}

        outcome:
          metric: resolution_time
          baseline: {from: 2024-07, to: 2025-06, value: 9.1}
          target: {change: -10%, by: 2026-06}

        attribution:
          method: controlled-comparison
          treatment: pilot-team
          control: other-teams
          seasonality: month-of-year
          caveats: ["The pilot team volunteered, so it may be keener than the others."]

        adoption: {metric: active_users, eligible: 40}
        value: {volume: tickets, per_unit: 4.5}
        investment:
          - {date: 2025-06-15, amount: 60000, label: Build and integration}

        """
        let note = """
        ---
        date: 2026-06-10
        source: interview
        author: Sam Lee
        sentiment: positive
        tags: [triage]
        ---
        Agents on the pilot team say the suggested category is right most of the time.

        > I only fix the category on odd tickets now.

        """
        let decision = """
        ---
        date: 2026-04-08
        review: 2026-Q1
        decision: continue
        ---
        The effect is real and near the target; keep the pilot running another quarter before expanding.

        """
        return [
            ("yardstick.yml", settings),
            ("projects/ticket-triage/contract.yml", contract),
            ("projects/ticket-triage/snapshots/2026-07-02.csv", csv),
            ("projects/ticket-triage/feedback/2026-06-10-pilot-interviews.md", note),
            ("projects/ticket-triage/decisions/2026-04-08-q1-review.md", decision),
        ]
    }

    private static func round3(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// A small deterministic generator (SplitMix64) for example data.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-12), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
