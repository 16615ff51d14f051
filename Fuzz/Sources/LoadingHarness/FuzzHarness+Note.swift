import Model

extension FuzzHarness {
    /// Loads the bytes as a feedback note and as a decision, with file names that are valid, and checks both.
    ///
    /// Checked: diagnostics point inside the file (front matter lines shifted by the opening `---`
    /// included); nothing returned means an error was logged and something returned means none was;
    /// an accepted note or decision has the file name's slug, a body that is the end of the file
    /// from `bodyLine` on, and non-blank tags.
    public static func note(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        let input = bytes(data, size)
        let extent = TextExtent(input)

        let notePath = "content/projects/demo/feedback/2025-04-10-first-month.md"
        let noteLog = DiagnosticLog()
        if let note = NoteLoader.loadNote(input, fileName: "2025-04-10-first-month.md", path: notePath, log: noteLog) {
            require(noteLog.errorCount == 0, "loadNote returned a note and logged errors: \(noteLog.items)")
            require(note.slug == "first-month" && note.path == notePath, "note slug \(note.slug), path \(note.path)")
            require(note.tags.allSatisfy { !$0.allSatisfy(\.isWhitespace) }, "blank tag in \(note.tags)")
            require(note.author.map { !$0.allSatisfy(\.isWhitespace) } ?? true, "blank author")
            checkBody(note.body, line: note.bodyLine, of: input)
        } else {
            requireReported(noteLog, "loadNote")
        }
        checkDiagnostics(noteLog.items, path: notePath, extent: extent)

        let decisionPath = "content/projects/demo/decisions/2025-07-08-2025-q2-review.md"
        let decisionLog = DiagnosticLog()
        if let decision = NoteLoader.loadDecision(input, fileName: "2025-07-08-2025-q2-review.md", path: decisionPath, log: decisionLog) {
            require(decisionLog.errorCount == 0, "loadDecision returned a decision and logged errors: \(decisionLog.items)")
            require(decision.slug == "2025-q2-review", "decision slug \(decision.slug)")
            require((1...4).contains(decision.review.quarter), "review quarter \(decision.review)")
            require(Day(decision.date.description) == decision.date, "decision date \(decision.date) does not print as itself")
        } else {
            requireReported(decisionLog, "loadDecision")
        }
        checkDiagnostics(decisionLog.items, path: decisionPath, extent: extent)
    }

    /// The body is the decoded file from line `line` on, and that line follows a closing `---`.
    private static func checkBody(_ body: String, line: Int, of input: [UInt8]) {
        require(line >= 3, "body line \(line): front matter takes at least two lines")
        guard let text = TextFile.decode(input, path: "", log: DiagnosticLog()) else { return }
        let lines = Array(text.unicodeScalars).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        require(line - 1 <= lines.count, "body line \(line) is past the end of a \(lines.count)-line file")
        require(body == lines[(line - 1)...].joined(separator: "\n"), "the body is not the file from line \(line) on")
    }
}
