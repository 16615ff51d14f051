/// A view model that builds its own template value, field by field, so rendering it needs no reflection.
///
/// A conformance must produce exactly the tree `TemplateValue(mirroring:)` builds from the same value: one key per
/// stored property, named as the property; a `nil` optional leaves its key out; arrays become lists; `String` becomes
/// text and `Bool` a flag. `TemplateRepresentableTests` checks that for real views, so a field added to a view and
/// forgotten in its conformance fails a test instead of vanishing from the page.
protocol TemplateRepresentable {
    /// The value as templates see it.
    var templateValue: TemplateValue { get }
}

extension TemplateValue {
    /// The list of each element's template value, as reflection turns an array of view rows into a list.
    static func list(of items: [some TemplateRepresentable]) -> TemplateValue {
        .list(items.map(\.templateValue))
    }
}
