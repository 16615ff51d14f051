import Model

/// Reads `editions.yml`, the record that `yardstick publish` appends to.
enum EditionsLoader {
    static let keys = ["month", "version", "cutoff", "generator", "inputs"]

    /// The editions, in file order; versions must run 1, 2, … within each month.
    static func load(_ root: YAMLValue) -> [Edition] {
        guard let items = root.list() else { return [] }
        let editions: [Edition] = items.compactMap { item in
            guard let map = item.mapping(known: keys),
                  let month = map.required("month")?.month(),
                  let version = map.required("version")?.integer(in: 1...9999),
                  let cutoff = map.required("cutoff")?.day()
            else { return nil }
            let generator = map["generator"]?.string() ?? ""
            var inputs: [String: String] = [:]
            for entry in map["inputs"]?.mapping()?.entries ?? [] {
                if let hash = entry.value.string() { inputs[entry.key] = hash }
            }
            return Edition(month: month, version: version, cutoff: cutoff, generator: generator, inputs: inputs, location: item.location)
        }
        var expected: [Month: Int] = [:]
        for edition in editions {
            let next = (expected[edition.month] ?? 0) + 1
            if edition.version != next {
                root.log.error("edition-order", "edition \(edition.month) v\(edition.version) should be v\(next): versions of a month run 1, 2, … in order; editions.yml is written by 'yardstick publish'",
                               at: edition.location)
            }
            expected[edition.month] = max(next, edition.version)
        }
        return editions
    }
}
