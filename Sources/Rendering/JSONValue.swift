/// A JSON value with ordered keys and explicit nulls, serialised deterministically.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A number, or null when absent or not finite.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// A string, or null when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// Compact JSON text, with a trailing newline when `newline` is set.
    public func serialized(newline: Bool = true) -> String {
        String(decoding: serializedBytes(newline: newline), as: UTF8.self)
    }

    /// The same text as `serialized(newline:)`, as UTF-8 bytes (what a file gets, without a round trip through String).
    public func serializedBytes(newline: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        if newline { out.append(UInt8(ascii: "\n")) }
        return out
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value): out += Format.exact(value).utf8
        case .string(let value): Self.quote(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                Self.newline(after: index == 0 ? nil : UInt8(ascii: ","), indent: indent + 1, into: &out)
                item.write(to: &out, indent: indent + 1)
            }
            Self.newline(after: nil, indent: indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                Self.newline(after: index == 0 ? nil : UInt8(ascii: ","), indent: indent + 1, into: &out)
                Self.quote(key, into: &out)
                out += ": ".utf8
                value.write(to: &out, indent: indent + 1)
            }
            Self.newline(after: nil, indent: indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// An optional separator, a line break and two spaces per level.
    private static func newline(after separator: UInt8?, indent: Int, into out: inout [UInt8]) {
        if let separator { out.append(separator) }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// A JSON string literal. Works on UTF-8 bytes: every byte that needs an escape is ASCII, and the bytes of
    /// other characters are copied as they are, so runs without escapes are copied whole.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for (index, byte) in bytes.enumerated() {
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"  // keeps JSON safe to inline in HTML
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                out += escape.utf8
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }
}
