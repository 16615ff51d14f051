/// Turns a view model into nested dictionaries once, so that template lookups are hash lookups.
///
/// swift-mustache finds a struct's field with a linear `Mirror` search on every `{{name}}`; for a page with
/// hundreds of lookups that search was half of a build's time. One reflection pass per page avoids it.
enum MustacheContext {
    /// The value as Mustache should see it: structs become `[String: Any]`, arrays keep their order,
    /// optionals are unwrapped (nil leaves the key out, which Mustache treats as false).
    static func convert(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let converted = convert(child.value) { fields[label] = converted }
            }
            return fields
        default:
            return value
        }
    }
}
