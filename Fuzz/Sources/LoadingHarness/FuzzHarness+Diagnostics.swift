import Model

extension FuzzHarness {
    /// Checks every diagnostic of one file: its own path, a code and message, and a position inside the file.
    ///
    /// Lines and columns are 1-based or 0 for "no position", so never negative; and a position
    /// past the end of the file (beyond its last line, or beyond its longest line) points at
    /// nothing the user can find.
    static func checkDiagnostics(_ diagnostics: [Diagnostic], path: String, extent: TextExtent) {
        for diagnostic in diagnostics {
            require(diagnostic.line >= 0 && diagnostic.column >= 0, "negative position: \(diagnostic)")
            require(diagnostic.path == path, "diagnostic for another file: \(diagnostic)")
            require(!diagnostic.code.isEmpty && !diagnostic.message.isEmpty, "diagnostic without code or message: \(diagnostic)")
            require(diagnostic.line <= extent.lines + 1,
                    "line past the end of a \(extent.lines)-line file: \(diagnostic)")
            require(diagnostic.column <= extent.longestLine + 2,
                    "column past the longest line (\(extent.longestLine)) of the file: \(diagnostic)")
        }
    }

    /// Checks that a loader which returned nothing said why.
    static func requireReported(_ log: DiagnosticLog, _ what: String) {
        require(log.errorCount > 0, "\(what) returned nil without logging an error")
    }
}
