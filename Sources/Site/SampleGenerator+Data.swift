import Analysis
import Model

// A sample project's snapshot rows, drawn month by month from its plan, and the exports that carry them.
extension SampleGenerator {
    /// A project's drawn data, as CSV lines grouped by the month they report on.
    struct ProjectData {
        /// The CSV header (with `n` when rows carry weights).
        var header: String
        /// CSV lines by the month of their period.
        var lines: [Month: String] = [:]
        /// Rows by the month of their period.
        var rowCounts: [Month: Int] = [:]
        /// Corrected rows, by the month whose export re-sends them.
        var corrections: [Month: String] = [:]
        /// The measured baseline mean of the outcome (over the baseline segments).
        var baselineMean = 0.0
        /// Mean monthly volume and run cost after launch, for the contract's money per unit.
        var meanVolume = 0.0
        var meanRunCost = 0.0
        /// Adoption rate by month after launch, for the notes.
        var adoption: [Month: Double] = [:]
    }

    /// Month-of-year shapes, in units of the season's amplitude and as volume factors; indexed from the plan's phase.
    static let seasonShape: [Double] = [1.0, 0.55, 0.1, -0.2, -0.45, -0.7, -0.9, -0.5, 0.05, 0.35, 0.6, 0.95]
    static let volumeShape: [Double] = [1.12, 1.03, 1.0, 0.97, 0.95, 0.92, 0.9, 0.94, 1.0, 1.03, 1.08, 1.18]

