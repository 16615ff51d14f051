extension TemplateValue {
    /// The value tree of a view model: built by the value itself when it is `TemplateRepresentable` (as
    /// `String(reflecting:)` defers to `CustomDebugStringConvertible`), otherwise by the `Mirror` walk of
    /// `init(mirroring:)`, in which any part that is `TemplateRepresentable` builds itself. Returns nil for `nil`.
    init?(reflecting value: Any) {
        self.init(value, conformances: true)
    }

    /// The value tree of a view model, built with one `Mirror` pass and nothing else: the tree every
    /// `TemplateRepresentable` conformance must match.
    ///
    /// Structs and classes become objects of their stored properties, arrays and sets become lists, optionals
    /// are unwrapped (a `nil` leaves its field out), dictionaries with `String` keys become objects, and any
    /// other value (numbers, enums) becomes its text. Returns nil for `nil`.
    init?(mirroring value: Any) {
        self.init(value, conformances: false)
    }

    private init?(_ value: Any, conformances: Bool) {
        switch value {
        case let text as String:
            self = .text(text)
        case let flag as Bool:
            self = .bool(flag)
        case let number as Int:
            self = .text(String(number))
        case let number as Double:
            self = .text(String(describing: number))
        case let representable as TemplateRepresentable where conformances:
            self = representable.templateValue
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                guard let wrapped = mirror.children.first.flatMap({ TemplateValue($0.value, conformances: conformances) }) else {
                    return nil
                }
                self = wrapped
            case .collection, .set:
                self = .list(mirror.children.compactMap { TemplateValue($0.value, conformances: conformances) })
            case .struct, .class:
                var fields: [String: TemplateValue] = [:]
                for child in mirror.children {
                    if let label = child.label, let field = TemplateValue(child.value, conformances: conformances) {
                        fields[label] = field
                    }
                }
                self = .object(fields)
            case .dictionary:
                guard let dictionary = value as? [String: Any] else {
                    self = .text(String(describing: value))
                    return
                }
                self = .object(dictionary.compactMapValues { TemplateValue($0, conformances: conformances) })
            default:
                self = .text(String(describing: value))
            }
        }
    }
}
