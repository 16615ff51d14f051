import Foundation

/// The standard normal distribution: cumulative probability, survival and quantile.
public enum Normal {
    /// The density φ(x) of the standard normal distribution.
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// P(Z ≤ x), accurate to the last few bits also deep in the lower tail.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// P(Z > x), accurate to the last few bits also deep in the upper tail.
    public static func survival(_ x: Double) -> Double {
        0.5 * erfc(x / 2.0.squareRoot())
    }

    /// The x with P(Z ≤ x) = p; −∞ at 0, +∞ at 1 and NaN outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Work with the lower-tail probability q < ½; 1 − p is exact for p ≥ ½.
        let q = p < 0.5 ? p : 1 - p
        let magnitude = upperQuantile(q)
        return p < 0.5 ? -magnitude : magnitude
    }

    /// The s ≥ 0 with P(Z > s) = q for 0 < q < ½, refined by Halley steps from a rational first guess.
    private static func upperQuantile(_ q: Double) -> Double {
        // Abramowitz & Stegun 26.2.23 (absolute error below 4.5e-4) as the starting point.
        let w = (-2 * log(q)).squareRoot()
        let numerator = 2.515517 + w * (0.802853 + w * 0.010328)
        let denominator = 1 + w * (1.432788 + w * (0.189269 + w * 0.001308))
        var s = max(0, w - numerator / denominator)
        // Near the centre the target P(0 < Z < s) = ½ − q is exact and erf keeps its relative accuracy.
        let centred = q > 0.25
        let centralTarget = 0.5 - q
        for _ in 0..<20 {
            let φ = density(s)
            guard φ > 0 else { break }
            // r = g/g′ for g(s) = P(Z > s) − q (g′ = −φ) or g(s) = P(0 < Z < s) − (½ − q) (g′ = φ).
            let r = centred
                ? (0.5 * erf(s / 2.0.squareRoot()) - centralTarget) / φ
                : -(survival(s) - q) / φ
            // Halley: g″/g′ = −s for both forms.
            let step = -r / (1 + 0.5 * r * s)
            s += step
            if abs(step) <= 4 * Double.ulpOfOne * abs(s) { break }
        }
        return s
    }
}
