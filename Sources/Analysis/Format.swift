import Foundation

/// Plain number text for warning messages; page formatting lives in Rendering.
enum Format {
    /// Up to 3 significant decimals, no grouping.
    static func plain(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", value)
    }
}
