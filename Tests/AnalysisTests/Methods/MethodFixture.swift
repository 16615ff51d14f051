import Foundation
import Model
import Testing

@testable import Analysis

/// One case written by `scripts/oracle/methods_reference.py`: an input and what the oracle expects of it.
struct MethodFixture: Decodable, Sendable {
    struct Window: Decodable, Sendable {
        let from: String
        let to: String
    }

    struct TargetChange: Decodable, Sendable {
        let change: Double
        let relative: Bool
    }

    struct Input: Decodable, Sendable {
        let method: String
        let seasonality: String
        let direction: String
        let baseline: Window
        let launch: String
        let reportMonth: String
        let target: TargetChange
        let outcome: [String: [String: Double]]
        let treatment: [String]
        let control: [String]
        let waves: [String: String]
        let covariates: [String: [String: Double]]
    }

    struct Baseline: Decodable, Sendable {
        let mean: Double
        let sd: Double
        let months: Int
        let mrMean: Double
        let lcl: Double
        let ucl: Double
    }

    struct Effect: Decodable, Sendable {
        let estimate: Double
        let se: Double
        let low: Double
        let high: Double
        let df: Double
        let n: Int
        let k: Int
        let lags: Int
        let postMonths: Int
        let percent: Double
        let target: Double
    }

    struct Trend: Decodable, Sendable {
        let slope: Double
        let se: Double
        let p: Double
    }

    struct Placebo: Decodable, Sendable {
        let estimate: Double
        let se: Double
        let low: Double
        let high: Double
    }

    struct Wave: Decodable, Sendable {
        let wave: String
        let noComparison: Bool?
        let noPostMonths: Bool?
        let estimate: Double?
        let se: Double?
        let low: Double?
        let high: Double?
        let n: Int?
        let k: Int?
        let lags: Int?
    }

    struct EventTime: Decodable, Sendable {
        let e: Int
        let estimate: Double
        let low: Double
        let high: Double
    }

    struct Expected: Decodable, Sendable {
        let error: String?
        let status: String?
        let baseline: Baseline?
        let effect: Effect?
        let pretrend: Trend?
        let placebo: Placebo?
        let waves: [Wave]?
        let eventTime: [EventTime]?
        let signals: [String]?
    }

    let name: String
    let description: String
    let input: Input
    let expected: Expected

    // MARK: - Loading

    /// The fixture folder inside the test bundle.
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("methods")
    }

    /// Every fixture's name (file name without `.json`), sorted.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// Reads and decodes one fixture.
    static func load(_ name: String) throws -> MethodFixture {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(MethodFixture.self, from: data)
    }

    // MARK: - The engine's input

    /// The input as the engine takes it; covariates in the oracle's order (sorted by metric id).
    func attributionInput() throws -> AttributionInput {
        let report = try #require(Month(input.reportMonth))
        func series(_ values: [String: Double]) throws -> [Month: Double] {
            var result: [Month: Double] = [:]
            for (month, value) in values { result[try #require(Month(month))] = value }
            return result
        }
        return AttributionInput(
            method: try #require(Attribution.Method(rawValue: input.method)),
            seasonality: try #require(Attribution.Seasonality(rawValue: input.seasonality)),
            direction: try #require(MetricDefinition.Direction(rawValue: input.direction)),
            baselineFrom: try #require(Month(input.baseline.from)),
            baselineTo: try #require(Month(input.baseline.to)),
            launch: try #require(Day(input.launch)),
            reportMonth: report,
            target: OutcomeContract.Target(change: input.target.change, relative: input.target.relative, by: report),
            outcome: try input.outcome.mapValues(series),
            treatment: input.treatment,
            control: input.control,
            waves: try input.waves.map { Attribution.Wave(segment: $0.key, goLive: try #require(Day($0.value))) },
            covariates: try input.covariates.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                .map { (id: $0.key, values: try series($0.value)) })
    }
}
