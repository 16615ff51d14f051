import Model

/// What a later edition of a month changed from the edition before it: headline figures and the data behind them.
public struct Restatement: Sendable {
    /// One headline figure that changed.
    public struct HeadlineChange: Sendable {
        /// What changed: `status`, `effect`, `low`, `high`, `benefit`, `net`, `cumulative_net` or `adoption`.
        public var field: String
        /// The old and new status, for `status`.
        public var statuses: (old: Status, new: Status)?
        /// The old and new number, for the other fields.
        public var numbers: (old: Double?, new: Double?)?
    }

    /// The edition this one restates.
    public var previousVersion: Int
    /// The previous edition's cut-off day.
    public var previousCutoff: Day
    /// Headline figures that changed.
    public var headline: [HeadlineChange]
    /// Values in force that changed between the two cut-offs (periods up to the report month), with the snapshots.
    public var values: [Correction]

    /// Compares the analyses of one project-month at two editions.
    public static func between(project: Project, old: MonthlyAnalysis, new: MonthlyAnalysis, previousVersion: Int) -> Restatement {
        var headline: [HeadlineChange] = []
        if old.attribution.status != new.attribution.status {
            headline.append(HeadlineChange(field: "status", statuses: (old.attribution.status, new.attribution.status)))
        }
        func compare(_ field: String, _ a: Double?, _ b: Double?) {
            if a != b { headline.append(HeadlineChange(field: field, numbers: (a, b))) }
        }
        compare("effect", old.attribution.effect?.estimate, new.attribution.effect?.estimate)
        compare("low", old.attribution.effect?.low, new.attribution.effect?.low)
        compare("high", old.attribution.effect?.high, new.attribution.effect?.high)
        compare("benefit", old.money?.benefit, new.money?.benefit)
        compare("net", old.money?.net, new.money?.net)
        compare("cumulative_net", old.money?.cumulativeNet, new.money?.cumulativeNet)
        compare("adoption", old.adoption?.rate, new.adoption?.rate)

        let before = RowsInForce(snapshots: project.snapshots, cutoff: old.cutoff)
        let after = RowsInForce(snapshots: project.snapshots, cutoff: new.cutoff)
        let values = after.changes(since: before, through: new.month)
        return Restatement(previousVersion: previousVersion, previousCutoff: old.cutoff, headline: headline, values: values)
    }

    /// Whether anything a reader saw has changed.
    public var isEmpty: Bool { headline.isEmpty && values.isEmpty }
}
