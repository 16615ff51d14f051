import Foundation
import Model

/// Reads and cross-checks `contract.yml`.
enum ContractLoader {
    static let keys = ["title", "summary", "sponsor", "owner", "build_team", "agreed", "launch", "cadence", "metrics",
                       "segments", "outcome", "attribution", "adoption", "value", "investment", "events", "amendments"]
    static let metricKeys = ["name", "layer", "unit", "direction", "aggregate", "slo"]
    static let attributionKeys = ["method", "treatment", "control", "waves", "covariates", "seasonality", "caveats"]
    static let cadences = ["weekly", "monthly", "quarterly"]

    /// The contract and the segments it declares, or nil (logged) when it cannot be used.
    static func load(_ root: YAMLValue) -> (contract: OutcomeContract, segments: Set<String>)? {
        // Counted before the mapping: a key that is not text is an error the mapping logs and skips (as in settings).
        let log = root.log
        let errors = log.errorCount
        guard let map = root.mapping(known: keys) else { return nil }

        let title = map.required("title")?.string()
        let summary = map["summary"]?.string() ?? ""
        let sponsor = map.required("sponsor")?.string()
        let owner = map.required("owner")?.string()
        let buildTeam = map["build_team"]?.stringList() ?? []
        let agreed = map.required("agreed")?.day()
        let launch = map.required("launch")?.day()
        var cadence = "monthly"
        if let value = map["cadence"], let text = value.string() {
            if cadences.contains(text) {
                cadence = text
            } else {
                log.error("wrong-value", "'cadence' should be one of \(cadences.joined(separator: ", ")), found '\(text)'\(Suggestion.hint(for: text, in: cadences))",
                          at: value.location)
            }
        }
        let metricsValue = map.required("metrics")
        let metrics = metricsValue.map(loadMetrics) ?? []
        // A metric whose definition is wrong is still declared: its own error is enough, so no "not declared" follows.
        let metricIDs = metricsValue?.mapping()?.entries.map(\.key) ?? []
        func checkMetric(_ id: String?, _ value: YAMLValue?, role: String) {
            guard let id, let value, !metricIDs.contains(id) else { return }
            log.error("unknown-metric", "\(role) '\(id)' is not declared under 'metrics'\(Suggestion.hint(for: id, in: metricIDs))",
                      at: value.location)
        }

        let outcome = map.required("outcome")?.mapping(known: ["metric", "baseline", "target"])
        let outcomeValue = outcome?.required("metric")
        let outcomeMetric = outcomeValue?.string()
        checkMetric(outcomeMetric, outcomeValue, role: "outcome metric")
        let baselineValue = outcome?.required("baseline")
        let baseline = baselineValue.flatMap(loadBaseline)
        let targetValue = outcome?.required("target")
        let target = targetValue.flatMap(loadTarget)
        func locationOf(_ value: YAMLValue?, _ key: String) -> SourceLocation {
            value?.mapping()?[key]?.location ?? value?.location ?? root.location
        }

        let attribution = map.required("attribution").flatMap { loadAttribution($0, metricIDs: metricIDs) }
        var segments: Set<String> = ["all"]
        if let attribution {
            segments.formUnion(attribution.treatment)
            segments.formUnion(attribution.control)
            segments.formUnion(attribution.waves.map(\.segment))
        }
        for value in map["segments"]?.list() ?? [] {
            guard let segment = value.string() else { continue }
            if Identifier.isValid(segment) {
                segments.insert(segment)
            } else {
                log.error("invalid-id", "segment '\(segment)' must use \(Identifier.rule())", at: value.location)
            }
        }

        var adoption: OutcomeContract.Adoption?
        if let adoptionMap = map["adoption"]?.mapping(known: ["metric", "eligible"]) {
            let metricValue = adoptionMap.required("metric")
            let metric = metricValue?.string()
            checkMetric(metric, metricValue, role: "adoption metric")
            var eligible: OutcomeContract.Adoption.Eligible?
            if let value = adoptionMap.required("eligible"), let text = value.scalarText {
                if let count = YAMLValue.parseNumber(text), count > 0 {
                    eligible = .count(count)
                } else if metricIDs.contains(text) {
                    eligible = .metric(text)
                } else {
                    log.error("wrong-value", "'adoption.eligible' should be a positive number or a metric id, found '\(text)'\(Suggestion.hint(for: text, in: metricIDs))",
                              at: value.location)
                }
            }
            if let metric, let eligible { adoption = .init(metric: metric, eligible: eligible) }
        }

        var value: OutcomeContract.Value?
        if let valueMap = map["value"]?.mapping(known: ["volume", "per_unit"]) {
            let volumeValue = valueMap["volume"]
            let volume = volumeValue?.string()
            checkMetric(volume, volumeValue, role: "volume metric")
            if let perUnit = valueMap.required("per_unit")?.number() { value = .init(volume: volume, perUnit: perUnit) }
        }

        let investment: [OutcomeContract.Investment] = (map["investment"]?.list() ?? []).compactMap { item in
            guard let entry = item.mapping(known: ["date", "amount", "label"]),
                  let date = entry.required("date")?.day(), let amount = entry.required("amount")?.number()
            else { return nil }
            return .init(date: date, amount: amount, label: entry["label"]?.string() ?? "Investment")
        }
        let events = map["events"].map { EventsLoader.load($0, portfolioWide: false) } ?? []
        let amendments: [OutcomeContract.Amendment] = (map["amendments"]?.list() ?? []).compactMap { item in
            guard let entry = item.mapping(known: ["date", "reason", "target"]),
                  let date = entry.required("date")?.day(), let reason = entry.required("reason")?.string()
            else { return nil }
            let target = entry["target"].flatMap(loadTarget)
            return .init(date: date, reason: reason, target: target, location: item.location)
        }.sorted { $0.date < $1.date }

        if let launch, let baseline, let target {
            if baseline.to < baseline.from {
                log.error("wrong-value", "the baseline ends (\(baseline.to)) before it starts (\(baseline.from))", at: locationOf(baselineValue, "to"))
            }
            if baseline.to >= launch.calendarMonth {
                log.error("wrong-value", "the baseline (\(baseline.from) to \(baseline.to)) must end before the launch month \(launch.calendarMonth)",
                          at: locationOf(baselineValue, "to"))
            }
            if target.by < launch.calendarMonth {
                log.error("wrong-value", "the target date \(target.by) is before the launch \(launch)", at: locationOf(targetValue, "by"))
            }
        }

        guard log.errorCount == errors, let title, let sponsor, let owner, let agreed, let launch,
              let outcomeMetric, let baseline, let target, let attribution
        else { return nil }
        let contract = OutcomeContract(
            title: title, summary: summary, sponsor: sponsor, owner: owner, buildTeam: buildTeam, agreed: agreed,
            launch: launch, cadence: cadence, metrics: metrics, outcomeMetric: outcomeMetric, baseline: baseline,
            target: target, attribution: attribution, adoption: adoption, value: value, investment: investment,
            events: events, amendments: amendments, location: root.location)
        return (contract, segments)
    }

