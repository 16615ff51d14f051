/// Why a statistical computation could not produce finite, meaningful numbers.
public enum NumericsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sample or series has fewer observations than the method needs.
    case tooFewObservations(required: Int, actual: Int)
    /// The model has at least as many identified parameters as observations, leaving no residual degrees of freedom.
    case tooManyParameters(parameters: Int, observations: Int)
    /// Both samples of a Welch test are constant, so the difference has no standard error.
    case zeroVariance
    /// An input value is NaN or infinite.
    case nonFiniteInput
    /// Two inputs that must line up have different lengths.
    case dimensionMismatch(expected: Int, actual: Int)
    /// Cluster-robust inference needs at least two clusters.
    case tooFewClusters(Int)
    /// The number of Newey–West lags must not be negative.
    case negativeLagCount(Int)
    /// Intermediate results left the range of Double (inputs of extreme magnitude).
    case overflow

    /// A sentence describing the problem.
    public var description: String {
        switch self {
        case let .tooFewObservations(required, actual):
            return "needs at least \(required) observations, got \(actual)"
        case let .tooManyParameters(parameters, observations):
            return "\(parameters) parameters leave no degrees of freedom with \(observations) observations"
        case .zeroVariance:
            return "both samples are constant, so the difference has no standard error"
        case .nonFiniteInput:
            return "an input value is NaN or infinite"
        case let .dimensionMismatch(expected, actual):
            return "expected \(expected) values, got \(actual)"
        case let .tooFewClusters(count):
            return "cluster-robust inference needs at least 2 clusters, got \(count)"
        case let .negativeLagCount(lags):
            return "the number of lags must not be negative, got \(lags)"
        case .overflow:
            return "the computation overflowed; the inputs are too large in magnitude"
        }
    }
}
