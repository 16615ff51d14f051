import Model

extension FuzzHarness {
    /// Decodes and parses the bytes as YAML, then decodes the document as every YAML file of a content directory.
    ///
    /// Parsing is the slow part, so one input feeds `ContractLoader`, `SettingsLoader`,
    /// `EventsLoader` and `EditionsLoader`, each with its own log. Checked: diagnostics point
    /// inside the file; a loader that returns nothing logged an error and one that returns a value
    /// logged none; an accepted contract keeps every promise of `contract.yml` (see `checkContract`).
    public static func contractYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        let input = bytes(data, size)
        let extent = TextExtent(input)
        let path = "content/projects/demo/contract.yml"
        let log = DiagnosticLog()
        defer { checkDiagnostics(log.items, path: path, extent: extent) }

        guard let text = checkedDecode(input, path: path, log: log) else { return }
        guard let root = YAMLValue.parse(text, path: path, log: log) else {
            requireReported(log, "YAMLValue.parse")
            return
        }
        require(log.items.isEmpty, "YAMLValue.parse succeeded but logged \(log.items)")

        if let (contract, segments) = ContractLoader.load(root) {
            require(log.errorCount == 0, "ContractLoader.load returned a contract and logged errors: \(log.items)")
            checkContract(contract, segments: segments)
        } else {
            requireReported(log, "ContractLoader.load")
        }

        for loader in ["settings", "events", "editions"] {
            let otherLog = DiagnosticLog()
            let other = YAMLValue(node: root.node, path: path, lineOffset: 0, keyPath: "", log: otherLog)
            switch loader {
            case "settings":
                if let settings = SettingsLoader.load(other) {
                    require(otherLog.errorCount == 0, "SettingsLoader.load returned settings and logged errors")
                    // In bytes: `hasPrefix("/")` compares Characters, and "/" followed by a combining mark is one.
                    require(settings.baseURL.utf8.first == UInt8(ascii: "/") && settings.baseURL.utf8.last == UInt8(ascii: "/"),
                            "base URL \(settings.baseURL) is not /…/")
                    require((1...12).contains(settings.fiscalYearStart), "fiscal year starts in month \(settings.fiscalYearStart)")
                    require(!settings.title.allSatisfy(\.isWhitespace), "blank site title")
                } else {
                    requireReported(otherLog, "SettingsLoader.load")
                }
            case "events":
                for event in EventsLoader.load(other, portfolioWide: true) {
                    require(!event.label.allSatisfy(\.isWhitespace), "blank event label")
                }
            default:
                for edition in EditionsLoader.load(other) {
                    require((1...9999).contains(edition.version), "edition version \(edition.version)")
                }
            }
            checkDiagnostics(otherLog.items, path: path, extent: extent)
        }
    }

    /// What an accepted contract promises its readers: valid, declared ids; finite numbers; dates in order; text that renders.
    static func checkContract(_ contract: OutcomeContract, segments: Set<String>) {
        let ids = contract.metrics.map(\.id)
        require(Set(ids).count == ids.count, "metric ids repeat: \(ids)")
        for metric in contract.metrics {
            require(Identifier.isValid(metric.id, allowUnderscore: true), "invalid metric id '\(metric.id)'")
            require(metric.sloMin?.isFinite ?? true, "metric '\(metric.id)': slo.min \(metric.sloMin!)")
            require(metric.sloMax?.isFinite ?? true, "metric '\(metric.id)': slo.max \(metric.sloMax!)")
            require(metric.layer != .outcome || metric.direction != nil, "outcome metric '\(metric.id)' has no direction")
        }
        func declared(_ id: String, _ role: String) { require(ids.contains(id), "\(role) '\(id)' is not a declared metric") }
        declared(contract.outcomeMetric, "outcome metric")
        for covariate in contract.attribution.covariates { declared(covariate, "covariate") }
        if let adoption = contract.adoption {
            declared(adoption.metric, "adoption metric")
            switch adoption.eligible {
            case .count(let count): require(count.isFinite && count > 0, "adoption.eligible \(count)")
            case .metric(let id): declared(id, "eligible metric")
            }
        }
        if let value = contract.value {
            if let volume = value.volume { declared(volume, "volume metric") }
            require(value.perUnit.isFinite, "value.per_unit \(value.perUnit)")
        }

        for segment in segments {
            require(Identifier.isValid(segment), "invalid segment '\(segment)'")
        }
        let attribution = contract.attribution
        require(segments.isSuperset(of: attribution.treatment + attribution.control + attribution.waves.map(\.segment) + ["all"]),
                "the segments \(segments.sorted()) miss some of the attribution's")
        switch attribution.method {
        case .controlledComparison:
            require(!attribution.treatment.isEmpty && !attribution.control.isEmpty, "controlled comparison without both groups")
            require(Set(attribution.treatment).isDisjoint(with: attribution.control), "a segment is both treatment and control")
        case .stagedRollout:
            require(attribution.waves.count >= 2, "staged rollout with \(attribution.waves.count) waves")
        case .regression, .beforeAfter:
            break
        }

        for text in [contract.title, contract.sponsor, contract.owner] {
            require(!text.allSatisfy(\.isWhitespace), "blank required text")
        }
        let launch = contract.launch.calendarMonth
        require(contract.baseline.from <= contract.baseline.to, "baseline \(contract.baseline.from) to \(contract.baseline.to) runs backwards")
        require(contract.baseline.to < launch, "baseline ends \(contract.baseline.to), not before the launch \(launch)")
        require(contract.target.by >= launch, "target by \(contract.target.by) is before the launch \(launch)")
        require(contract.baseline.value?.isFinite ?? true, "baseline value \(contract.baseline.value!)")
        checkTarget(contract.target)
        for investment in contract.investment {
            require(investment.amount.isFinite, "investment amount \(investment.amount)")
        }
        require(zip(contract.amendments, contract.amendments.dropFirst()).allSatisfy { $0.date <= $1.date }, "amendments out of order")
        for amendment in contract.amendments {
            if let target = amendment.target { checkTarget(target) }
        }
        // Every date the pages print.
        for day in [contract.agreed, contract.launch] + contract.investment.map(\.date) + contract.events.map(\.date) {
            require(Day(day.description) == day, "day \(day) does not print as itself")
        }
    }

    /// A target is a finite, non-zero change that the pages can print (`OutcomeContract.Target.text`).
    private static func checkTarget(_ target: OutcomeContract.Target) {
        require(target.change.isFinite && target.change != 0, "target change \(target.change)")
        // `text` once converted a whole-number change with Int(_:), which traps from 2^63 on
        // (Fuzz/crashes/contract-yaml-target-text-traps.yml).
        require(!target.text.isEmpty, "target text is empty")
    }
}
