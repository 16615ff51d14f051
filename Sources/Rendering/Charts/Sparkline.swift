/// A small line for tables and the one-pager's panels.
enum Sparkline {
    /// The values as an 80×18 inline SVG; empty with fewer than 2 values.
    static func svg(_ values: [Double], label: String) -> SafeHTML {
        guard values.count >= 2, let low = values.min(), let high = values.max() else { return SafeHTML(trusted: "") }
        let x = LinearScale(domain: (0, Double(values.count - 1)), range: (1, 79))
        let y = LinearScale(domain: high > low ? (low, high) : (low - 1, high + 1), range: (17, 1))
        var svg = ""
        svg += "<svg class=\"spark\" viewBox=\"0 0 80 18\" role=\"img\" aria-label=\"\(HTML.escape(label)): last \(values.count) months\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<polyline points=\"" + values.enumerated().map { SVGBuilder.coordinate(x(Double($0.offset))) + "," + SVGBuilder.coordinate(y($0.element)) }.joined(separator: " ") + "\"/>"
        svg += "</svg>"
        return SafeHTML(trusted: svg)
    }
}
