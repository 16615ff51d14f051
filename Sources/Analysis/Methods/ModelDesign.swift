import Model

/// The named columns of an OLS design over monthly rows, and the words that describe the model.
///
/// Column order follows the reference oracle: intercept, then whatever the method adds (post, wave dummies,
/// month-of-year dummies, covariates sorted by metric id).
struct ModelDesign: Sendable {
    /// How the coefficient standard errors are estimated.
    enum StandardErrors: Sendable {
        /// Newey–West HAC with L = floor(4 (n/100)^(2/9)) lags and the factor n/(n − k); t with n − k df.
        case neweyWest
        /// Clustered by calendar month, factor G/(G − 1)·(n − 1)/(n − k); t with G − 1 df.
        case clusteredByMonth
    }

    /// The calendar month of each row.
    let rowMonths: [Month]
    /// Column names, e.g. `intercept`, `post`, `month 3`, `calls`.
    private(set) var names: [String] = ["intercept"]
    /// Column values, one per row.
    private(set) var columns: [[Double]]
    /// The right-hand side in words, e.g. `a`, `b·post`, `11 month-of-year dummies`.
    private(set) var terms: [String] = ["a"]

    /// A design with an intercept over rows in the given months.
    init(rowMonths: [Month]) {
        self.rowMonths = rowMonths
        columns = [Array(repeating: 1, count: rowMonths.count)]
    }

    /// The number of rows.
    var n: Int { rowMonths.count }

    /// Adds one column, described as `term` (nil when it is part of a group described elsewhere).
    mutating func add(_ name: String, _ column: [Double], term: String?) {
        precondition(column.count == n, "a design column needs one value per row")
        names.append(name)
        columns.append(column)
        if let term { terms.append(term) }
    }

    /// Describes a group of columns added with `term: nil`, e.g. "2 wave dummies".
    mutating func appendTerm(_ term: String) {
        terms.append(term)
    }

    /// Adds `b·post`: 1 for the rows flagged, 0 for the others.
    mutating func addPost(_ flags: [Bool]) {
        add("post", flags.map { $0 ? 1 : 0 }, term: "b·post")
    }

    /// Adds month-of-year dummies when `seasonality` asks for them and there are at least 24 rows: one per calendar
    /// month present except that of the earliest row, in calendar order.
    mutating func addMonthDummies(_ seasonality: Attribution.Seasonality) {
        guard seasonality == .monthOfYear, n >= 24, let earliest = rowMonths.min() else { return }
        let present = Set(rowMonths.map(\.month)).sorted().filter { $0 != earliest.month }
        for calendarMonth in present {
            add("month \(calendarMonth)", rowMonths.map { $0.month == calendarMonth ? 1 : 0 }, term: nil)
        }
        if !present.isEmpty {
            let count = present.count == 1 ? "1 month-of-year dummy" : "\(present.count) month-of-year dummies"
            terms.append(count + " (reference \(Self.monthName(earliest.month)))")
        }
    }

    /// Fits `y` by OLS; `lhs` names the modelled series and `what` the model in error messages.
    func fit(_ y: [Double], lhs: String, errors: StandardErrors, what: String) throws(AnalysisProblem) -> FittedModel {
        guard columns.count < n else {
            throw AnalysisProblem(.tooManyParameters,
                                  "\(what) has \(columns.count) parameters for \(n) monthly observations")
        }
        let lags: Int
        let kind: CovarianceKind
        switch errors {
        case .neweyWest:
            lags = LinearModel.neweyWestLags(n: n)
            kind = .hac(maxLags: lags)
        case .clusteredByMonth:
            lags = 0
            kind = .cluster(groups: rowMonths.map(\.ordinal))
        }
        let model: LinearModel
        do {
            model = try LinearModel.fit(y: y, design: Matrix(columns: columns), covariance: kind)
        } catch {
            throw Self.problem(error, what: what)
        }
        return FittedModel(names: names, model: model, lags: lags,
                           description: describe(model, lhs: lhs, errors: errors, lags: lags))
    }

    // MARK: - Words

    private func describe(_ model: LinearModel, lhs: String, errors: StandardErrors, lags: Int) -> String {
        var text = "OLS of \(lhs) = " + terms.joined(separator: " + ") + " (n = \(model.n), k = \(model.k))"
        if !model.aliased.isEmpty {
            text += "; dropped as a combination of earlier columns: "
                + model.aliased.map { names[$0] }.joined(separator: ", ")
        }
        let df = Int(model.degreesOfFreedom)
        switch errors {
        case .neweyWest:
            text += "; Newey–West HAC, \(lags) \(lags == 1 ? "lag" : "lags"), small-sample factor n/(n−k)"
                + "; Student t with \(df) degrees of freedom"
        case .clusteredByMonth:
            text += "; standard errors clustered by calendar month (G = \(df + 1)), factor G/(G−1)·(n−1)/(n−k)"
                + "; Student t with G − 1 = \(df) degrees of freedom"
        }
        return text
    }

    private static func problem(_ error: any Error, what: String) -> AnalysisProblem {
        switch error as? NumericsError {
        case let .tooManyParameters(parameters, observations):
            return AnalysisProblem(.tooManyParameters,
                                   "\(what) has \(parameters) parameters for \(observations) monthly observations")
        case .nonFiniteInput:
            return AnalysisProblem(.nonFiniteValue, "\(what) has a value that is not a finite number")
        case let .tooFewClusters(count):
            return AnalysisProblem(.tooFewMonths, "\(what) spans \(count) calendar month; at least 2 are needed")
        default:
            return AnalysisProblem(.numerics, "\(what) could not be fitted: \(error)")
        }
    }

    static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"][month - 1]
    }
}
