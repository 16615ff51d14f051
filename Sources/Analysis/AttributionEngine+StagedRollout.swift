import Model

// Staged rollout: each wave but the last against the mean of the waves that go live after it, over the baseline and
// the wave's own post-launch window; the overall effect from the stacked differences with month-clustered errors;
// and an event-time profile (effect by months since go-live).
extension AttributionEngine {
    /// A wave's comparison: the later waves and its post-launch window (nil for the last wave).
    private struct WaveWindow {
        let wave: Attribution.Wave
        let later: [String]
        let post: [Month]?
    }

    /// One stacked row of the overall and event-time models.
    private struct StackedRow {
        let position: Int
        let month: Month
        let value: Double
        let isPost: Bool
        let eventTime: Int?
    }

    /// Per-wave effects, the stacked effect (month-clustered) and the event-time profile.
    static func stagedRollout(_ series: MethodSeries) throws(AnalysisProblem) -> MethodEstimate {
        let input = series.input
        let baseline = series.window.baseline
        let windows = waveWindows(input)

        func difference(_ window: WaveWindow, over months: [Month]) -> [Double] {
            series.difference([window.wave.segment], minus: window.later, over: months)
        }
        for window in windows {
            guard let post = window.post else { continue }
            try checkConstant(difference(window, over: baseline + post),
                              "the difference series of \(window.wave.segment)")
        }
        let first = windows[0]
        let firstLHS = "d (\(first.wave.segment) − mean of the later waves)"
        let firstPre = difference(first, over: baseline)
        let postCount = windows.reduce(0) { $0 + ($1.post?.count ?? 0) }
        var estimate = MethodEstimate(
            pretrend: try pretrend(firstPre, months: baseline, of: firstLHS),
            placebo: try placebo(firstPre, months: baseline, of: firstLHS),
            postMonthCount: postCount)
        guard postCount >= 2 else { return estimate }

        var stack: [StackedRow] = []
        var stackedWaves: [String] = []
        for window in windows {
            let segment = window.wave.segment
            guard let post = window.post else {
                estimate.waves.append(WaveEffect(wave: segment, goLive: window.wave.goLive, effect: nil,
                                                 note: WaveEffect.noComparisonNote))
                continue
            }
            guard !post.isEmpty else {
                estimate.waves.append(WaveEffect(wave: segment, goLive: window.wave.goLive, effect: nil,
                                                 note: WaveEffect.noPostMonthsNote))
                continue
            }
            let pre = difference(window, over: baseline)
            let postValues = difference(window, over: post)
            let effect = try differenceModel(
                pre: pre, post: postValues, baseline: baseline, postMonths: post, seasonality: input.seasonality,
                lhs: "d (\(segment) − mean of the later waves)", what: "the model of \(segment)")
            estimate.waves.append(WaveEffect(wave: segment, goLive: window.wave.goLive, effect: effect))

            let position = stackedWaves.count
            stackedWaves.append(segment)
            let goLive = window.wave.goLive.calendarMonth
            stack += zip(baseline, pre).map {
                StackedRow(position: position, month: $0, value: $1, isPost: false, eventTime: nil)
            }
            stack += zip(post, postValues).map {
                StackedRow(position: position, month: $0, value: $1, isPost: true,
                           eventTime: $0.ordinal - goLive.ordinal)
            }
        }

        let y = stack.map(\.value)
        var overall = ModelDesign(rowMonths: stack.map(\.month))
        addWaveDummies(to: &overall, stack: stack, waves: stackedWaves)
        overall.addPost(stack.map(\.isPost))
        overall.addMonthDummies(input.seasonality)
        let fitted = try overall.fit(y, lhs: "d (each wave − mean of its later waves, stacked)",
                                     errors: .clusteredByMonth, what: "the stacked model")
        guard let effect = fitted.effect("post", postMonths: postCount) else {
            throw AnalysisProblem(.numerics, "the stacked model cannot separate the post-launch months")
        }
        estimate.effect = effect

        var profile = ModelDesign(rowMonths: stack.map(\.month))
        addWaveDummies(to: &profile, stack: stack, waves: stackedWaves)
        let eventTimes = Set(stack.compactMap(\.eventTime)).sorted()
        for e in eventTimes {
            profile.add("e = \(e)", stack.map { $0.eventTime == e ? 1 : 0 }, term: nil)
        }
        let listed = eventTimes.map(String.init).joined(separator: ", ")
        profile.appendTerm("one dummy per month since go-live e (\(listed))")
        let profileFit = try profile.fit(y, lhs: "d (stacked)", errors: .clusteredByMonth, what: "the event-time model")
        estimate.eventTime = eventTimes.compactMap { e in
            profileFit.inference("e = \(e)").map {
                EventTimeEffect(monthsSinceGoLive: e, estimate: $0.estimate, low: $0.low, high: $0.high)
            }
        }
        return estimate
    }

    /// Waves in go-live order, each with the later waves and its window: from its first full month through the
    /// month before the next wave's go-live month, capped at the report month. The last wave has no window.
    private static func waveWindows(_ input: AttributionInput) -> [WaveWindow] {
        let waves = input.waves
        return waves.indices.map { index in
            let wave = waves[index]
            guard index + 1 < waves.count else { return WaveWindow(wave: wave, later: [], post: nil) }
            let end = min(waves[index + 1].goLive.calendarMonth.adding(-1), input.reportMonth)
            return WaveWindow(wave: wave, later: waves[(index + 1)...].map(\.segment),
                              post: Month.range(AttributionInput.firstPostMonth(goLive: wave.goLive), through: end))
        }
    }

    /// One dummy per stacked wave except the first.
    private static func addWaveDummies(to design: inout ModelDesign, stack: [StackedRow], waves: [String]) {
        for position in waves.indices.dropFirst() {
            design.add("wave \(waves[position])", stack.map { $0.position == position ? 1 : 0 }, term: nil)
        }
        if waves.count > 1 {
            design.appendTerm(waves.count == 2 ? "1 wave dummy" : "\(waves.count - 1) wave dummies")
        }
    }
}
