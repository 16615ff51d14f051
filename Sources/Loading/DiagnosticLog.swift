import Model

/// Collects the diagnostics of one load, so every problem is reported at once rather than the first.
final class DiagnosticLog {
    private(set) var items: [Diagnostic] = []

    /// Records an error.
    func error(_ code: String, _ message: String, at location: SourceLocation) {
        items.append(.error(code, message, at: location))
    }

    /// Records a warning.
    func warning(_ code: String, _ message: String, at location: SourceLocation) {
        items.append(.warning(code, message, at: location))
    }

    /// Records diagnostics made elsewhere.
    func append(contentsOf diagnostics: [Diagnostic]) {
        items.append(contentsOf: diagnostics)
    }

    /// The number of errors so far; loaders compare counts to tell whether their own part failed.
    var errorCount: Int { items.lazy.filter { $0.severity == .error }.count }
}
