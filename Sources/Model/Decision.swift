/// A decision taken at a review, from `decisions/<date>-<slug>.md`.
public struct Decision: Hashable, Sendable {
    /// What was decided.
    public enum Move: String, Hashable, Sendable, CaseIterable {
        case expand, `continue`, adjust, windDown = "wind-down"

        /// The move in words, e.g. "wind down".
        public var words: String { rawValue.split(separator: "-").joined(separator: " ") }
    }

    /// The slug from the file name.
    public var slug: String
    /// The day the decision was taken.
    public var date: Day
    /// The review it closes.
    public var review: Quarter
    /// What was decided.
    public var decision: Move
    /// The rationale, in Markdown.
    public var body: String
    /// The file.
    public var path: String

    /// Creates a decision.
    public init(slug: String, date: Day, review: Quarter, decision: Move, body: String, path: String) {
        self.slug = slug
        self.date = date
        self.review = review
        self.decision = decision
        self.body = body
        self.path = path
    }
}
