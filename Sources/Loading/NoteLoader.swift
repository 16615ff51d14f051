import Model

/// Reads feedback notes and decisions: Markdown files named `<YYYY-MM-DD>-<slug>.md` with front matter.
enum NoteLoader {
    static let noteKeys = ["date", "source", "author", "sentiment", "tags"]
    static let decisionKeys = ["date", "review", "decision"]

    /// The day and slug of a file name, or nil (logged).
    static func parseName(_ fileName: String, path: String, log: DiagnosticLog) -> (Day, String)? {
        guard fileName.hasSuffix(".md") else { return nil }
        let stem = String(fileName.dropLast(3))
        guard stem.count > 11, let day = Day(stem.prefix(10)), stem.dropFirst(10).first == "-",
              Identifier.isValid(String(stem.dropFirst(11)))
        else {
            log.error("bad-file-name", "name a note or decision '<YYYY-MM-DD>-<slug>.md' with a real date and a slug of \(Identifier.rule())",
                      at: SourceLocation(path: path))
            return nil
        }
        return (day, String(stem.dropFirst(11)))
    }

    /// The front matter of a note or decision, parsed, with the file-name date checked against it.
    private static func open(_ bytes: [UInt8], fileName: String, path: String, known: [String], log: DiagnosticLog)
        -> (slug: String, date: Day, fields: YAMLMapping, front: FrontMatter)?
    {
        guard let (nameDay, slug) = parseName(fileName, path: path, log: log),
              let text = TextFile.decode(bytes, path: path, log: log),
              let front = FrontMatter.split(text, path: path, log: log),
              let root = YAMLValue.parse(front.yaml, path: path, lineOffset: 1, log: log),
              let fields = root.mapping(known: known),
              let dateValue = fields.required("date"), let date = dateValue.day()
        else { return nil }
        if date != nameDay {
            log.warning("date-mismatch", "the file name says \(nameDay) but 'date' says \(date); the front matter's date is used",
                        at: dateValue.location)
        }
        return (slug, date, fields, front)
    }

    /// A feedback note, or nil (logged).
    static func loadNote(_ bytes: [UInt8], fileName: String, path: String, log: DiagnosticLog) -> FeedbackNote? {
        let errors = log.errorCount
        guard let (slug, date, fields, front) = open(bytes, fileName: fileName, path: path, known: noteKeys, log: log) else { return nil }
        let source = fields.required("source")?.oneOf(FeedbackNote.Source.self)
        let author = fields["author"]?.string()
        let sentiment = fields["sentiment"]?.oneOf(FeedbackNote.Sentiment.self)
        let tags = fields["tags"]?.stringList() ?? []
        guard log.errorCount == errors, let source else { return nil }
        return FeedbackNote(slug: slug, date: date, source: source, author: author, sentiment: sentiment, tags: tags,
                            body: front.body, bodyLine: front.bodyLine, path: path)
    }

    /// A decision, or nil (logged).
    static func loadDecision(_ bytes: [UInt8], fileName: String, path: String, log: DiagnosticLog) -> Decision? {
        let errors = log.errorCount
        guard let (slug, date, fields, front) = open(bytes, fileName: fileName, path: path, known: decisionKeys, log: log) else { return nil }
        let review = fields.required("review")?.quarter()
        let move = fields.required("decision")?.oneOf(Decision.Move.self)
        guard log.errorCount == errors, let review, let move else { return nil }
        return Decision(slug: slug, date: date, review: review, decision: move, body: front.body, path: path)
    }
}
