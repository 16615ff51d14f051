/// Something outside the project that moves the numbers too, marked on charts and named in summaries.
public struct ContextEvent: Hashable, Sendable {
    /// The day it happened.
    public var date: Day
    /// A short label, e.g. "Price change shifted call mix".
    public var label: String
    /// Whether it comes from `content/events.yml` (all projects) rather than one contract.
    public var portfolioWide: Bool

    /// Creates an event.
    public init(date: Day, label: String, portfolioWide: Bool) {
        self.date = date
        self.label = label
        self.portfolioWide = portfolioWide
    }
}
