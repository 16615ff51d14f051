import Foundation
import Testing

@testable import Analysis

/// OLS fits against statsmodels: nonrobust, Newey–West HAC and cluster-robust, including rank-deficient designs.
struct LinearModelTests {
    @Test func fixtureLoads() {
        #expect(NumericsFixtures.regression.cases.count >= 20)
    }

    /// Coefficient-scale quantities (estimate, interval ends) are compared relative to max(|expected|, SE), so an
    /// interval end that happens to lie near zero is judged on the scale of its coefficient.
    @Test("matches statsmodels to 1e-6", arguments: NumericsFixtures.regression.cases)
    func matchesStatsmodels(_ reference: NumericsFixtures.RegressionCase) throws {
        let model = try LinearModel.fit(
            y: reference.y,
            design: Matrix(columns: reference.columns),
            covariance: Self.kind(reference.covariance)
        )
        #expect(model.n == reference.n)
        #expect(model.k == reference.k)
        #expect(model.aliased == reference.aliased)
        #expect(model.degreesOfFreedom == reference.df)
        for column in reference.columns.indices {
            guard let estimate = reference.params[column], let standardError = reference.bse[column],
                  let t = reference.tvalues[column], let p = reference.pvalues[column],
                  let low = reference.confLow[column], let high = reference.confHigh[column]
            else {
                #expect(model.coefficients[column] == nil)
                #expect(model.standardErrors[column] == nil)
                #expect(model.inference(for: column) == nil)
                continue
            }
            let inference = try #require(model.inference(for: column))
            func close(_ actual: Double, _ expected: Double, scale: Double) -> Bool {
                abs(actual - expected) <= 1e-6 * max(abs(expected), scale)
            }
            let label = "\(reference.name) column \(column)"
            #expect(close(inference.estimate, estimate, scale: standardError), "estimate, \(label)")
            #expect(close(inference.standardError, standardError, scale: 0), "standard error, \(label)")
            #expect(close(inference.t, t, scale: 1), "t, \(label)")
            #expect(close(inference.p, p, scale: 0), "p, \(label)")
            #expect(close(inference.low, low, scale: standardError), "low, \(label)")
            #expect(close(inference.high, high, scale: standardError), "high, \(label)")
            #expect(inference.df == reference.df)
            #expect(model.coefficients[column] == inference.estimate)
            #expect(model.standardErrors[column] == inference.standardError)
        }
    }

    @Test("neweyWestLags is floor(4 (n/100)^(2/9)) as in statsmodels")
    func neweyWestLags() {
        #expect(NumericsFixtures.regression.neweyWestLags.count > 200)
        for pair in NumericsFixtures.regression.neweyWestLags {
            #expect(LinearModel.neweyWestLags(n: pair[0]) == pair[1], "n = \(pair[0])")
        }
        #expect(LinearModel.neweyWestLags(n: 0) == 0)
    }

    @Test("covariance is symmetric, matches the standard errors and is nil for aliased columns")
    func covarianceAccess() throws {
        let design = Matrix(columns: [[1, 1, 1, 1, 1, 1], [0, 1, 2, 3, 4, 5], [0, 2, 4, 6, 8, 10], [1, 0, 0, 1, 0, 1]])
        let model = try LinearModel.fit(y: [1, 3, 2, 5, 4, 6], design: design, covariance: .nonrobust)
        #expect(model.aliased == [2])
        #expect(model.k == 3)
        #expect(model.degreesOfFreedom == 3)
        #expect(model.covariance(0, 1) == model.covariance(1, 0))
        #expect(model.covariance(1, 2) == nil)
        #expect(model.covariance(0, 9) == nil)
        let se = try #require(model.standardErrors[1])
        #expect(abs(try #require(model.covariance(1, 1)) - se * se) <= 1e-15 * se * se)
        #expect(model.inference(for: 2) == nil)
        #expect(model.inference(for: -1) == nil)
        #expect(model.inference(for: 1, level: 1) == nil)
        let ninety = try #require(model.inference(for: 1, level: 0.90))
        let ninetyFive = try #require(model.inference(for: 1))
        #expect(ninety.high - ninety.low < ninetyFive.high - ninetyFive.low)
        #expect(model.residuals.count == 6)
        #expect(abs(model.residuals.reduce(0, +)) <= 1e-12)
    }

