import Model

/// Fingerprints of the settings files that say what an edition used, not how the file happens to read today.
///
/// `yardstick.yml` is fingerprinted without `as_of` (moved forward every month), `events.yml` without events
/// after the cut-off, and a contract without amendments after the cut-off, so the routine monthly edits the
/// spec asks for (a new amendment, the next `as_of`) leave earlier editions reproducible, while any change to
/// what an edition did use is still caught.
extension EditionInputs {
    /// The text whose SHA-256 stands for a settings file at a cut-off; nil for files fingerprinted by their bytes.
    static func canonicalText(of path: String, portfolio: Portfolio, cutoff: Day) -> String? {
        if path == "yardstick.yml" {
            let s = portfolio.settings
            return lines(["title", s.title], ["organisation", s.organisation], ["base_url", s.baseURL], ["currency", s.currency],
                         ["fiscal_year_start", String(s.fiscalYearStart)])
        }
        if path == "events.yml" {
            return portfolio.events.filter { $0.date <= cutoff }.map { lines(["event", $0.date.description, $0.label]) }.joined()
        }
        let parts = path.split(separator: "/")
        if parts.count == 3, parts[0] == "projects", parts[2] == "contract.yml",
           let project = portfolio.projects.first(where: { $0.id == parts[1] }) {
            return contract(project.contract, cutoff: cutoff)
        }
        return nil
    }

    private static func contract(_ c: OutcomeContract, cutoff: Day) -> String {
        var text = lines(["title", c.title], ["summary", c.summary], ["sponsor", c.sponsor], ["owner", c.owner],
                         ["build_team"] + c.buildTeam, ["agreed", c.agreed.description], ["launch", c.launch.description],
                         ["cadence", c.cadence], ["outcome", c.outcomeMetric],
                         ["baseline", c.baseline.from.description, c.baseline.to.description, number(c.baseline.value)],
                         ["target"] + target(c.target))
        for m in c.metrics {
            text += lines(["metric", m.id, m.name, m.layer.rawValue, m.unit, m.direction?.rawValue ?? "", m.aggregate.rawValue,
                           number(m.sloMin), number(m.sloMax)])
        }
        let a = c.attribution
        text += lines(["method", a.method.rawValue, a.seasonality.rawValue], ["treatment"] + a.treatment, ["control"] + a.control,
                      ["waves"] + a.waves.map { "\($0.segment)=\($0.goLive)" }, ["covariates"] + a.covariates, ["caveats"] + a.caveats)
        if let adoption = c.adoption {
            let eligible = switch adoption.eligible {
            case .count(let count): number(count)
            case .metric(let id): id
            }
            text += lines(["adoption", adoption.metric, eligible])
        }
        if let value = c.value { text += lines(["value", value.volume ?? "", number(value.perUnit)]) }
        for i in c.investment { text += lines(["investment", i.date.description, number(i.amount), i.label]) }
        for e in c.events { text += lines(["event", e.date.description, e.label]) }
        for amendment in c.amendments where amendment.date <= cutoff {
            text += lines(["amendment", amendment.date.description, amendment.reason] + (amendment.target.map(target) ?? []))
        }
        return text
    }

    private static func target(_ t: OutcomeContract.Target) -> [String] {
        [number(t.change), t.relative ? "%" : "", t.by.description]
    }

    private static func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }

    /// One line per field, fields separated by a unit separator so no value can imitate another field.
    private static func lines(_ fields: [String]...) -> String {
        fields.map { $0.joined(separator: "\u{1F}") + "\n" }.joined()
    }
}
