import Model

/// Reads context events: `content/events.yml` and a contract's `events`.
enum EventsLoader {
    /// The events of a YAML list of `{date, label}`.
    static func load(_ list: YAMLValue, portfolioWide: Bool) -> [ContextEvent] {
        guard let items = list.list() else { return [] }
        return items.compactMap { item in
            guard let map = item.mapping(known: ["date", "label"]),
                  let date = map.required("date")?.day(), let label = map.required("label")?.string()
            else { return nil }
            return ContextEvent(date: date, label: label, portfolioWide: portfolioWide)
        }
    }
}
