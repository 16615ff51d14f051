import Testing

@testable import Analysis

/// Welch's t-test against scipy `ttest_ind(equal_var=False)`.
struct WelchTestTests {
    @Test func fixtureLoads() {
        #expect(NumericsFixtures.welch.cases.count >= 10)
    }

    @Test("matches scipy to 1e-6", arguments: NumericsFixtures.welch.cases)
    func matchesScipy(_ reference: NumericsFixtures.WelchCase) throws {
        let test = try WelchTest(reference.a, reference.b)
        let scale = test.standardError
        func close(_ actual: Double, _ expected: Double, scale: Double) -> Bool {
            abs(actual - expected) <= 1e-6 * max(abs(expected), scale)
        }
        #expect(close(test.estimate, reference.estimate, scale: scale))
        #expect(close(test.t, reference.t, scale: 1))
        #expect(close(test.p, reference.p, scale: 0))
        #expect(close(test.df, reference.df, scale: 0))
        #expect(close(test.low, reference.low, scale: scale))
        #expect(close(test.high, reference.high, scale: scale))
    }

    @Test func intervalAtOtherLevels() throws {
        let test = try WelchTest([1, 2, 3, 4.5], [2, 2.5, 6, 7, 3])
        let ninetyFive = try #require(test.interval(level: 0.95))
        #expect(abs(ninetyFive.low - test.low) <= 1e-14 && abs(ninetyFive.high - test.high) <= 1e-14)
        let ninetyNine = try #require(test.interval(level: 0.99))
        #expect(ninetyNine.low < test.low && ninetyNine.high > test.high)
        #expect(test.interval(level: 0) == nil)
        #expect(test.interval(level: 1.5) == nil)
    }

    @Test func errors() {
        #expect(throws: NumericsError.tooFewObservations(required: 2, actual: 1)) { try WelchTest([1], [1, 2, 3]) }
        #expect(throws: NumericsError.tooFewObservations(required: 2, actual: 0)) { try WelchTest([1, 2], []) }
        #expect(throws: NumericsError.zeroVariance) { try WelchTest([3, 3, 3], [4, 4]) }
        #expect(throws: NumericsError.nonFiniteInput) { try WelchTest([1, .nan], [1, 2]) }
        #expect(throws: NumericsError.overflow) { try WelchTest([1e308, -1e308], [0, 1]) }
    }
}