    private static func loadMetrics(_ value: YAMLValue) -> [MetricDefinition] {
        guard let map = value.mapping() else { return [] }
        return map.entries.compactMap { entry in
            guard Identifier.isValid(entry.key, allowUnderscore: true) else {
                value.log.error("invalid-id", "metric id '\(entry.key)' must use \(Identifier.rule(allowUnderscore: true))", at: entry.keyLocation)
                return nil
            }
            guard let fields = entry.value.mapping(known: metricKeys) else { return nil }
            let name = fields["name"]?.string() ?? entry.key
            let layer = fields.required("layer")?.oneOf(MetricDefinition.Layer.self)
            let unit = fields["unit"]?.string() ?? ""
            let direction = fields["direction"]?.oneOf(MetricDefinition.Direction.self)
            let aggregate = fields.required("aggregate")?.oneOf(MetricDefinition.Aggregate.self)
            var sloMin: Double?, sloMax: Double?
            if let slo = fields["slo"]?.mapping(known: ["min", "max"]) {
                sloMin = slo["min"]?.number()
                sloMax = slo["max"]?.number()
            }
            guard let layer, let aggregate else { return nil }
            if layer == .outcome, fields["direction"] == nil {
                value.log.error("missing-field", "outcome metric '\(entry.key)' needs 'direction: increase' or 'direction: decrease'",
                                at: entry.value.location)
            }
            return MetricDefinition(id: entry.key, name: name, layer: layer, unit: unit, direction: direction,
                                    aggregate: aggregate, sloMin: sloMin, sloMax: sloMax, location: entry.keyLocation)
        }
    }

