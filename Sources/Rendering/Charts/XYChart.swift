import Foundation

/// A general line chart drawn as inline SVG: series, bands, reference lines, markers and interval bars.
///
/// Direct labels at the line ends replace legends; the accent colour marks the AI-using series, grey the rest.
struct XYChart {
    /// One line.
    struct Series {
        var label: String
        var className: String
        var points: [(x: Double, y: Double)]
    }

    /// A horizontal reference line.
    struct Rule {
        var y: Double
        var label: String
        var className: String
    }

    /// A vertical marker (launch, event).
    struct Marker {
        var x: Double
        var label: String
        var className: String
    }

    /// A point estimate with an interval.
    struct Interval {
        var x: Double
        var estimate: Double
        var low: Double
        var high: Double
    }

    var title: String
    var description: String
    var unit: String
    var xTicks: [(x: Double, label: String)]
    var xDomain: (Double, Double)
    var series: [Series] = []
    var bands: [(low: Double, high: Double, className: String)] = []
    var rules: [Rule] = []
    var markers: [Marker] = []
    var intervals: [Interval] = []
    var bars: [(x: Double, y: Double, className: String)] = []
    var includeZero = false

    /// The chart as inline SVG with an accessible title and description.
    func svg(id: String, width: Double = 640, height: Double = 220) -> SafeHTML {
        var values = series.flatMap { $0.points.map(\.y) } + rules.map(\.y) + bands.flatMap { [$0.low, $0.high] }
        values += intervals.flatMap { [$0.low, $0.high] } + bars.map(\.y)
        if includeZero || !bars.isEmpty { values.append(0) }
        guard !values.isEmpty else { return SafeHTML(trusted: "") }
        let left = 56.0, right = 92.0, top = 20.0, bottom = 28.0
        let x = LinearScale(domain: xDomain, range: (left, width - right))
        let y = LinearScale(domain: LinearScale.paddedDomain(values), range: (height - bottom, top))
        var svg = SVGBuilder()
        svg.open(width: Int(width), height: Int(height), title: title, description: description, id: id)
        for tick in y.ticks(4) {
            svg.line(left, y(tick), width - right, y(tick), className: "grid")
            svg.text(Format.number(tick), x: left - 6, y: y(tick) + 4, className: "axis", anchor: "end")
        }
        svg.text(unit, x: left - 6, y: top - 6, className: "axis", anchor: "end")
        for tick in xTicks {
            svg.line(x(tick.x), height - bottom, x(tick.x), height - bottom + 4, className: "axis-tick")
            svg.text(tick.label, x: x(tick.x), y: height - bottom + 16, className: "axis", anchor: "middle")
        }
        for band in bands {
            svg.rect(left, y(band.high), width - right - left, y(band.low) - y(band.high), className: band.className)
        }
        if values.contains(where: { $0 < 0 }) && values.contains(where: { $0 > 0 }) {
            svg.line(left, y(0), width - right, y(0), className: "zero")
        }
        let barWidth = max(2, (x(xDomain.0 + 1) - x(xDomain.0)) * 0.6)
        for bar in bars {
            svg.rect(x(bar.x) - barWidth / 2, min(y(bar.y), y(0)), barWidth, abs(y(bar.y) - y(0)), className: "bar " + bar.className)
        }
        var edgeLabels = LabelStack()
        for rule in rules {
            svg.line(left, y(rule.y), width - right, y(rule.y), className: rule.className)
            edgeLabels.add(rule.label, y: y(rule.y) + 4)
        }
        for marker in markers {
            svg.line(x(marker.x), top, x(marker.x), height - bottom, className: marker.className)
            svg.text(marker.label, x: x(marker.x) + 3, y: top + 8, className: "label")
        }
        for interval in intervals {
            svg.line(x(interval.x), y(interval.low), x(interval.x), y(interval.high), className: "interval")
            svg.circle(x(interval.x), y(interval.estimate), radius: 3, className: "estimate")
        }
        for line in series {
            var path: [(Double, Double)?] = []
            for (index, point) in line.points.enumerated() {
                if index > 0, point.x - line.points[index - 1].x > 1.5 { path.append(nil) }  // a gap in the months
                path.append((x(point.x), y(point.y)))
            }
            svg.polyline(path, className: "series " + line.className)
            if let last = line.points.last, !line.label.isEmpty { edgeLabels.add(line.label, y: y(last.y) + 4) }
        }
        edgeLabels.draw(into: &svg, x: width - right + 4, top: top, bottom: height - bottom)
        svg.close()
        return SafeHTML(trusted: svg.markup)
    }
}
