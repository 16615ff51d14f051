import Analysis
import Foundation
import Model

/// `report.json`: the monthly summary's figures, machine-readable, in the schema of SPEC §5.
public enum ReportDocument {
    /// The JSON of one project-month; `edition` is nil for a draft.
    public static func json(_ analysis: MonthlyAnalysis, contract: OutcomeContract, edition: Int?) -> JSONValue {
        let result = analysis.attribution
        let unit = contract.outcome?.unit ?? ""
        var effect: JSONValue = .null
        if let estimate = result.effect, let baseline = result.baseline {
            effect = .object([
                ("method", .string(contract.attribution.method.rawValue)),
                ("estimate", .number(estimate.estimate)), ("low", .number(estimate.low)), ("high", .number(estimate.high)),
                ("unit", .string(unit)), ("percent", .number(baseline.mean == 0 ? nil : estimate.estimate / baseline.mean * 100)),
                ("target", .number(result.targetEffect)), ("n", .number(Double(estimate.n))), ("lags", .number(Double(estimate.lags))),
                ("post_months", .number(Double(estimate.postMonths))),
                ("se", .number(estimate.standardError)), ("df", .number(estimate.degreesOfFreedom)), ("k", .number(Double(estimate.k))),
            ])
        }
        var baselineJSON: JSONValue = .null
        if let baseline = result.baseline {
            baselineJSON = .object([
                ("mean", .number(baseline.mean)), ("sd", .number(baseline.standardDeviation)),
                ("months", .number(Double(baseline.months))), ("lcl", .number(baseline.lowerLimit)), ("ucl", .number(baseline.upperLimit)),
                ("agreed", .number(contract.baseline.value)),
            ])
        }
        var adoption: JSONValue = .null
        if let figures = analysis.adoption {
            let onAdopters: JSONValue = figures.effectOnAdopters.map {
                .object([("estimate", .number($0.estimate)), ("low", .number($0.low)), ("high", .number($0.high))])
            } ?? .null
            adoption = .object([("rate", .number(figures.rate)), ("effect_on_adopters", onAdopters)])
        }
        let system: JSONValue = .object([
            ("status", .string(analysis.system.state.rawValue)),
            ("breaches", .array(analysis.system.breaches.map(JSONValue.string))),
        ])
        var money: JSONValue = .null
        if let figures = analysis.money {
            money = .object([
                ("benefit", .number(figures.benefit)), ("benefit_low", .number(figures.benefitLow)),
                ("benefit_high", .number(figures.benefitHigh)), ("run_cost", .number(figures.runCost)),
                ("net", .number(figures.net)), ("cumulative_net", .number(figures.cumulativeNet)),
                ("payback", .string(figures.payback?.description)), ("roi", .number(figures.roi)),
            ])
        }
        let amended: JSONValue = analysis.amendment.map { amendment, targetEffect in
            .object([("date", .string(amendment.date.description)), ("reason", .string(amendment.reason)),
                     ("change", .number(amendment.target?.change)), ("relative", amendment.target.map { .bool($0.relative) } ?? .null),
                     ("by", .string(amendment.target?.by.description)),
                     ("target", .number(targetEffect))])
        } ?? .null
        return .object([
            ("project", .string(analysis.project)),
            ("month", .string(analysis.month.description)),
            ("edition", edition.map { .number(Double($0)) } ?? .null),
            ("status", .string(result.status.rawValue)),
            ("error", result.error.map { .object([("code", .string($0.code.rawValue)), ("message", .string($0.message))]) } ?? .null),
            ("effect", effect),
            ("baseline", baselineJSON),
            ("adoption", adoption),
            ("system", system),
            ("money", money),
            ("warnings", .array(analysis.warnings.map { .object([("code", .string($0.code)), ("message", .string($0.message))]) })),
            ("recommendation", .object([("move", .string(analysis.recommendation.move.rawValue)), ("rule", .string(analysis.recommendation.rule))])),
            ("target_amended", amended),
            ("restatement", restatement(analysis.restatement)),
            ("corrections", .array(analysis.corrections.map { correction in
                .object([("period", .string(correction.period.description)), ("metric", .string(correction.metric)),
                         ("segment", .string(correction.segment)), ("old", .number(correction.oldValue)),
                         ("new", .number(correction.newValue)), ("old_snapshot", .string(snapshotName(correction.oldSnapshot))),
                         ("new_snapshot", .string(snapshotName(correction.newSnapshot)))])
            })),
        ])
    }

    /// What this edition changed from the one before it; null for a draft or a first edition.
    static func restatement(_ restatement: Restatement?) -> JSONValue {
        guard let restatement else { return .null }
        let changes: [JSONValue] = restatement.headline.map { change in
            if let (old, new) = change.statuses {
                return .object([("field", .string(change.field)), ("old", .string(old.rawValue)), ("new", .string(new.rawValue))])
            }
            return .object([("field", .string(change.field)), ("old", .number(change.numbers?.old)), ("new", .number(change.numbers?.new))])
        }
        let values: [JSONValue] = restatement.values.map { value in
            .object([("period", .string(value.period.description)), ("metric", .string(value.metric)), ("segment", .string(value.segment)),
                     ("old", .number(value.oldValue)), ("new", .number(value.newValue)),
                     ("old_snapshot", .string(snapshotName(value.oldSnapshot))), ("new_snapshot", .string(snapshotName(value.newSnapshot)))])
        }
        return .object([("previous_edition", .number(Double(restatement.previousVersion))),
                        ("previous_cutoff", .string(restatement.previousCutoff.description)),
                        ("changes", .array(changes)), ("values", .array(values))])
    }

    /// `snapshots/<day>.csv`: the part of a snapshot's path that does not depend on how the content directory was named.
    static func snapshotName(_ path: String) -> String {
        guard let range = path.range(of: "snapshots/", options: .backwards) else { return path }
        return String(path[range.lowerBound...])
    }
}
