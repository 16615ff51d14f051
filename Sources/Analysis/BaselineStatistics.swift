import Model

/// The baseline's mean, spread and XmR (individuals) control limits (SPEC §4.1).
public struct BaselineStatistics: Hashable, Sendable {
    /// Mean of the baseline months.
    public var mean: Double
    /// Sample standard deviation (n − 1).
    public var standardDeviation: Double
    /// Baseline months with data.
    public var months: Int
    /// Mean absolute moving range between consecutive baseline months.
    public var meanMovingRange: Double
    /// Lower control limit: mean − 2.66 × mean moving range.
    public var lowerLimit: Double
    /// Upper control limit: mean + 2.66 × mean moving range.
    public var upperLimit: Double

    /// Computes the statistics of the baseline values, in month order; nil with fewer than 2 values.
    public init?(values: [Double]) {
        guard values.count >= 2 else { return nil }
        let n = Double(values.count)
        mean = values.reduce(0, +) / n
        let m = mean
        standardDeviation = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
        months = values.count
        meanMovingRange = zip(values.dropFirst(), values).reduce(0) { $0 + abs($1.0 - $1.1) } / (n - 1)
        lowerLimit = mean - 2.66 * meanMovingRange
        upperLimit = mean + 2.66 * meanMovingRange
    }

    /// Western Electric signals among post-launch values (month order): beyond the limits, or in a run of
    /// 8 or more consecutive months on one side of the centre line (every month of the run).
    public func signals(in post: [(Month, Double)]) -> [Month] {
        var flagged = Set(post.filter { $0.1 < lowerLimit || $0.1 > upperLimit }.map(\.0))
        var run: [Month] = []
        var side = 0
        for (month, value) in post {
            let current = value > mean ? 1 : value < mean ? -1 : 0
            if current != 0, current == side {
                run.append(month)
            } else {
                if run.count >= 8 { flagged.formUnion(run) }
                run = current == 0 ? [] : [month]
                side = current
            }
        }
        if run.count >= 8 { flagged.formUnion(run) }
        return flagged.sorted()
    }
}
