import Foundation
import Testing

/// The reference numbers written by `scripts/oracle/numerics_reference.py` (scipy and statsmodels), decoded.
enum NumericsFixtures {
    /// One row of the Student-t probability grid.
    struct StudentTProbability: Decodable, Sendable {
        let df: Double
        let x: Double
        let cdf: Double
        let sf: Double
        let twoSided: Double
    }

    /// One row of the Student-t quantile grid.
    struct StudentTQuantile: Decodable, Sendable {
        let df: Double
        let p: Double
        let t: Double
    }

    struct StudentTFile: Decodable, Sendable {
        let cdf: [StudentTProbability]
        let quantile: [StudentTQuantile]
    }

    /// One row of the normal probability grid.
    struct NormalProbability: Decodable, Sendable {
        let x: Double
        let cdf: Double
        let sf: Double
    }

    /// One row of the normal quantile grid.
    struct NormalQuantile: Decodable, Sendable {
        let p: Double
        let x: Double
    }

    struct NormalFile: Decodable, Sendable {
        let cdf: [NormalProbability]
        let quantile: [NormalQuantile]
    }

    /// The covariance estimator of a regression case, as the script writes it.
    struct Covariance: Decodable, Sendable {
        let kind: String
        let maxLags: Int?
        let groups: [Int]?
    }

    /// One statsmodels OLS fit; per-column arrays hold null for aliased columns.
    struct RegressionCase: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let n: Int
        let k: Int
        let columns: [[Double]]
        let y: [Double]
        let covariance: Covariance
        let aliased: [Int]
        let df: Double
        let params: [Double?]
        let bse: [Double?]
        let tvalues: [Double?]
        let pvalues: [Double?]
        let confLow: [Double?]
        let confHigh: [Double?]

        var testDescription: String { name }
    }

    struct RegressionFile: Decodable, Sendable {
        let cases: [RegressionCase]
        let neweyWestLags: [[Int]]
    }

    /// One scipy `ttest_ind(a, b, equal_var=False)` result with its 95 % interval.
    struct WelchCase: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let a: [Double]
        let b: [Double]
        let estimate: Double
        let t: Double
        let p: Double
        let df: Double
        let low: Double
        let high: Double

        var testDescription: String { name }
    }

    struct WelchFile: Decodable, Sendable {
        let cases: [WelchCase]
    }

    // MARK: - Loading

    static func load<Value: Decodable>(_ name: String, as type: Value.Type) throws -> Value {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let url = fixtures.appendingPathComponent("numerics").appendingPathComponent(name)
        return try JSONDecoder().decode(Value.self, from: Data(contentsOf: url))
    }

    // Loaded once; an empty value here makes the `…FixtureLoads` tests fail rather than crash discovery.
    static let studentT = (try? load("student_t.json", as: StudentTFile.self)) ?? StudentTFile(cdf: [], quantile: [])
    static let normal = (try? load("normal.json", as: NormalFile.self)) ?? NormalFile(cdf: [], quantile: [])
    static let regression = (try? load("regression.json", as: RegressionFile.self))
        ?? RegressionFile(cases: [], neweyWestLags: [])
    static let welch = (try? load("welch.json", as: WelchFile.self)) ?? WelchFile(cases: [])

    /// The distinct degrees of freedom of the Student-t grid, for parameterized tests.
    static let studentTDegrees = Array(Set(studentT.cdf.map(\.df))).sorted()

    // MARK: - Comparison

    /// |actual − expected| / |expected|, or the absolute difference when expected is zero.
    static func relativeError(_ actual: Double, _ expected: Double) -> Double {
        if actual == expected { return 0 }
        let difference = abs(actual - expected)
        return expected == 0 ? difference : difference / abs(expected)
    }
}
