import Model
import Testing

@testable import Analysis

/// Invariances the estimates must have whatever the data: shifts, swaps and changes of unit.
struct AttributionPropertyTests {
    static let controlledComparisons = ["cc-improving", "cc-seasonal-dummies-on-track", "cc-multi-segments",
                                        "cc-transition-launch"]
    static let everyMethod = ["cc-improving", "cc-seasonal-long-post-signals", "sr-3-waves-seasonal", "sr-mid-rollout",
                              "rg-seasonal-dummies-two-covariates", "rg-collinear-covariate", "ba-yoy", "ba-levels"]

    @Test("adding c to the treatment's post-launch values shifts the effect by c; the se is unchanged",
          arguments: controlledComparisons)
    func shiftAfterLaunch(_ name: String) throws {
        let input = try MethodFixture.load(name).attributionInput()
        let c = 0.37
        let post = Set(ModelWindow(input).post)
        let shifted = Self.changing(input, segments: input.treatment) { month, value in
            post.contains(month) ? value + c : value
        }
        let before = try #require(AttributionEngine.estimate(input).effect)
        let after = try #require(AttributionEngine.estimate(shifted).effect)
        #expect(Self.close(after.estimate, before.estimate + c, scale: before.standardError))
        #expect(Self.close(after.standardError, before.standardError, scale: before.standardError))
        #expect(Self.close(after.low, before.low + c, scale: before.standardError))
        #expect(Self.close(after.high, before.high + c, scale: before.standardError))
    }

    @Test("adding c to every treatment value moves only the intercept: the effect and se are unchanged",
          arguments: controlledComparisons)
    func shiftEverywhere(_ name: String) throws {
        let input = try MethodFixture.load(name).attributionInput()
        let shifted = Self.changing(input, segments: input.treatment) { _, value in value + 1.25 }
        let before = try #require(AttributionEngine.estimate(input).effect)
        let after = try #require(AttributionEngine.estimate(shifted).effect)
        #expect(Self.close(after.estimate, before.estimate, scale: before.standardError))
        #expect(Self.close(after.standardError, before.standardError, scale: before.standardError))
    }

    @Test("swapping treatment and control negates the effect and swaps the interval ends",
          arguments: controlledComparisons)
    func swapGroups(_ name: String) throws {
        var input = try MethodFixture.load(name).attributionInput()
        let before = try #require(AttributionEngine.estimate(input).effect)
        (input.treatment, input.control) = (input.control, input.treatment)
        let after = try #require(AttributionEngine.estimate(input).effect)
        #expect(Self.close(after.estimate, -before.estimate, scale: before.standardError))
        #expect(Self.close(after.standardError, before.standardError, scale: before.standardError))
        #expect(Self.close(after.low, -before.high, scale: before.standardError))
        #expect(Self.close(after.high, -before.low, scale: before.standardError))
        #expect(after.n == before.n && after.k == before.k && after.lags == before.lags)
    }

    @Test("multiplying the outcome by s > 0 scales the estimate, se and interval by s", arguments: everyMethod)
    func changeOfUnit(_ name: String) throws {
        let input = try MethodFixture.load(name).attributionInput()
        for s in [0.01, 2.5, 60.0] {
            let scaled = Self.changing(input, segments: Array(input.outcome.keys)) { _, value in value * s }
            let before = AttributionEngine.estimate(input)
            let after = AttributionEngine.estimate(scaled)
            let effect = try #require(before.effect)
            let scaledEffect = try #require(after.effect)
            let scale = s * effect.standardError
            #expect(Self.close(scaledEffect.estimate, s * effect.estimate, scale: scale))
            #expect(Self.close(scaledEffect.standardError, s * effect.standardError, scale: scale))
            #expect(Self.close(scaledEffect.low, s * effect.low, scale: scale))
            #expect(Self.close(scaledEffect.high, s * effect.high, scale: scale))
            #expect(scaledEffect.degreesOfFreedom == effect.degreesOfFreedom || name.hasPrefix("ba-"))
            #expect(after.status == before.status)
            #expect(after.signals == before.signals)
            for (wave, scaledWave) in zip(before.waves, after.waves) {
                #expect(Self.close(scaledWave.effect?.estimate ?? 0, s * (wave.effect?.estimate ?? 0), scale: scale))
            }
        }
    }

    // MARK: - Helpers

    /// `input` with `transform` applied to every value of `segments`.
    static func changing(_ input: AttributionInput, segments: [String],
                         _ transform: (Month, Double) -> Double) -> AttributionInput {
        var copy = input
        for segment in segments {
            guard let series = input.outcome[segment] else { continue }
            copy.outcome[segment] = Dictionary(uniqueKeysWithValues: series.map {
                ($0.key, transform($0.key, $0.value))
            })
        }
        return copy
    }

    /// Equal to within 1e-9 of the estimate's scale (its standard error), which is what rounding can disturb.
    static func close(_ actual: Double, _ expected: Double, scale: Double) -> Bool {
        abs(actual - expected) <= 1e-9 * max(abs(expected), abs(scale))
    }
}
