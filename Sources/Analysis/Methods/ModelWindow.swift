import Model

/// The months an attribution model uses (SPEC §4.2): the baseline, the post-launch months and the transition month.
///
/// Model rows are the baseline months followed by the post-launch months. Months between the baseline's end and
/// the first post-launch month (gap and transition) are in no model, and data after the report month are ignored.
struct ModelWindow: Hashable, Sendable {
    /// The baseline months B, `from` through `to`.
    let baseline: [Month]
    /// The post-launch months P, from the first full month after go-live through the report month (maybe empty).
    let post: [Month]
    /// The go-live month when go-live is after the 1st: shown hatched, left out of every estimate.
    let transition: Month?

    /// The window for a baseline, a go-live day and a report month.
    init(baselineFrom: Month, baselineTo: Month, goLive: Day, reportMonth: Month) {
        baseline = Month.range(baselineFrom, through: baselineTo)
        post = Month.range(AttributionInput.firstPostMonth(goLive: goLive), through: reportMonth)
        transition = AttributionInput.transitionMonth(goLive: goLive).flatMap { $0 <= reportMonth ? $0 : nil }
    }

    /// The window of `input`: for a staged rollout, go-live is the first wave's.
    init(_ input: AttributionInput) {
        let goLive = input.method == .stagedRollout ? input.waves.first?.goLive ?? input.launch : input.launch
        self.init(baselineFrom: input.baselineFrom, baselineTo: input.baselineTo, goLive: goLive,
                  reportMonth: input.reportMonth)
    }

    /// B followed by P, the rows of every model on the whole window.
    var rows: [Month] { baseline + post }
}