    @Test("a perfect fit gives zero standard errors and infinite t, never NaN")
    func perfectFit() throws {
        let design = Matrix(columns: [[1, 1, 1, 1], [0, 0, 1, 1]])
        let model = try LinearModel.fit(y: [2, 2, 5, 5], design: design, covariance: .hac(maxLags: 1))
        let inference = try #require(model.inference(for: 1))
        #expect(inference.standardError == 0)
        #expect(inference.t == .infinity)
        #expect(inference.p == 0)
        #expect(inference.low == 3 && inference.high == 3)
    }

    // MARK: - Errors

    @Test func rejectsMismatchedLengths() {
        let design = Matrix(columns: [[1, 1, 1], [0, 1, 2]])
        #expect(throws: NumericsError.dimensionMismatch(expected: 3, actual: 2)) {
            try LinearModel.fit(y: [1, 2], design: design, covariance: .nonrobust)
        }
        #expect(throws: NumericsError.dimensionMismatch(expected: 3, actual: 2)) {
            try LinearModel.fit(y: [1, 2, 4], design: design, covariance: .cluster(groups: [1, 2]))
        }
    }

    @Test func rejectsNonFiniteInput() {
        let design = Matrix(columns: [[1, 1, 1], [0, .nan, 2]])
        #expect(throws: NumericsError.nonFiniteInput) {
            try LinearModel.fit(y: [1, 2, 3], design: design, covariance: .nonrobust)
        }
        #expect(throws: NumericsError.nonFiniteInput) {
            try LinearModel.fit(y: [1, .infinity, 3], design: Matrix(columns: [[1, 1, 1]]), covariance: .nonrobust)
        }
    }

    @Test func rejectsTooManyParameters() {
        let design = Matrix(columns: [[1, 1, 1], [0, 1, 2], [0, 1, 5]])
        #expect(throws: NumericsError.tooManyParameters(parameters: 3, observations: 3)) {
            try LinearModel.fit(y: [1, 2, 4], design: design, covariance: .nonrobust)
        }
        #expect(throws: NumericsError.tooFewObservations(required: 1, actual: 0)) {
            try LinearModel.fit(y: [], design: Matrix(rows: 0, columns: 1), covariance: .nonrobust)
        }
    }

    @Test func rejectsBadCovarianceSettings() {
        let design = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3]])
        #expect(throws: NumericsError.negativeLagCount(-1)) {
            try LinearModel.fit(y: [1, 2, 4, 3], design: design, covariance: .hac(maxLags: -1))
        }
        #expect(throws: NumericsError.tooFewClusters(1)) {
            try LinearModel.fit(y: [1, 2, 4, 3], design: design, covariance: .cluster(groups: [7, 7, 7, 7]))
        }
    }

    @Test func reportsOverflowInsteadOfNaN() {
        let design = Matrix(columns: [[1, 1, 1, 1], [0, 1e300, 2e300, 3e300]])
        #expect(throws: NumericsError.overflow) {
            try LinearModel.fit(y: [1e300, -1e300, 1e300, -1e300], design: design, covariance: .hac(maxLags: 1))
        }
    }

    static func kind(_ covariance: NumericsFixtures.Covariance) -> CovarianceKind {
        switch covariance.kind {
        case "hac": return .hac(maxLags: covariance.maxLags ?? 0)
        case "cluster": return .cluster(groups: covariance.groups ?? [])
        default: return .nonrobust
        }
    }
}
