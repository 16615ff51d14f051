import Model

// A sample project's contract.yml, written from its plan and the baseline its data measured.
extension SampleGenerator {
    /// The outcome contract as YAML.
    static func contract(_ plan: Plan, _ data: ProjectData) -> String {
        let domain = plan.domain
        let launchMonth = plan.launch.calendarMonth
        var out = ""
        func line(_ text: String) { out += text + "\n" }
        line("title: \(quoted(plan.title))")
        line("summary: \(quoted(domain.summary))")
        line("sponsor: \(quoted(plan.sponsor))")
        line("owner: \(quoted(plan.owner))")
        line("build_team: [\(plan.buildTeam.map(quoted).joined(separator: ", "))]")
        line("agreed: \(plan.agreed)")
        line("launch: \(plan.launch)")
        line("cadence: monthly")
        line("")
        line("metrics:")
        let width = plan.metrics.map(\.id.count).max() ?? 0
        for metric in plan.metrics {
            var fields = ["name: \(quoted(metric.name))", "layer: \(metric.layer)", "unit: \(quoted(metric.unit))"]
            if let direction = metric.direction { fields.append("direction: \(direction)") }
            fields.append("aggregate: \(metric.aggregate)")
            if let slo = metric.slo { fields.append("slo: {\(slo.key): \(slo.value == slo.value.rounded() ? fixed(slo.value, 0) : significant(slo.value))}") }
            line("  " + (metric.id + ":").padding(to: width + 1) + " {" + fields.joined(separator: ", ") + "}")
        }
        line("")

        // The agreed baseline is the measured mean, except where the contract was agreed off a dashboard figure.
        let measured = data.baselineMean
        let agreedBaseline = measured * (plan.baselineOff ?? 1)
        let sign = domain.increaseIsBetter ? "+" : "-"
        func change(_ percent: Int) -> String {
            plan.targetRelative ? "\(sign)\(percent)%" : sign + significant(Double(percent) / 100 * measured)
        }
        line("outcome:")
        line("  metric: \(domain.outcome.id)")
        line("  baseline: {from: \(plan.baselineFrom), to: \(plan.baselineTo), value: \(significant(agreedBaseline))}")
        line("  target: {change: \(change(plan.targetPercent)), by: \(plan.targetBy)}")
        line("")

        line("attribution:")
        line("  method: \(plan.method.rawValue)")
        switch plan.method {
        case .controlledComparison:
            line("  treatment: [\(plan.treatment.joined(separator: ", "))]")
            line("  control: [\(plan.control.joined(separator: ", "))]")
        case .stagedRollout:
            line("  waves: {\(plan.waves.map { "\($0.segment): \($0.goLive)" }.joined(separator: ", "))}")
        case .regression:
            line("  covariates: [\(domain.volume.id)]")
        case .beforeAfter:
            break
        }
        line("  seasonality: \(plan.seasonal ? "month-of-year" : "none")")
        line("  caveats:")
        for caveat in caveats(plan) { line("    - \(quoted(caveat))") }
        line("")

        let eligible = plan.metrics.contains { $0.id == "eligible_users" } ? "eligible_users" : String(plan.eligible)
        line("adoption: {metric: \(domain.users.id), eligible: \(eligible)}")
        // Money per unit of improvement per volume unit, so that at the target the benefit is a few times the run cost.
        let targetEffect = max(Double(plan.targetPercent) / 100 * abs(measured), 1e-9)
        let perUnit = data.meanRunCost * (1.5 + Double(plan.index % 5) * 0.5) / (targetEffect * max(data.meanVolume, 1))
        line("value: {volume: \(domain.volume.id), per_unit: \(significant(perUnit))}")
        line("investment:")
        for item in plan.investments { line("  - {date: \(item.date), amount: \(item.amount), label: \(quoted(item.label))}") }
        if !plan.events.isEmpty {
            line("events:")
            for event in plan.events { line("  - {date: \(event.date), label: \(quoted(event.label))}") }
        }
        if let amendment = plan.amendment, amendment.date.calendarMonth > launchMonth {
            line("amendments:")
            line("  - date: \(amendment.date)")
            line("    reason: \(quoted(amendment.reason))")
            line("    target: {change: \(change(amendment.percent)), by: \(amendment.by)}")
        }
        return out
    }

    /// What the reader should keep in mind, by method.
    private static func caveats(_ plan: Plan) -> [String] {
        let people = plan.domain.users.people
        switch plan.method {
        case .controlledComparison:
            return ["The treatment sites volunteered for the pilot and may be keener than the others.",
                    "All sites share one knowledge base, so fixes made for the pilot also reach the comparison sites."]
        case .stagedRollout:
            return ["Waves are sites, not randomly assigned; the first site asked to go first.",
                    "Each wave's comparison is the waves not yet live, so the last wave has none."]
        case .regression:
            return ["\(plan.domain.volume.name) is controlled for; other drivers of \(plan.domain.outcome.name.lowercased()) are not."]
        case .beforeAfter:
            return ["Every one of the \(people) got the assistant on the same day; there is no comparison group.",
                    "Other changes in the same months would show up as part of the effect."]
        }
    }
}

fileprivate extension String {
    /// The string padded with spaces to `width` characters (aligned metric ids).
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
