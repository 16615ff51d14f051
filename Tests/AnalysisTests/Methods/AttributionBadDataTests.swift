import Model
import Testing

@testable import Analysis

/// Bad data give an `error` with a stable code and status `.flat`, never a trap or a NaN.
struct AttributionBadDataTests {
    @Test("a baseline of 1 or 2 months is too short", arguments: ["cc-improving", "rg-one-covariate", "ba-levels",
                                                                   "sr-3-waves"])
    func tooFewMonths(_ name: String) throws {
        for months in [1, 2] {
            var input = try MethodFixture.load(name).attributionInput()
            input.baselineFrom = input.baselineTo.adding(1 - months)
            let result = AttributionEngine.estimate(input)
            Self.expectError(result, .tooFewMonths)
        }
    }

    @Test("a baseline of 3 months is enough: an estimate with finite numbers")
    func threeMonths() throws {
        var input = try MethodFixture.load("cc-improving").attributionInput()
        input.baselineFrom = input.baselineTo.adding(-2)
        let result = AttributionEngine.estimate(input)
        #expect(result.error == nil)
        #expect(result.effect != nil)
        Self.expectFinite(result)
    }

    @Test("an outcome with a single value is a constant outcome", arguments: Attribution.Method.allCases)
    func constantSeries(_ method: Attribution.Method) throws {
        var input = try Self.input(for: method)
        for segment in input.outcome.keys {
            input.outcome[segment] = input.outcome[segment]!.mapValues { _ in 8.0 }
        }
        Self.expectError(AttributionEngine.estimate(input), .constantOutcome)
    }

    @Test("treatment and control moving in lockstep leave a constant difference")
    func constantDifference() throws {
        var input = try MethodFixture.load("cc-improving").attributionInput()
        let control = try #require(input.outcome[input.control[0]])
        input.outcome[input.treatment[0]] = control.mapValues { $0 - 0.5 }
        Self.expectError(AttributionEngine.estimate(input), .constantOutcome)
    }

    @Test("constant before and constant after, at different levels: no standard error for before-after")
    func stepWithoutNoise() throws {
        var input = try MethodFixture.load("ba-levels").attributionInput()
        let post = Set(ModelWindow(input).post)
        input.outcome["all"] = input.outcome["all"]!.map { month, _ in (month, post.contains(month) ? 7.0 : 8.0) }
            .reduce(into: [:]) { $0[$1.0] = $1.1 }
        Self.expectError(AttributionEngine.estimate(input), .constantOutcome)
    }

    @Test("a month missing inside the window", arguments: Attribution.Method.allCases)
    func missingMonth(_ method: Attribution.Method) throws {
        var input = try Self.input(for: method)
        let window = ModelWindow(input)
        for month in [window.baseline[3], window.post.last!] {
            var copy = input
            let segment = method == .controlledComparison ? copy.control[0] : copy.outcome.keys.sorted()[0]
            copy.outcome[segment]![month] = nil
            let result = AttributionEngine.estimate(copy)
            Self.expectError(result, .missingMonth)
            #expect(result.error?.message.contains(month.description) == true)
        }
        if method == .regression, let covariate = input.covariates.first {
            input.covariates[0].values[window.post[0]] = nil
            let result = AttributionEngine.estimate(input)
            Self.expectError(result, .missingMonth)
            #expect(result.error?.message.contains(covariate.id) == true)
        }
    }

    @Test("a missing month outside the window (gap, transition or after the report month) does no harm")
    func missingOutsideWindow() throws {
        var input = try MethodFixture.load("cc-gap-and-later-data").attributionInput()
        input.outcome[input.control[0]]![Month(year: 2026, month: 1)] = nil
        input.outcome[input.control[0]]![Month(year: 2026, month: 11)] = nil
        let result = AttributionEngine.estimate(input)
        #expect(result.error == nil)
        #expect(result.effect != nil)
    }

