/// A qualitative feedback note from `feedback/<date>-<slug>.md`.
public struct FeedbackNote: Hashable, Sendable {
    /// Where the feedback came from.
    public enum Source: String, Hashable, Sendable, CaseIterable {
        case interview, survey, inProduct = "in-product", conversation, other
    }

    /// The overall tone of the note.
    public enum Sentiment: String, Hashable, Sendable, CaseIterable {
        case positive, mixed, negative
    }

    /// The slug from the file name.
    public var slug: String
    /// The day of the feedback.
    public var date: Day
    /// Where it came from.
    public var source: Source
    /// Who wrote it down.
    public var author: String?
    /// Its tone, when stated.
    public var sentiment: Sentiment?
    /// Free tags.
    public var tags: [String]
    /// The Markdown body.
    public var body: String
    /// The 1-based line of the file where the body starts.
    public var bodyLine: Int
    /// The file.
    public var path: String

    /// Creates a note.
    public init(slug: String, date: Day, source: Source, author: String?, sentiment: Sentiment?, tags: [String],
                body: String, bodyLine: Int, path: String) {
        self.slug = slug
        self.date = date
        self.source = source
        self.author = author
        self.sentiment = sentiment
        self.tags = tags
        self.body = body
        self.bodyLine = bodyLine
        self.path = path
    }
}
