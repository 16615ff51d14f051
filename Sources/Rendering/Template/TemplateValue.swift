/// A value as a template sees it: text, a yes/no flag, a list, or an object with named fields.
///
/// A name that is absent (a `nil` in the view model) is simply missing from its object, which sections
/// treat as false and variables render as nothing.
enum TemplateValue: Sendable, Equatable {
    /// Text, and every other single value in its printed form (numbers print as `String(describing:)` does).
    case text(String)
    /// `{{#name}}` renders when true, `{{^name}}` when false.
    case bool(Bool)
    /// A section renders once per element, with the element as the current value.
    case list([TemplateValue])
    /// Fields by name.
    case object([String: TemplateValue])

    /// False for `false` and the empty list; every text (even an empty one) and every object is true.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .text, .object: true
        }
    }
}
