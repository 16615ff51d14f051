import Model

/// Reads `yardstick.yml`.
enum SettingsLoader {
    static let keys = ["title", "organisation", "base_url", "currency", "fiscal_year_start", "as_of"]

    /// The settings, or nil (logged) when required fields are missing or wrong.
    static func load(_ root: YAMLValue) -> SiteSettings? {
        // Counted before the mapping: a key that is not text is an error the mapping logs and skips.
        let errors = root.log.errorCount
        guard let map = root.mapping(known: keys) else { return nil }
        let title = map.required("title")?.string()
        let organisation = map["organisation"]?.string() ?? title
        var baseURL = map["base_url"]?.string() ?? "/"
        if !baseURL.hasPrefix("/") { baseURL = "/" + baseURL }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let currency = map["currency"]?.string() ?? "USD"
        let fiscal = map["fiscal_year_start"]?.integer(in: 1...12) ?? 1
        let asOf = map["as_of"]?.month()
        guard root.log.errorCount == errors, let title, let organisation else { return nil }
        return SiteSettings(title: title, organisation: organisation, baseURL: baseURL, currency: currency,
                            fiscalYearStart: fiscal, asOf: asOf)
    }
}
