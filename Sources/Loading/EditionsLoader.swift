import Model

/// Reads `editions.yml`, the record that `yardstick publish` appends to.
enum EditionsLoader {
    static let keys = ["month", "version", "cutoff", "generator", "inputs"]

    /// The editions, in file order.
    static func load(_ root: YAMLValue) -> [Edition] {
        guard let items = root.list() else { return [] }
        return items.compactMap { item in
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
            return Edition(month: month, version: version, cutoff: cutoff, generator: generator, inputs: inputs)
        }
    }
}
