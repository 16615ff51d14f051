/// The site-wide settings of `content/yardstick.yml`.
public struct SiteSettings: Hashable, Sendable {
    /// The site title, e.g. "AI results — Northwind Retail".
    public var title: String
    /// The organisation the site reports for.
    public var organisation: String
    /// The prefix of absolute links on the web server, always starting and ending with `/`.
    public var baseURL: String
    /// The ISO currency code money is shown in.
    public var currency: String
    /// The month number (1–12) the fiscal year starts in.
    public var fiscalYearStart: Int
    /// The last month to report, when set; otherwise the last complete month with outcome data.
    public var asOf: Month?

    /// Creates settings.
    public init(title: String, organisation: String, baseURL: String = "/", currency: String = "USD",
                fiscalYearStart: Int = 1, asOf: Month? = nil) {
        self.title = title
        self.organisation = organisation
        self.baseURL = baseURL
        self.currency = currency
        self.fiscalYearStart = fiscalYearStart
        self.asOf = asOf
    }
}
