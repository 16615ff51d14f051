/// The named steps of a build, logged as `[2/5] Analysing` and stamped on any error.
public enum BuildStep: Int, CaseIterable, Sendable {
    case loading = 1, analysing, rendering, writing

    /// The step's name in the log.
    public var name: String {
        switch self {
        case .loading: return "Loading content"
        case .analysing: return "Analysing"
        case .rendering: return "Rendering pages"
        case .writing: return "Writing the site"
        }
    }

    /// `[n/total] name`.
    public var label: String { "[\(rawValue)/\(Self.allCases.count)] \(name)" }
}
