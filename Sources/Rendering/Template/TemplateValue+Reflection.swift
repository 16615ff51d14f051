extension TemplateValue {
    /// The value tree of a view model, built with one reflection pass.
    ///
    /// Structs and classes become objects of their stored properties, arrays and sets become lists, optionals
    /// are unwrapped (a `nil` leaves its field out), dictionaries with `String` keys become objects, and any
    /// other value (numbers, enums) becomes its text. Returns nil for `nil`.
    init?(reflecting value: Any) {
        switch value {
        case let text as String:
            self = .text(text)
        case let flag as Bool:
            self = .bool(flag)
        case let number as Int:
            self = .text(String(number))
        case let number as Double:
            self = .text(String(describing: number))
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                guard let wrapped = mirror.children.first.flatMap({ TemplateValue(reflecting: $0.value) }) else { return nil }
                self = wrapped
            case .collection, .set:
                self = .list(mirror.children.compactMap { TemplateValue(reflecting: $0.value) })
            case .struct, .class:
                var fields: [String: TemplateValue] = [:]
                for child in mirror.children {
                    if let label = child.label, let field = TemplateValue(reflecting: child.value) { fields[label] = field }
                }
                self = .object(fields)
            case .dictionary:
                guard let dictionary = value as? [String: Any] else {
                    self = .text(String(describing: value))
                    return
                }
                self = .object(dictionary.compactMapValues { TemplateValue(reflecting: $0) })
            default:
                self = .text(String(describing: value))
            }
        }
    }
}