    private static func loadBaseline(_ value: YAMLValue) -> OutcomeContract.Baseline? {
        guard let map = value.mapping(known: ["from", "to", "value"]) else { return nil }
        let from = map.required("from")?.month()
        let to = map.required("to")?.month()
        let agreed = map["value"]?.number()
        guard let from, let to else { return nil }
        return .init(from: from, to: to, value: agreed)
    }

    /// `{change: -15%, by: 2026-12}`: a percentage or an absolute change.
    static func loadTarget(_ value: YAMLValue) -> OutcomeContract.Target? {
        guard let map = value.mapping(known: ["change", "by"]) else { return nil }
        let by = map.required("by")?.month()
        var change: (Double, Bool)?
        if let changeValue = map.required("change"), let text = changeValue.scalarText {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("%"), let number = YAMLValue.parseNumber(String(trimmed.dropLast())) {
                change = (number, true)
            } else if let number = YAMLValue.parseNumber(trimmed) {
                change = (number, false)
            } else {
                value.log.error("wrong-type", "'\(changeValue.keyPath)' should be a change such as -15% or -1.2, found '\(text)'", at: changeValue.location)
            }
            if let (number, _) = change, number == 0 {
                value.log.error("wrong-value", "a target change of 0 asks for nothing; state the change the project must make", at: changeValue.location)
            }
        }
        guard let by, let change else { return nil }
        return .init(change: change.0, relative: change.1, by: by)
    }

    private static func loadAttribution(_ value: YAMLValue, metricIDs: [String]) -> Attribution? {
        let log = value.log
        let errors = log.errorCount
        guard let map = value.mapping(known: attributionKeys) else { return nil }
        let method = map.required("method")?.oneOf(Attribution.Method.self)
        let treatment = map["treatment"].flatMap(segmentList) ?? []
        let control = map["control"].flatMap(segmentList) ?? []
        var waves: [Attribution.Wave] = []
        if let waveMap = map["waves"]?.mapping() {
            for entry in waveMap.entries {
                guard Identifier.isValid(entry.key) else {
                    log.error("invalid-id", "segment '\(entry.key)' must use \(Identifier.rule())", at: entry.keyLocation)
                    continue
                }
                if let day = entry.value.day() { waves.append(.init(segment: entry.key, goLive: day)) }
            }
        }
        var covariates: [String] = []
        if let covariateValue = map["covariates"], let list = covariateValue.list() {
            for item in list {
                guard let id = item.string() else { continue }
                if metricIDs.contains(id) {
                    covariates.append(id)
                } else {
                    log.error("unknown-metric", "covariate '\(id)' is not declared under 'metrics'\(Suggestion.hint(for: id, in: metricIDs))",
                              at: item.location)
                }
            }
        }
        let seasonality = map["seasonality"]?.oneOf(Attribution.Seasonality.self) ?? Attribution.Seasonality.none
        let caveats = map["caveats"]?.stringList() ?? []
        guard let method else { return nil }
        switch method {
        case .controlledComparison:
            if map["treatment"] == nil { log.error("missing-field", "controlled-comparison needs 'treatment' segment(s)", at: value.location) }
            if map["control"] == nil { log.error("missing-field", "controlled-comparison needs 'control' segment(s)", at: value.location) }
            if let shared = Set(treatment).intersection(control).sorted().first {
                log.error("wrong-value", "segment '\(shared)' is both treatment and control", at: value.location)
            }
        case .stagedRollout:
            if waves.count < 2 {
                log.error("missing-field", "staged-rollout needs 'waves' with at least two segments and their go-live days", at: value.location)
            }
        case .regression, .beforeAfter:
            break
        }
        guard log.errorCount == errors else { return nil }
        return Attribution(method: method, treatment: treatment, control: control, waves: waves,
                           covariates: covariates, seasonality: seasonality, caveats: caveats)
    }

    private static func segmentList(_ value: YAMLValue) -> [String]? {
        guard let list = value.stringList() else { return nil }
        for segment in list where !Identifier.isValid(segment) {
            value.log.error("invalid-id", "segment '\(segment)' must use \(Identifier.rule())", at: value.location)
            return nil
        }
        return list
    }
}
