/// A data problem that stops the effect estimate, with a stable code and a sentence for the page.
///
/// The codes of the reference oracle (scripts/oracle/methods_reference.py) are `no-baseline-data`, `missing-month`,
/// `constant-outcome` and `too-many-parameters`; the others cover inputs the oracle leaves out.
public struct AnalysisProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of problem, each with a stable code used in report.json and check output.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The method has no treatment, control or second wave to compare with.
        case noComparisonGroup = "no-comparison-group"
        /// No series the method needs has a value for any baseline month.
        case noBaselineData = "no-baseline-data"
        /// A needed segment or covariate has no value for a baseline or post-launch month.
        case missingMonth = "missing-month"
        /// A value is NaN or infinite.
        case nonFiniteValue = "non-finite-value"
        /// The baseline is too short to estimate a trend and its standard error.
        case tooFewMonths = "too-few-months"
        /// The outcome (or the modelled difference) takes a single value, so nothing varies to estimate from.
        case constantOutcome = "constant-outcome"
        /// A model has at least as many parameters as monthly observations.
        case tooManyParameters = "too-many-parameters"
        /// The numbers left the range a computation can handle (values of extreme magnitude).
        case numerics
    }

    /// The stable code.
    public var code: Code
    /// What went wrong, in words, e.g. "segment pilot-floor has no value for 2025-09".
    public var message: String

    /// Creates a problem.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `<code>: <message>`, the form of the oracle's error strings.
    public var description: String { code.rawValue + ": " + message }
}
