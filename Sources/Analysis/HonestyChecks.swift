import Model

/// The checks of SPEC §4.7 that catch the classic ways tracking lies, per project-month.
struct HonestyChecks {
    let project: Project
    let fiscalYearStart: Int

    /// The warnings for one analysed month, in a fixed order.
    func warnings(for analysis: MonthlyAnalysis, table: MetricTable, latestExport: Day?) -> [Warning] {
        let contract = project.contract
        let month = analysis.month
        var warnings: [Warning] = []
        func add(_ code: String, _ message: String) { warnings.append(Warning(code: code, message: message)) }

        if contract.agreed > contract.launch {
            add("designed-after-launch", "Tracking designed after the launch: the contract was agreed on \(contract.agreed), after go-live on \(contract.launch).")
        }
        if let member = Self.ownerInBuildTeam(contract) {
            add("self-graded", "The team grades its own work: the tracking owner \(contract.owner) is also in the build team (\(member)).")
        }
        let values = analysis.outcomeSeries.map(\.1)
        if values.count >= 6, zip(values.dropFirst(), values).allSatisfy({ $0.0 >= $0.1 }) {
            add("vanity-metric", "The outcome never decreases in any month: a cumulative or vanity metric cannot show whether the project helps.")
        }
        if !contract.metrics.contains(where: { $0.layer == .cost }) {
            add("no-cost-data", "Net impact unknown: the contract declares no cost metric.")
        } else if analysis.money?.runCost == nil {
            add("no-cost-data", "Net impact unknown: no cost data for \(month).")
        }
        if month >= contract.launch.calendarMonth, analysis.notes.isEmpty {
            add("no-feedback", "No feedback note in \(month).")
        }
        let launchQuarter = contract.launch.calendarMonth.quarter(fiscalYearStart: fiscalYearStart)
        let decided = Set(project.decisions.filter { $0.date <= analysis.cutoff }.map(\.review))
        var quarter = launchQuarter
        var missing: [Quarter] = []
        while let last = quarter.months(fiscalYearStart: fiscalYearStart).last, last <= month {
            if !decided.contains(quarter) { missing.append(quarter) }
            quarter = quarter.quarter == 4 ? Quarter(year: quarter.year + 1, quarter: 1) : Quarter(year: quarter.year, quarter: quarter.quarter + 1)
        }
        if !missing.isEmpty {
            add("no-decision", "No decision recorded for the finished review\(missing.count > 1 ? "s" : "") \(missing.map(\.description).joined(separator: ", ")).")
        }
        if let latestExport {
            let age = latestExport.days(to: month.lastDay)
            if age > 45 { add("stale-data", "Stale data: the latest snapshot was exported on \(latestExport), \(age) days before the end of \(month).") }
        } else {
            add("stale-data", "Stale data: no snapshot had been exported by \(analysis.cutoff).")
        }
        if let baseline = analysis.attribution.baseline {
            if baseline.months < 12 {
                add("short-baseline", "The baseline has only \(baseline.months) months of data; 12 or more are needed to see a normal year.")
            }
            if let agreed = contract.baseline.value, baseline.mean != 0, abs(agreed - baseline.mean) / abs(baseline.mean) > 0.05 {
                add("baseline-mismatch", "The agreed baseline \(Format.plain(agreed)) differs from the measured mean \(Format.plain(baseline.mean)) by more than 5 %.")
            }
        } else {
            add("short-baseline", "The baseline has fewer than 2 months of data.")
        }
        if let pretrend = analysis.attribution.pretrend, pretrend.p < 0.10 {
            add("parallel-trends-doubtful", "Parallel trends are doubtful: before launch the difference already drifted by \(Format.plain(pretrend.slope)) a month (p = \(Format.plain(pretrend.p))).")
        }
        if let rate = analysis.adoption?.rate, rate < 0.5 {
            add("low-adoption", "Low adoption: \(Int((rate * 100).rounded())) % of those eligible use it; the outcome may lag for that reason.")
        }
        if !analysis.system.breaches.isEmpty {
            add("slo-breach", "SLO breached in \(month): \(analysis.system.breaches.joined(separator: ", ")).")
        }
        if !analysis.corrections.isEmpty {
            add("restated", "Data restated: \(analysis.corrections.count) value\(analysis.corrections.count > 1 ? "s were" : " was") corrected by later snapshots.")
        }
        for amendment in contract.amendments where amendment.date <= analysis.cutoff {
            guard let target = amendment.target, Self.isLooser(target, than: contract.target, direction: contract.outcome?.direction ?? .decrease) else { continue }
            add("target-moved", "The target was moved on \(amendment.date) from \(contract.target.text) by \(contract.target.by) to \(target.text) by \(target.by); this page still reports against the original.")
        }
        return warnings
    }

    /// The build-team member who is also the owner, compared by the name before any comma.
    static func ownerInBuildTeam(_ contract: OutcomeContract) -> String? {
        func person(_ text: String) -> String {
            String(text.split(separator: ",").first ?? "").trimmingSpaces().lowercased()
        }
        let owner = person(contract.owner)
        return contract.buildTeam.first { person($0) == owner }
    }

    /// Whether `amended` asks for less improvement, or gives more time, than `original`.
    static func isLooser(_ amended: OutcomeContract.Target, than original: OutcomeContract.Target,
                         direction: MetricDefinition.Direction) -> Bool {
        let orientation = direction == .increase ? 1.0 : -1.0
        if amended.relative == original.relative, orientation * amended.change < orientation * original.change { return true }
        return amended.by > original.by
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
