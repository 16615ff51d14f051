/// The whole content directory, loaded: settings, projects, portfolio-wide events and editions.
public struct Portfolio: Hashable, Sendable {
    /// `yardstick.yml`.
    public var settings: SiteSettings
    /// Projects, sorted by id.
    public var projects: [Project]
    /// `events.yml`.
    public var events: [ContextEvent]
    /// `editions.yml`, oldest first.
    public var editions: [Edition]

    /// Creates a portfolio.
    public init(settings: SiteSettings, projects: [Project], events: [ContextEvent], editions: [Edition]) {
        self.settings = settings
        self.projects = projects.sorted { $0.id < $1.id }
        self.events = events
        self.editions = editions
    }
}