    @Test("more parameters than months")
    func tooManyParameters() throws {
        var input = try MethodFixture.load("rg-short-baseline-flat").attributionInput()
        input.reportMonth = ModelWindow(input).post[1]
        let rows = ModelWindow(input).rows
        input.covariates = (1...7).map { j in
            (id: "x-\(j)", values: Dictionary(uniqueKeysWithValues: rows.enumerated().map {
                ($1, Double(($0 * (j + 3)) % 11) + Double(j))
            }))
        }
        let result = AttributionEngine.estimate(input)
        Self.expectError(result, .tooManyParameters)
        #expect(result.error?.message.contains("9 parameters for 8 monthly observations") == true)
    }

    @Test("no baseline data, no comparison group, a NaN")
    func otherProblems() throws {
        var input = try MethodFixture.load("cc-improving").attributionInput()
        input.baselineFrom = Month(year: 2020, month: 1)
        input.baselineTo = Month(year: 2020, month: 12)
        Self.expectError(AttributionEngine.estimate(input), .noBaselineData)

        input = try MethodFixture.load("cc-improving").attributionInput()
        input.control = []
        Self.expectError(AttributionEngine.estimate(input), .noComparisonGroup)

        input = try MethodFixture.load("sr-3-waves").attributionInput()
        input.waves = [input.waves[0]]
        Self.expectError(AttributionEngine.estimate(input), .noComparisonGroup)

        input = try MethodFixture.load("rg-one-covariate").attributionInput()
        input.outcome["all"]![input.baselineFrom.adding(2)] = .nan
        Self.expectError(AttributionEngine.estimate(input), .nonFiniteValue)
    }

    @Test("every report month of every fixture gives finite numbers or an error", arguments: MethodFixture.names)
    func everyReportMonth(_ name: String) throws {
        let fixture = try MethodFixture.load(name)
        let input = try fixture.attributionInput()
        for report in Month.range(input.baselineTo.adding(-3), through: input.reportMonth.adding(2)) {
            var copy = input
            copy.reportMonth = report
            let result = AttributionEngine.estimate(copy)
            Self.expectFinite(result)
            if result.error != nil {
                #expect(result.effect == nil && result.status == .flat)
            } else if result.effect == nil {
                #expect(result.status == .tooEarly)
            }
        }
    }

    // MARK: - Helpers

    /// A fixture input of `method` with a full window.
    static func input(for method: Attribution.Method) throws -> AttributionInput {
        let name = switch method {
        case .controlledComparison: "cc-improving"
        case .stagedRollout: "sr-3-waves"
        case .regression: "rg-one-covariate"
        case .beforeAfter: "ba-yoy"
        }
        return try MethodFixture.load(name).attributionInput()
    }

    static func expectError(_ result: AttributionResult, _ code: AnalysisProblem.Code,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.error?.code == code, sourceLocation: sourceLocation)
        #expect(result.status == .flat, sourceLocation: sourceLocation)
        #expect(result.effect == nil, sourceLocation: sourceLocation)
        #expect(result.waves.isEmpty && result.eventTime.isEmpty, sourceLocation: sourceLocation)
        #expect(result.problems.contains { $0.contains(result.error?.message ?? "?") }, sourceLocation: sourceLocation)
        expectFinite(result, sourceLocation: sourceLocation)
    }

    /// Every number in the result is finite.
    static func expectFinite(_ result: AttributionResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var numbers: [Double] = []
        if let baseline = result.baseline {
            numbers += [baseline.mean, baseline.standardDeviation, baseline.meanMovingRange, baseline.lowerLimit,
                        baseline.upperLimit]
        }
        func add(_ effect: EffectEstimate?) {
            guard let effect else { return }
            numbers += [effect.estimate, effect.standardError, effect.low, effect.high, effect.degreesOfFreedom]
            numbers += effect.coefficients.flatMap { [$0.estimate, $0.standardError, $0.t, $0.p] }
        }
        add(result.effect)
        add(result.placebo)
        result.waves.forEach { add($0.effect) }
        numbers += result.eventTime.flatMap { [$0.estimate, $0.low, $0.high] }
        if let trend = result.pretrend { numbers += [trend.slope, trend.standardError, trend.p] }
        numbers += [result.targetEffect, result.effectPercent].compactMap { $0 }
        #expect(numbers.allSatisfy { $0.isFinite }, sourceLocation: sourceLocation)
    }
}
