/// Direct labels at a chart's right edge, spread apart vertically so that no two overlap.
struct LabelStack {
    private var labels: [(y: Double, text: String, className: String)] = []

    /// Adds a label wanted at `y` (its baseline).
    mutating func add(_ text: String, y: Double, className: String = "label") {
        labels.append((y, text, className))
    }

    /// Draws every label at `x`, moving labels down (then up, within `top...bottom`) until each is `spacing` apart.
    func draw(into svg: inout SVGBuilder, x: Double, top: Double, bottom: Double, spacing: Double = 14) {
        var placed = labels.sorted { $0.y < $1.y }
        for index in placed.indices.dropFirst() where placed[index].y < placed[index - 1].y + spacing {
            placed[index].y = placed[index - 1].y + spacing
        }
        if let last = placed.last, last.y > bottom {
            placed[placed.count - 1].y = bottom
            for index in placed.indices.reversed().dropFirst() where placed[index].y > placed[index + 1].y - spacing {
                placed[index].y = max(top, placed[index + 1].y - spacing)
            }
        }
        for label in placed { svg.text(label.text, x: x, y: label.y, className: label.className) }
    }
}
