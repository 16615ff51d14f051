import Foundation
import Testing

@testable import Analysis

/// The standard normal distribution against scipy.stats.norm.
struct NormalTests {
    @Test func fixtureLoads() {
        #expect(NumericsFixtures.normal.cdf.count > 50)
        #expect(NumericsFixtures.normal.quantile.count > 50)
    }

    @Test("cdf and survival match scipy to 1e-10")
    func probabilitiesMatchScipy() {
        for row in NumericsFixtures.normal.cdf {
            #expect(NumericsFixtures.relativeError(Normal.cdf(row.x), row.cdf) <= 1e-10, "cdf(\(row.x))")
            #expect(NumericsFixtures.relativeError(Normal.survival(row.x), row.sf) <= 1e-10, "sf(\(row.x))")
        }
    }

    @Test("quantile matches scipy to 1e-10, down to p = 1e-300")
    func quantileMatchesScipy() {
        for row in NumericsFixtures.normal.quantile {
            let x = Normal.quantile(row.p)
            #expect(NumericsFixtures.relativeError(x, row.x) <= 1e-10, "quantile(\(row.p)) = \(x), scipy \(row.x)")
        }
    }

    @Test func edgeCases() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
        #expect(abs(Normal.quantile(0.975) - 1.959963984540054) <= 1e-15)
        #expect(Normal.quantile(Double.leastNormalMagnitude / 4096).isFinite)
    }
}
