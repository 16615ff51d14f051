import Analysis
import Model

/// The outcome over time: baseline band and limits, target lines, launch, transition, events and signals.
public enum OutcomeChart {
    /// The chart as inline SVG.
    public static func svg(_ analysis: MonthlyAnalysis, contract: OutcomeContract, id: String = "outcome") -> SafeHTML {
        let series = analysis.outcomeSeries
        guard let first = series.first?.0 else { return SafeHTML(trusted: "") }
        let last = analysis.month
        let months = Month.range(first, through: last)
        let metric = contract.outcome
        let unit = metric?.unit ?? ""
        let baseline = analysis.attribution.baseline
        let target = analysis.targetEffect.flatMap { t in baseline.map { $0.mean + t } }
        let amended = analysis.amendment?.targetEffect.flatMap { t in baseline.map { $0.mean + t } }

        var values = series.map(\.1) + analysis.controlSeries.filter { $0.0 <= last }.map(\.1)
        if let baseline { values += [baseline.lowerLimit, baseline.upperLimit] }
        values += [target, amended].compactMap { $0 }
        let (width, height) = (640.0, 240.0)
        let left = 52.0, right = 96.0, top = 26.0, bottom = 30.0
        let x = LinearScale(domain: (0, Double(max(months.count - 1, 1))), range: (left, width - right))
        let y = LinearScale(domain: LinearScale.paddedDomain(values), range: (height - bottom, top))
        func xAt(_ month: Month) -> Double { x(Double(month.ordinal - first.ordinal)) }
        let step = months.count > 1 ? x(1) - x(0) : 10

        let name = metric?.name ?? contract.outcomeMetric
        let statusWords = analysis.attribution.status.words
        var svg = SVGBuilder()
        svg.open(width: Int(width), height: Int(height), title: "\(name) by month, \(Format.shortMonth(first)) to \(Format.shortMonth(last))",
                 description: "\(name) (\(unit)) with the baseline band and control limits, the target and the launch; status: \(statusWords).", id: id)
        svg.raw("<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern></defs>")
        for tick in y.ticks(4) {
            svg.line(left, y(tick), width - right, y(tick), className: "grid")
            svg.text(Format.number(tick), x: left - 6, y: y(tick) + 4, className: "axis", anchor: "end")
        }
        svg.text(unit, x: left - 6, y: top - 10, className: "axis", anchor: "end")
        let januaryNearStart = months.prefix(4).dropFirst().contains { $0.month == 1 }
        for (index, month) in months.enumerated() where month.month == 1 || (index == 0 && !januaryNearStart) {
            svg.line(xAt(month), height - bottom, xAt(month), height - bottom + 4, className: "axis-tick")
            svg.text(Format.shortMonth(month), x: xAt(month), y: height - bottom + 16, className: "axis", anchor: "middle")
        }
        var edgeLabels = LabelStack()
        if let baseline {
            svg.rect(left, y(baseline.upperLimit), width - right - left, y(baseline.lowerLimit) - y(baseline.upperLimit), className: "band")
            svg.line(left, y(baseline.mean), width - right, y(baseline.mean), className: "centre")
            edgeLabels.add("baseline \(Format.number(baseline.mean))", y: y(baseline.mean) + 4)
            edgeLabels.add("limits", y: y(baseline.upperLimit) + 4, className: "label muted")
        }
        for month in analysis.attribution.transitionMonths where month >= first && month <= last {
            svg.rect(xAt(month) - step / 2, top, step, height - bottom - top, className: "transition\" fill=\"url(#\(id)-hatch)")
        }
        let launchX = xAt(AttributionInput.firstPostMonth(goLive: contract.launch)) - step / 2
        if contract.launch.calendarMonth <= last {
            svg.line(launchX, top - 6, launchX, height - bottom, className: "launch")
            svg.text("launch", x: launchX + 3, y: top - 8, className: "label")
        }
        if let target {
            svg.line(launchX, y(target), width - right, y(target), className: "target")
            edgeLabels.add("target \(Format.number(target))", y: y(target) + 4)
        }
        if let amended {
            svg.line(launchX, y(amended), width - right, y(amended), className: "target amended")
            edgeLabels.add("amended \(Format.number(amended))", y: y(amended) + 4, className: "label muted")
        }
        let events = (contract.events).filter { $0.date.calendarMonth >= first && $0.date.calendarMonth <= last }
        for (index, event) in events.enumerated() {
            let ex = xAt(event.date.calendarMonth)
            svg.line(ex, height - bottom - 8, ex, height - bottom, className: "event")
            let text = "▲ " + event.label
            let half = Double(text.count) * 3.1
            let (labelX, anchor) = ex + half > width - right ? (width - right, "end") : ex - half < left ? (left, "start") : (ex, "middle")
            svg.text(text, x: labelX, y: height - bottom - 12 - Double(index % 2) * 11, className: "label event-label", anchor: anchor)
        }
        if !analysis.controlSeries.isEmpty {
            let control = Dictionary(analysis.controlSeries, uniquingKeysWith: { a, _ in a })
            svg.polyline(months.map { m in control[m].map { (xAt(m), y($0)) } }, className: "series control")
            if let lastControl = analysis.controlSeries.last(where: { $0.0 <= last }) {
                edgeLabels.add("control", y: y(lastControl.1) + 4, className: "label muted")
            }
        }
        let lookup = Dictionary(series, uniquingKeysWith: { a, _ in a })
        svg.polyline(months.map { m in lookup[m].map { (xAt(m), y($0)) } }, className: "series main")
        for month in analysis.attribution.signals where lookup[month] != nil {
            svg.circle(xAt(month), y(lookup[month]!), radius: 4, className: "signal")
        }
        if let value = lookup[last] {
            svg.circle(xAt(last), y(value), radius: 3, className: "series-end")
        }
        edgeLabels.draw(into: &svg, x: width - right + 4, top: top, bottom: height - bottom)
        svg.close()
        return SafeHTML(trusted: svg.markup)
    }
}
