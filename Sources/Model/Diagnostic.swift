/// A problem found in the content, reported to the user as `path:line:column: severity: message`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a problem is: errors stop the build, warnings do not.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning
    }

    /// The file, relative to the working directory as the user named it.
    public var path: String
    /// 1-based line; 0 when no line applies.
    public var line: Int
    /// 1-based column; 0 when no column applies.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// A stable code for warnings of SPEC §4.7 and for classes of error, e.g. `unknown-metric`.
    public var code: String
    /// What is wrong and, where it helps, how to fix it.
    public var message: String

    /// Creates a diagnostic.
    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity, code: String, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
    }

    /// Creates an error at a location.
    public static func error(_ code: String, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column,
                   severity: .error, code: code, message: message)
    }

    /// Creates a warning at a location.
    public static func warning(_ code: String, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column,
                   severity: .warning, code: code, message: message)
    }

    /// The compiler-style line: `path:line:column: error: message [code]`.
    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message) [\(code)]"
    }
}

/// Where something came from in the content directory.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The file path as shown to the user.
    public var path: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by path, line, column, then message, so output is stable.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
    }
}
