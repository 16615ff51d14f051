/// A chart and the data behind it, downloadable as CSV beside the page.
public struct ChartData: Sendable {
    /// A short name used for the CSV file and element ids, e.g. `outcome`.
    public var name: String
    /// The heading shown above the chart.
    public var heading: String
    /// The inline SVG.
    public var svg: SafeHTML
    /// The CSV text (header + rows).
    public var csv: String

    /// Builds CSV text from a header and rows, quoting fields per RFC 4180 where needed.
    static func csv(header: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A number for CSV: full precision, empty when absent.
    static func value(_ number: Double?) -> String {
        number.map(Format.exact) ?? ""
    }
}
