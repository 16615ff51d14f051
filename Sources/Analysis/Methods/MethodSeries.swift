import Model

/// The monthly series an attribution method works on, cut at the report month, with its window.
///
/// Means over segments are plain arithmetic means summed in the listed order, as in the reference oracle.
struct MethodSeries: Sendable {
    /// The input the series come from.
    let input: AttributionInput
    /// The baseline, post-launch and transition months.
    let window: ModelWindow
    /// Outcome values by segment, months after the report month removed.
    let outcome: [String: [Month: Double]]
    /// Covariates sorted by metric id (byte order), months after the report month removed.
    let covariates: [(id: String, values: [Month: Double])]
    /// The segments whose mean is the outcome series (SPEC §4.2).
    let outcomeSegments: [String]
    /// Every segment the method reads.
    let neededSegments: [String]

    /// Prepares the series of `input`.
    init(_ input: AttributionInput) {
        self.input = input
        window = ModelWindow(input)
        let report = input.reportMonth
        outcome = input.outcome.mapValues { $0.filter { $0.key <= report } }
        covariates = input.covariates
            .map { (id: $0.id, values: $0.values.filter { $0.key <= report }) }
            .sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        switch input.method {
        case .controlledComparison:
            outcomeSegments = input.treatment
            neededSegments = input.treatment + input.control
        case .stagedRollout:
            outcomeSegments = input.waves.map(\.segment)
            neededSegments = outcomeSegments
        case .regression, .beforeAfter:
            outcomeSegments = input.treatment.isEmpty ? ["all"] : input.treatment
            neededSegments = outcomeSegments
        }
    }

    /// The mean of `segments` in `month`; nil when a segment has no value then (or `segments` is empty).
    func mean(of segments: [String], at month: Month) -> Double? {
        guard !segments.isEmpty else { return nil }
        var sum = 0.0
        for segment in segments {
            guard let value = outcome[segment]?[month] else { return nil }
            sum += value
        }
        return sum / Double(segments.count)
    }

    /// The outcome series in `month`, if every outcome segment has a value.
    func outcome(at month: Month) -> Double? {
        mean(of: outcomeSegments, at: month)
    }

    /// The outcome series over `months`; only for months the validation has checked.
    func outcome(over months: [Month]) -> [Double] {
        months.map { outcome(at: $0)! }
    }

    /// mean(`first`) − mean(`second`) over `months`; only for months the validation has checked.
    func difference(_ first: [String], minus second: [String], over months: [Month]) -> [Double] {
        months.map { mean(of: first, at: $0)! - mean(of: second, at: $0)! }
    }
}
