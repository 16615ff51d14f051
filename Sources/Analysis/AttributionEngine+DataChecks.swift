import Model

// The data checks that stop an estimate, in the reference oracle's order: no comparison group (outside the
// oracle), no baseline data, a missing month, a non-finite value and a too-short baseline (outside the oracle),
// then constant series (here and in the methods) and too many parameters (when a model is fitted).
extension AttributionEngine {
    /// Checks that every series the method needs is there, finite, and long enough.
    static func checkData(_ series: MethodSeries) throws(AnalysisProblem) {
        let input = series.input
        let window = series.window
        switch input.method {
        case .controlledComparison where input.treatment.isEmpty || input.control.isEmpty:
            throw AnalysisProblem(.noComparisonGroup,
                                  "a controlled comparison needs at least one treatment and one control segment")
        case .stagedRollout where input.waves.count < 2:
            throw AnalysisProblem(.noComparisonGroup, "a staged rollout needs at least two waves")
        default:
            break
        }

        let hasBaselineData = series.neededSegments.contains { segment in
            window.baseline.contains { series.outcome[segment]?[$0] != nil }
        }
        guard hasBaselineData else {
            throw AnalysisProblem(.noBaselineData, "no value for the baseline months "
                                  + "\(input.baselineFrom)–\(input.baselineTo)")
        }

        for segment in series.neededSegments {
            let values = series.outcome[segment] ?? [:]
            if let month = window.rows.first(where: { values[$0] == nil }) {
                throw AnalysisProblem(.missingMonth, "segment \(segment) has no value for \(month)")
            }
        }
        if input.method == .regression {
            for covariate in series.covariates {
                if let month = window.rows.first(where: { covariate.values[$0] == nil }) {
                    throw AnalysisProblem(.missingMonth, "covariate \(covariate.id) has no value for \(month)")
                }
            }
        }

        // Any month up to the report month may be read (before-after uses y(t−12) from before the baseline).
        for segment in series.neededSegments {
            if let bad = series.outcome[segment]?.filter({ !$0.value.isFinite }).keys.min() {
                throw AnalysisProblem(.nonFiniteValue, "segment \(segment) has no finite value for \(bad)")
            }
        }
        if input.method == .regression {
            for covariate in series.covariates {
                if let bad = covariate.values.filter({ !$0.value.isFinite }).keys.min() {
                    throw AnalysisProblem(.nonFiniteValue, "covariate \(covariate.id) has no finite value for \(bad)")
                }
            }
        }

        guard window.baseline.count >= minimumBaselineMonths else {
            throw AnalysisProblem(.tooFewMonths, "the baseline has \(window.baseline.count) "
                                  + "\(window.baseline.count == 1 ? "month" : "months"); "
                                  + "at least \(minimumBaselineMonths) are needed")
        }
    }

    /// Throws `constant-outcome` when `values` take a single value (exact equality, as in the oracle).
    static func checkConstant(_ values: [Double], _ what: String) throws(AnalysisProblem) {
        guard let first = values.first, values.allSatisfy({ $0 == first }) else { return }
        throw AnalysisProblem(.constantOutcome, "\(what) has the single value \(first) over the model months, "
                              + "so there is no variation to estimate an effect from")
    }
}
