import Foundation
import Testing

@testable import Analysis

/// The attribution engine against every case of the reference oracle (scripts/oracle/methods_reference.py).
struct MethodFixtureTests {
    @Test func allFixturesAreFound() {
        #expect(MethodFixture.names.count == 46)
    }

    @Test("matches the reference oracle", arguments: MethodFixture.names)
    func matchesOracle(_ name: String) throws {
        let fixture = try MethodFixture.load(name)
        let result = AttributionEngine.estimate(try fixture.attributionInput())
        let comparison = FixtureComparison(result, fixture.expected, method: fixture.input.method)
        let report = "\(name):\n" + comparison.mismatches.joined(separator: "\n")
        #expect(comparison.mismatches.isEmpty, Comment(rawValue: report))
    }

    /// The comparison itself must notice a wrong number, status, signal or wave shape.
    @Test func comparisonNoticesDifferences() throws {
        let fixture = try MethodFixture.load("sr-mid-rollout")
        let result = AttributionEngine.estimate(try fixture.attributionInput())
        #expect(FixtureComparison(result, fixture.expected, method: "staged-rollout").mismatches.isEmpty)

        var nudged = result
        nudged.effect?.standardError *= 1 + 2e-6
        var status = result
        status.status = .onTrack
        var signals = result
        signals.signals.removeLast()
        var waves = result
        waves.waves[2].note = WaveEffect.noComparisonNote
        var profile = result
        profile.eventTime[1].high += 1e-5
        for changed in [nudged, status, signals, waves, profile] {
            #expect(FixtureComparison(changed, fixture.expected, method: "staged-rollout").mismatches.count == 1)
        }
    }

    /// Runs every fixture and prints the worst relative error per method (the figure quoted in reviews).
    @Test func worstRelativeErrorPerMethod() throws {
        var worst: [String: (error: Double, at: String)] = [:]
        var counts: [String: (fixtures: Int, reals: Int)] = [:]
        for name in MethodFixture.names {
            let fixture = try MethodFixture.load(name)
            let method = fixture.input.method
            let comparison = FixtureComparison(AttributionEngine.estimate(try fixture.attributionInput()),
                                               fixture.expected, method: method)
            let current = counts[method] ?? (0, 0)
            counts[method] = (current.fixtures + 1, current.reals + comparison.realCount)
            if comparison.worst.error >= (worst[method]?.error ?? 0) {
                worst[method] = (comparison.worst.error, "\(name) \(comparison.worst.field)")
            }
            #expect(comparison.worst.error <= FixtureComparison.relativeTolerance, "\(name)")
        }
        for method in worst.keys.sorted() {
            let entry = worst[method]!
            let count = counts[method]!
            print("[method fixtures] \(method): \(count.fixtures) fixtures, \(count.reals) reals, "
                  + "worst relative error \(entry.error) at \(entry.at)")
        }
    }
}
