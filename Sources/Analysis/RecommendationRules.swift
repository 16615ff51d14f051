/// The rule table of SPEC §4.8: the first rule that matches gives the recommended next move.
///
/// The table is documented in docs/methodology.md; keep the two in step.
public enum RecommendationRules {
    /// One rule of the table.
    public struct Rule: Sendable {
        /// The rule in words, shown on the page.
        public var text: String
        /// The move it recommends.
        public var move: Recommendation.Move
        let matches: @Sendable (MonthlyAnalysis) -> Bool
    }

    /// The rules, in the order they are tried.
    public static let table: [Rule] = [
        Rule(text: "too early: fewer than 2 post-launch months", move: .continue) { $0.attribution.status == .tooEarly },
        Rule(text: "system degraded: an SLO is breached", move: .fixSystem) { $0.system.state == .degraded },
        Rule(text: "moving the wrong way for 6 or more post-launch months", move: .windDown) {
            $0.attribution.status == .wrongWay && $0.attribution.postMonths.count >= 6
        },
        Rule(text: "moving the wrong way", move: .adjust) { $0.attribution.status == .wrongWay },
        Rule(text: "not on track and adoption below 50 %", move: .fixAdoption) {
            $0.attribution.status != .onTrack && ($0.adoption?.rate ?? 1) < 0.5
        },
        Rule(text: "flat / inconclusive for 12 or more post-launch months", move: .windDown) {
            $0.attribution.status == .flat && $0.attribution.postMonths.count >= 12
        },
        Rule(text: "flat / inconclusive", move: .adjust) { $0.attribution.status == .flat },
        Rule(text: "improving, short of target", move: .continue) { $0.attribution.status == .improving },
        Rule(text: "on track, adoption at least 80 % and net impact positive this month", move: .expand) {
            $0.attribution.status == .onTrack && ($0.adoption?.rate ?? 1) >= 0.8 && ($0.money?.net ?? -1) > 0
        },
        Rule(text: "on track", move: .continue) { _ in true },
    ]

    /// The move for a month and the rule that fired.
    public static func recommend(_ analysis: MonthlyAnalysis) -> Recommendation {
        let rule = table.first { $0.matches(analysis) }!
        return Recommendation(move: rule.move, rule: rule.text)
    }
}
