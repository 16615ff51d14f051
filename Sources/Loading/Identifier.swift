/// The rule for project ids, slugs, metric ids and segment names: `[a-z0-9][a-z0-9-]*`, at most 64 characters.
///
/// Metric ids may also contain `_` (the spec's own examples use `handle_time`); nothing derived
/// from an identifier may escape the output directory, which this rule guarantees.
enum Identifier {
    /// Whether `text` is a valid project id, slug or segment name.
    static func isValid(_ text: String, allowUnderscore: Bool = false) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), isLowerAlnum(bytes[0]) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") || (allowUnderscore && $0 == UInt8(ascii: "_")) }
    }

    /// The explanation shown with an invalid identifier.
    static func rule(allowUnderscore: Bool = false) -> String {
        allowUnderscore
            ? "lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters"
            : "lowercase letters, digits and '-', starting with a letter or digit, at most 64 characters"
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
