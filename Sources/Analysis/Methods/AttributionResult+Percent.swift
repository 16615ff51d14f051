extension AttributionResult {
    /// The effect as a percentage of the baseline mean, signed as measured; nil without an effect or with a zero mean.
    public var effectPercent: Double? {
        guard let effect, let mean = baseline?.mean, mean != 0 else { return nil }
        return effect.estimate / mean * 100
    }
}