    /// Draws every row of the project's data.
    static func data(_ plan: Plan, random: inout SeededRandom) -> ProjectData {
        var data = ProjectData(header: plan.daily ? "period,metric,segment,value,n\n" : "period,metric,segment,value\n")
        let domain = plan.domain
        let level = domain.level
        let launchMonth = plan.launch.calendarMonth
        let percentOutcome = domain.outcome.unit == "%"
        let baselineSegments: [String] = switch plan.method {
        case .controlledComparison: plan.treatment
        case .stagedRollout: plan.waves.map(\.segment)
        case .regression, .beforeAfter: ["all"]
        }
        let sloMetrics = plan.metrics.filter { $0.slo != nil }
        let hasEligibleMetric = plan.metrics.contains { $0.id == "eligible_users" }
        var baselineSum = 0.0, baselineCount = 0
        var volumeSum = 0.0, costSum = 0.0, postMonths = 0

        func goLive(of segment: String) -> Day? {
            switch plan.method {
            case .controlledComparison: plan.treatment.contains(segment) ? plan.launch : nil
            case .stagedRollout: plan.waves.first { $0.segment == segment }?.goLive
            case .regression, .beforeAfter: plan.launch
            }
        }
        /// The drawn effect on a segment in a month, as a fraction of the level.
        func effect(_ segment: String, _ month: Month) -> Double {
            guard let day = goLive(of: segment) else { return 0 }
            let first = AttributionInput.firstPostMonth(goLive: day)
            if month >= first { return plan.effect * min(1, Double(month.ordinal - first.ordinal + 1) / plan.rampMonths) }
            return month == day.calendarMonth ? plan.effect * 0.3 : 0
        }
        func outcomeValue(_ value: Double) -> Double { percentOutcome ? min(99.9, max(0.001, value)) : max(level * 0.05, value) }

        for (position, month) in Month.range(plan.dataStart, through: plan.lastDataMonth).enumerated() {
            var text = ""
            var rows = 0
            let shape = (month.month - 1 + plan.seasonPhase) % 12
            let volumeFactor = volumeShape[shape] * (1 + plan.volumeGrowth * Double(position)) * (1 + 0.03 * random.gaussian())
            let common = level * (0.012 * random.gaussian() + plan.trend * Double(position)
                                  + plan.seasonAmplitude * seasonShape[shape] + plan.covariateWeight * (volumeFactor - 1))
            let launched = month >= launchMonth
            let sinceLaunch = month.ordinal - launchMonth.ordinal
            let rate = launched ? plan.adoptionCeiling * Double(sinceLaunch + 1) / (Double(sinceLaunch + 1) + plan.adoptionPace) : 0
            if launched { data.adoption[month] = rate }
            // A counted eligible population stays as agreed; an eligible metric grows slowly with hiring.
            let eligibleNow = hasEligibleMetric ? (Double(plan.eligible) * (1 + 0.01 * Double(max(0, sinceLaunch)))).rounded() : Double(plan.eligible)
            let adopters = min(eligibleNow, max(1, (eligibleNow * rate * (1 + 0.03 * random.gaussian())).rounded()))
            let breach = plan.breachMonths.contains(month) ? sloMetrics[month.ordinal % sloMetrics.count].id : nil
            let restatedLag = plan.restatements[month]
            var restated = false

            func emit(_ period: String, _ metric: String, _ segment: String, _ value: String, _ n: String = "") {
                text += period + "," + metric + "," + (segment == "all" ? "" : segment) + "," + value
                text += plan.daily ? "," + n + "\n" : "\n"
                rows += 1
            }
            /// Emits a row a later export corrects: the first export carries `value` off by a few percent.
            func emitRestated(_ period: String, _ metric: String, _ segment: String, _ value: Double, _ decimals: Int, _ n: String = "") {
                let wrong = value * (1 + (random.chance(0.5) ? 1 : -1) * random.double(in: 0.03...0.08))
                emit(period, metric, segment, fixed(wrong, decimals), n)
                var line = period + "," + metric + "," + (segment == "all" ? "" : segment) + "," + fixed(value, decimals)
                line += plan.daily ? "," + n + "\n" : "\n"
                data.corrections[month.adding(restatedLag!), default: ""] += line
                restated = true
            }

            var segmentLevels: [String: Double] = [:]
            for segment in plan.segments {
                segmentLevels[segment.name] = level * (1 + segment.offset + 0.008 * random.gaussian() + effect(segment.name, month)) + common
            }
            var monthVolume = 0.0
            var segmentSums: [String: (Double, Double)] = [:]

            /// A value of any metric but the outcome and volume: for one day (`day` > 0) or for the whole month.
            func draw(_ metric: MetricPlan, volume: Double, day: Int = 0, weekday: Int = 0) -> Double? {
                let breached = breach == metric.id
                let daily = day > 0
                switch metric.draw {
                case .outcome, .volume: return nil
                case .backlog: return domain.volume.perDay * 3 * volumeFactor * (1 + 0.1 * random.gaussian())
                case .latency(let typical):
                    if daily { return breached && day == 10 ? metric.slo!.value * random.double(in: 1.05...1.3) : typical * (1 + 0.06 * random.gaussian()) }
                    return breached ? metric.slo!.value * random.double(in: 1.05...1.3) : typical * (1.1 + 0.05 * random.gaussian())
                case .lowPercent(let typical):
                    let base = breached ? metric.slo!.value * 1.3 : typical
                    return max(0.01, base * (1 + (daily ? 0.25 : 0.1) * random.gaussian()))
                case .highPercent(let typical):
                    let base = breached ? metric.slo!.value - 2.5 : typical
                    return min(99.9, base + (daily ? 1.2 : 0.6) * random.gaussian())
                case .availability:
                    return breached ? 99 + 0.3 * random.uniform() : 99.95 - abs((daily ? 0.03 : 0.015) * random.gaussian())
                case .adopters: return adopters
                case .eligible: return eligibleNow
                case .perUser(let typical):
                    return typical * (0.7 + 0.3 * rate / plan.adoptionCeiling) * (1 + 0.08 * random.gaussian()) * (weekday < 5 ? 1 : 0.4)
                case .assistShare: return min(95, max(1, 15 + 55 * rate + (daily ? 3 : 1.5) * random.gaussian()))
                case .acceptance(let typical): return min(99, max(1, typical + (daily ? 3 : 2) * random.gaussian()))
                case .weeklyActive: return (adopters * random.double(in: 0.7...0.9)).rounded()
                case .modelCost(let perItem): return volume * max(rate, 0.05) * perItem * (1 + (daily ? 0.08 : 0.04) * random.gaussian())
                case .fixedCost(let monthly): return monthly * (1 + 0.02 * random.gaussian())
                case .licence(let monthly): return monthly
                case .opsCost(let monthly): return monthly * max(0.5, 1 - 0.015 * Double(sinceLaunch)) * (1 + 0.05 * random.gaussian())
                }
            }
            var runCost = 0.0

            if plan.daily {
                let dailyMetrics = plan.metrics.filter { $0.daily && $0.draw.isOther }
                let segmented = plan.segments.count > 1
                for dayNumber in 1...month.dayCount {
                    let day = Day(year: month.year, month: month.month, day: dayNumber)
                    let period = day.description
                    let weekday = weekday(day)
                    let share = weekday < 5 ? 1.0 : weekday == 5 ? 0.5 : 0.3
                    var dayVolume = 0.0
                    var segmentVolumes: [Double] = []
                    for segment in plan.segments {
                        let n = max(1, (domain.volume.perDay * segment.share * share * volumeFactor * (1 + 0.06 * random.gaussian())).rounded())
                        let raw = outcomeValue(segmentLevels[segment.name]! + (weekday >= 5 ? level * 0.02 : 0) + level * 0.035 * random.gaussian())
                        let value = rounded(raw, domain.decimals)
                        if restatedLag != nil, !restated, dayNumber >= 10, weekday < 5, segment.name == plan.segments[0].name {
                            emitRestated(period, domain.outcome.id, segment.name, raw, domain.decimals, fixed(n, 0))
                        } else {
                            emit(period, domain.outcome.id, segment.name, fixed(value, domain.decimals), fixed(n, 0))
                        }
                        let sums = segmentSums[segment.name] ?? (0, 0)
                        segmentSums[segment.name] = (sums.0 + value * n, sums.1 + n)
                        dayVolume += n
                        segmentVolumes.append(n)
                    }
                    // Volume for the whole project (what the money is counted on) and, where there are sites, per site.
                    emit(period, domain.volume.id, "all", fixed(dayVolume, 0))
                    if segmented {
                        for (segment, volume) in zip(plan.segments, segmentVolumes) { emit(period, domain.volume.id, segment.name, fixed(volume, 0)) }
                    }
                    monthVolume += dayVolume
                    guard launched else { continue }
                    for metric in dailyMetrics {
                        if metric.layer == "cost", plan.costGap == month { continue }
                        guard let value = draw(metric, volume: dayVolume, day: dayNumber, weekday: weekday) else { continue }
                        emit(period, metric.id, "all", fixed(value, metric.decimals))
                        if metric.layer == "cost" { runCost += rounded(value, metric.decimals) }
                    }
                }
            } else {
                for segment in plan.segments {
                    let value = rounded(outcomeValue(segmentLevels[segment.name]!), domain.decimals)
                    emit(month.description, domain.outcome.id, segment.name, fixed(value, domain.decimals))
                    segmentSums[segment.name] = (value, 1)
                }
                var workingDays = 0.0
                for dayNumber in 1...month.dayCount {
                    let weekday = weekday(Day(year: month.year, month: month.month, day: dayNumber))
                    workingDays += weekday < 5 ? 1 : weekday == 5 ? 0.5 : 0.3
                }
                monthVolume = (domain.volume.perDay * workingDays * volumeFactor).rounded()
                if restatedLag != nil {
                    emitRestated(month.description, domain.volume.id, "all", monthVolume, 0)
                } else {
                    emit(month.description, domain.volume.id, "all", fixed(monthVolume, 0))
                }
            }

            if month >= plan.baselineFrom, month <= plan.baselineTo {
                let means = baselineSegments.compactMap { segmentSums[$0] }.map { $0.0 / $0.1 }
                if !means.isEmpty {
                    baselineSum += means.reduce(0, +) / Double(means.count)
                    baselineCount += 1
                }
            }

            // The monthly rows of every other metric, in the contract's order.
            for metric in plan.metrics where !metric.daily && (launched || metric.beforeLaunch) {
                if metric.layer == "cost", plan.costGap == month { continue }
                guard let value = draw(metric, volume: monthVolume) else { continue }
                emit(month.description, metric.id, "all", fixed(value, metric.decimals))
                if metric.layer == "cost" { runCost += rounded(value, metric.decimals) }
            }
            if launched {
                volumeSum += monthVolume
                costSum += runCost
                postMonths += 1
            }
            data.lines[month] = text
            data.rowCounts[month] = rows
        }
        data.baselineMean = baselineCount > 0 ? baselineSum / Double(baselineCount) : level
        data.meanVolume = postMonths > 0 ? volumeSum / Double(postMonths) : domain.volume.perDay * 26
        data.meanRunCost = postMonths > 0 ? costSum / Double(postMonths) : 10_000
        return data
    }

    /// The project's snapshot files by export day: a backfill of the history before launch, then one export a month
    /// carrying the month just ended and any corrections of earlier months.
    static func snapshots(_ plan: Plan, _ data: ProjectData) -> [(day: Day, text: String, rows: Int)] {
        let launchMonth = plan.launch.calendarMonth
        func exportDay(_ month: Month) -> Day { workingDay(Day(year: month.year, month: month.month, day: plan.exportDay)) }
        var backfill = data.header, backfillRows = 0
        for month in Month.range(plan.dataStart, through: launchMonth.adding(-1)) {
            backfill += data.lines[month] ?? ""
            backfillRows += data.rowCounts[month] ?? 0
        }
        var files = [(day: exportDay(launchMonth), text: backfill, rows: backfillRows)]
        guard launchMonth <= plan.lastDataMonth else { return files }
        for month in Month.range(launchMonth, through: plan.lastDataMonth) {
            let corrections = data.corrections[month] ?? ""
            let correctionRows = corrections.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            files.append((day: exportDay(month.next), text: data.header + (data.lines[month] ?? "") + corrections,
                          rows: (data.rowCounts[month] ?? 0) + correctionRows))
        }
        return files
    }
}
