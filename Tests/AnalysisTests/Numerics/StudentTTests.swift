import Foundation
import Testing

@testable import Analysis

/// Student's t against scipy.stats.t, closed forms and round trips.
struct StudentTTests {
    @Test func fixtureLoads() {
        #expect(NumericsFixtures.studentT.cdf.count > 1000)
        #expect(NumericsFixtures.studentT.quantile.count > 1000)
        #expect(NumericsFixtures.studentTDegrees.count >= 35)
    }

    @Test("cdf, survival and two-sided p match scipy to 1e-10", arguments: NumericsFixtures.studentTDegrees)
    func probabilitiesMatchScipy(df: Double) {
        for row in NumericsFixtures.studentT.cdf where row.df == df {
            let cdf = StudentT.cdf(row.x, df: df)
            let survival = StudentT.survival(row.x, df: df)
            let twoSided = StudentT.twoSidedP(row.x, df: df)
            #expect(
                NumericsFixtures.relativeError(cdf, row.cdf) <= 1e-10,
                "cdf(\(row.x), \(df)) = \(cdf), scipy \(row.cdf)"
            )
            #expect(
                NumericsFixtures.relativeError(survival, row.sf) <= 1e-10,
                "sf(\(row.x), \(df)) = \(survival), scipy \(row.sf)"
            )
            #expect(
                NumericsFixtures.relativeError(twoSided, row.twoSided) <= 1e-10,
                "p(\(row.x), \(df)) = \(twoSided), scipy \(row.twoSided)"
            )
        }
    }

    @Test("quantile matches scipy to 1e-10", arguments: NumericsFixtures.studentTDegrees)
    func quantileMatchesScipy(df: Double) {
        for row in NumericsFixtures.studentT.quantile where row.df == df {
            let t = StudentT.quantile(row.p, df: df)
            #expect(NumericsFixtures.relativeError(t, row.t) <= 1e-10, "quantile(\(row.p), \(df)) = \(t), scipy \(row.t)")
        }
    }

    @Test("one and two degrees of freedom match their closed forms, also near zero")
    func closedForms() {
        let xs: [Double] = [-1e8, -300, -12, -3, -1, -0.2, -1e-3, -1e-7, -1e-12, 1e-12, 1e-6, 0.4, 2, 50, 1e6]
        for x in xs {
            let cauchy = x < 0 ? atan(-1 / x) / Double.pi : 0.5 + atan(x) / Double.pi
            #expect(NumericsFixtures.relativeError(StudentT.cdf(x, df: 1), cauchy) <= 1e-13, "df 1, x \(x)")
            let two = x < 0
                ? 0.5 * (1 - (-x) / (2 + x * x).squareRoot())
                : 0.5 + x / (2 * (2 + x * x).squareRoot())
            // The closed form for x < 0 cancels for large |x|, so compare only where it is still exact enough.
            if abs(x) < 100 {
                #expect(NumericsFixtures.relativeError(StudentT.cdf(x, df: 2), two) <= 1e-12, "df 2, x \(x)")
            }
        }
    }

    @Test("quantile inverts cdf deep into both tails", arguments: [1, 1.5, 2, 3.7, 10, 100, 1000, 99_999, 1e5, 1e9])
    func roundTrip(df: Double) {
        let probabilities: [Double] = [1e-300, 1e-150, 1e-50, 1e-20, 1e-9, 1e-4, 0.01, 0.2, 0.4999, 0.49999999]
        for p in probabilities {
            let t = StudentT.quantile(p, df: df)
            #expect(t.isFinite && t < 0, "quantile(\(p), \(df)) = \(t)")
            let back = StudentT.cdf(t, df: df)
            #expect(NumericsFixtures.relativeError(back, p) <= 1e-11, "cdf(quantile(\(p))) = \(back) at df \(df)")
        }
    }

    @Test func edgeCases() {
        #expect(StudentT.quantile(0, df: 5) == -.infinity)
        #expect(StudentT.quantile(1, df: 5) == .infinity)
        #expect(StudentT.quantile(0.5, df: 5) == 0)
        #expect(StudentT.quantile(1.2, df: 5).isNaN)
        #expect(StudentT.quantile(0.3, df: 0).isNaN)
        #expect(StudentT.cdf(.nan, df: 3).isNaN)
        #expect(StudentT.cdf(1, df: -1).isNaN)
        #expect(StudentT.cdf(0, df: 7) == 0.5)
        #expect(StudentT.cdf(-.infinity, df: 7) == 0)
        #expect(StudentT.cdf(.infinity, df: 7) == 1)
        #expect(StudentT.twoSidedP(0, df: 7) == 1)
        #expect(StudentT.cdf(1.3, df: .infinity) == Normal.cdf(1.3))
        #expect(StudentT.quantile(0.975, df: .infinity) == Normal.quantile(0.975))
        #expect(abs(StudentT.density(0, df: 1) - 1 / Double.pi) <= 1e-16)
    }

    @Test("very large df approaches the normal distribution")
    func largeDegreesOfFreedom() {
        #expect(abs(StudentT.quantile(0.975, df: 1e12) - Normal.quantile(0.975)) <= 1e-10)
        #expect(abs(StudentT.cdf(-2, df: 1e12) - Normal.cdf(-2)) <= 1e-10)
        // Either side of the switch to Hill's transformation the two methods agree.
        for x in [-30.0, -8, -2, -0.3, 1e-9, 1.5] {
            let below = StudentT.cdf(x, df: StudentT.largeDegreesOfFreedom.nextDown)
            let above = StudentT.cdf(x, df: StudentT.largeDegreesOfFreedom)
            #expect(NumericsFixtures.relativeError(below, above) <= 1e-11, "x \(x)")
        }
    }

    @Test("below one degree of freedom a quantile beyond the largest Double is infinite, not NaN")
    func overflowingQuantile() {
        #expect(StudentT.quantile(1e-150, df: 0.3) == -.infinity)
        #expect(StudentT.quantile(1 - 1e-16, df: 0.3).isFinite)
        #expect(StudentT.quantile(1e-50, df: 0.3).isFinite)
    }
}
