@testable import Analysis

/// Compares an engine result with a fixture's expectation: reals at 1e-6 relative (1e-12 absolute floor), the
/// rest exactly. Collects every mismatch and the largest relative error seen.
struct FixtureComparison {
    static let relativeTolerance = 1e-6
    static let absoluteFloor = 1e-12

    /// What did not match, one line each.
    private(set) var mismatches: [String] = []
    /// The largest relative error among the reals compared, and where.
    private(set) var worst: (error: Double, field: String) = (0, "")
    /// How many reals were compared.
    private(set) var realCount = 0

    /// Compares `result` with `expected`.
    init(_ result: AttributionResult, _ expected: MethodFixture.Expected, method: String) {
        if let error = expected.error {
            let code = String(error.prefix { $0 != ":" })
            exact("error.code", result.error?.code.rawValue, code)
            exact("status", result.status, Status.flat)
            exact("effect is nil", result.effect == nil, true)
            return
        }
        exact("error", result.error?.description, nil)
        exact("status", result.status.rawValue, expected.status)

        if let baseline = expected.baseline {
            let actual = result.baseline
            real("baseline.mean", actual?.mean, baseline.mean)
            real("baseline.sd", actual?.standardDeviation, baseline.sd)
            exact("baseline.months", actual?.months, baseline.months)
            real("baseline.mr_mean", actual?.meanMovingRange, baseline.mrMean)
            real("baseline.lcl", actual?.lowerLimit, baseline.lcl)
            real("baseline.ucl", actual?.upperLimit, baseline.ucl)
        } else {
            exact("baseline is nil", result.baseline == nil, true)
        }

        if let effect = expected.effect {
            let actual = result.effect
            real("effect.estimate", actual?.estimate, effect.estimate)
            real("effect.se", actual?.standardError, effect.se)
            real("effect.low", actual?.low, effect.low)
            real("effect.high", actual?.high, effect.high)
            if method == "before-after" {
                real("effect.df", actual?.degreesOfFreedom, effect.df)
            } else {
                exact("effect.df", actual?.degreesOfFreedom, effect.df)
            }
            exact("effect.n", actual?.n, effect.n)
            exact("effect.k", actual?.k, effect.k)
            exact("effect.lags", actual?.lags, effect.lags)
            exact("effect.post_months", actual?.postMonths, effect.postMonths)
            real("effect.percent", result.effectPercent, effect.percent)
            real("effect.target", result.targetEffect, effect.target)
        } else {
            exact("effect is nil", result.effect == nil, true)
        }

        if let trend = expected.pretrend {
            real("pretrend.slope", result.pretrend?.slope, trend.slope)
            real("pretrend.se", result.pretrend?.standardError, trend.se)
            real("pretrend.p", result.pretrend?.p, trend.p)
        } else {
            exact("pretrend is nil", result.pretrend == nil, true)
        }
        if let placebo = expected.placebo {
            real("placebo.estimate", result.placebo?.estimate, placebo.estimate)
            real("placebo.se", result.placebo?.standardError, placebo.se)
            real("placebo.low", result.placebo?.low, placebo.low)
            real("placebo.high", result.placebo?.high, placebo.high)
        } else {
            exact("placebo is nil", result.placebo == nil, true)
        }

        let waves = expected.waves ?? []
        exact("waves.count", result.waves.count, waves.count)
        for (wave, actual) in zip(waves, result.waves) {
            let at = "waves[\(wave.wave)]"
            exact(at + ".wave", actual.wave, wave.wave)
            if wave.noComparison == true {
                exact(at + ".note", actual.note, WaveEffect.noComparisonNote)
                exact(at + ".effect is nil", actual.effect == nil, true)
            } else if wave.noPostMonths == true {
                exact(at + ".note", actual.note, WaveEffect.noPostMonthsNote)
                exact(at + ".effect is nil", actual.effect == nil, true)
            } else {
                exact(at + ".note", actual.note, nil)
                real(at + ".estimate", actual.effect?.estimate, wave.estimate)
                real(at + ".se", actual.effect?.standardError, wave.se)
                real(at + ".low", actual.effect?.low, wave.low)
                real(at + ".high", actual.effect?.high, wave.high)
                exact(at + ".n", actual.effect?.n, wave.n)
                exact(at + ".k", actual.effect?.k, wave.k)
                exact(at + ".lags", actual.effect?.lags, wave.lags)
            }
        }

        let profile = expected.eventTime ?? []
        exact("event_time.count", result.eventTime.count, profile.count)
        for (point, actual) in zip(profile, result.eventTime) {
            let at = "event_time[e = \(point.e)]"
            exact(at + ".e", actual.monthsSinceGoLive, point.e)
            real(at + ".estimate", actual.estimate, point.estimate)
            real(at + ".low", actual.low, point.low)
            real(at + ".high", actual.high, point.high)
        }

        exact("signals", result.signals.map(\.description), expected.signals ?? [])
    }

    // MARK: - Comparisons

    private mutating func real(_ field: String, _ actual: Double?, _ expected: Double?) {
        guard let expected else {
            exact(field + " is nil", actual == nil, true)
            return
        }
        guard let actual, actual.isFinite else {
            mismatches.append("\(field): expected \(expected), got \(actual.map(String.init(describing:)) ?? "nil")")
            return
        }
        realCount += 1
        let difference = abs(actual - expected)
        let relative = expected == 0 ? difference : difference / abs(expected)
        if relative > worst.error { worst = (relative, field) }
        if difference > max(Self.relativeTolerance * abs(expected), Self.absoluteFloor) {
            mismatches.append("\(field): expected \(expected), got \(actual) (relative error \(relative))")
        }
    }

    private mutating func exact<T: Equatable>(_ field: String, _ actual: T?, _ expected: T?) {
        if actual != expected {
            mismatches.append("\(field): expected \(expected.map { "\($0)" } ?? "nil"), "
                              + "got \(actual.map { "\($0)" } ?? "nil")")
        }
    }
}
