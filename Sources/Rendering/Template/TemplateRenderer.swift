/// Renders parsed templates against a value tree into one UTF-8 buffer.
///
/// Names are looked up from the innermost section's value outwards, as the Mustache spec says; a dotted name
/// finds its first part that way and the rest inside it.
struct TemplateRenderer {
    /// Every template by name, for `{{>name}}`; a missing partial renders as nothing.
    let partials: [String: Template]
    /// The rendered page so far.
    var output: [UInt8] = []
    /// The values of the enclosing sections, innermost last.
    private var stack: [TemplateValue]

    /// Starts a page whose outermost value is `root`.
    init(partials: [String: Template], root: TemplateValue) {
        self.partials = partials
        self.stack = [root]
        output.reserveCapacity(1 << 15)
    }

    /// Renders `nodes`, putting `indentation` before each of their lines (a standalone partial's indentation).
    mutating func render(_ nodes: [TemplateNode], indentation: [UInt8] = []) {
        for node in nodes {
            switch node {
            case .text(let text):
                if indentation.isEmpty {
                    output.append(contentsOf: text)
                } else {
                    appendIndented(text, indentation)
                }
            case .variable(let name, let escaped):
                let text: String
                switch lookUp(name) {
                case .text(let value)?: text = value
                case .bool(let flag)?: text = flag ? "true" : "false"
                case .list?, .object?, nil: continue
                }
                if !indentation.isEmpty, !text.isEmpty, isAtLineStart { output.append(contentsOf: indentation) }
                if escaped {
                    appendEscaped(text)
                } else {
                    output.append(contentsOf: text.utf8)
                }
            case .section(let name, let inner, let inverted):
                let value = lookUp(name)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(inner, indentation: indentation) }
                    continue
                }
                switch value {
                case .bool(true)?:
                    render(inner, indentation: indentation)
                case .list(let items)?:
                    for item in items { render(inner, within: item, indentation: indentation) }
                case .text?, .object?:
                    render(inner, within: value!, indentation: indentation)
                case .bool(false)?, nil:
                    break
                }
            case .partial(let name, let extra):
                guard let partial = partials[name] else { continue }
                render(partial.nodes, indentation: extra.isEmpty ? indentation : indentation + extra)
            }
        }
    }

    private mutating func render(_ nodes: [TemplateNode], within value: TemplateValue, indentation: [UInt8]) {
        stack.append(value)
        render(nodes, indentation: indentation)
        stack.removeLast()
    }

    // MARK: - Names

    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var value: TemplateValue?
        if name.currentOnly {
            value = stack.last.flatMap { Self.field(first, of: $0) }
        } else {
            for context in stack.reversed() {
                if let found = Self.field(first, of: context) {
                    value = found
                    break
                }
            }
        }
        for part in name.parts.dropFirst() {
            guard let current = value else { return nil }
            value = Self.field(part, of: current)
        }
        return value
    }

    private static func field(_ name: String, of value: TemplateValue) -> TemplateValue? {
        guard case .object(let fields) = value else { return nil }
        return fields[name]
    }

    // MARK: - Indentation

    private var isAtLineStart: Bool {
        output.last.map { $0 == UInt8(ascii: "\n") } ?? true
    }

    /// Appends template text with `indentation` at the start of each of its lines.
    private mutating func appendIndented(_ text: [UInt8], _ indentation: [UInt8]) {
        var start = 0
        for index in text.indices where text[index] == UInt8(ascii: "\n") || index == text.count - 1 {
            if isAtLineStart { output.append(contentsOf: indentation) }
            output.append(contentsOf: text[start...index])
            start = index + 1
        }
    }
}
