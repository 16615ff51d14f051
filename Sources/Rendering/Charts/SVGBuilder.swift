import Foundation

/// Accumulates SVG markup; every piece of text goes through `HTML.escape`.
struct SVGBuilder {
    private(set) var markup = ""

    /// A number with at most 1 decimal, for coordinates.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : Format.fixed(rounded, decimals: 1)
    }

    /// Opens the root element with an accessible title and description.
    mutating func open(width: Int, height: Int, title: String, description: String, id: String) {
        markup += "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\">"
        markup += "<title id=\"\(id)-t\">\(HTML.escape(title))</title><desc id=\"\(id)-d\">\(HTML.escape(description))</desc>"
    }

    /// Closes the root element.
    mutating func close() { markup += "</svg>" }

    /// Raw markup built from numbers and fixed names only.
    mutating func raw(_ text: String) { markup += text }

    /// A line.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) {
        let c = Self.coordinate
        markup += "<line class=\"\(className)\" x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\"/>"
    }

    /// A rectangle.
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, className: String) {
        let c = Self.coordinate
        markup += "<rect class=\"\(className)\" x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(0, width)))\" height=\"\(c(max(0, height)))\"/>"
    }

    /// A polyline through points; runs broken by nil points become separate polylines.
    mutating func polyline(_ points: [(Double, Double)?], className: String) {
        var run: [(Double, Double)] = []
        func flush() {
            if run.count > 1 {
                markup += "<polyline class=\"\(className)\" points=\"" + run.map { Self.coordinate($0.0) + "," + Self.coordinate($0.1) }.joined(separator: " ") + "\"/>"
            } else if let point = run.first {
                circle(point.0, point.1, radius: 2, className: className + " dot")
            }
            run = []
        }
        for point in points {
            if let point { run.append(point) } else { flush() }
        }
        flush()
    }

    /// A circle.
    mutating func circle(_ x: Double, _ y: Double, radius: Double, className: String) {
        let c = Self.coordinate
        markup += "<circle class=\"\(className)\" cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(radius))\"/>"
    }

    /// Text, escaped.
    mutating func text(_ content: String, x: Double, y: Double, className: String, anchor: String = "start") {
        let c = Self.coordinate
        markup += "<text class=\"\(className)\" x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\">\(HTML.escape(content))</text>"
    }
}

/// A linear scale from data values to pixels.
struct LinearScale {
    let domain: (Double, Double)
    let range: (Double, Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return (range.0 + range.1) / 2 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }

    /// About `count` round tick values within the domain.
    func ticks(_ count: Int) -> [Double] {
        let span = domain.1 - domain.0
        guard span > 0 else { return [domain.0] }
        let raw = span / Double(count)
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? raw
        var value = ceil(domain.0 / step) * step
        var result: [Double] = []
        while value <= domain.1 + step * 1e-9 {
            result.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return result
    }

    /// A domain padded by 8 % on both sides, covering all values.
    static func paddedDomain(_ values: [Double]) -> (Double, Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 1) }
        let pad = high > low ? (high - low) * 0.08 : max(abs(high) * 0.1, 1)
        return (low - pad, high + pad)
    }
}
