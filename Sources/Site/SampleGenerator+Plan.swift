import Model

// The design of one sample project, drawn before any data: its method, segments, metrics, dates and the story its
// numbers will tell.
extension SampleGenerator {
    /// How the project's numbers end up, which decides the effect the data are drawn with.
    enum Story: CaseIterable {
        case onTrack, improving, flat, wrongWay
    }

    /// How a metric's values are drawn.
    enum Draw {
        case outcome, volume, backlog
        case latency(typical: Double), lowPercent(typical: Double), highPercent(typical: Double), availability
        case adopters, eligible, perUser(typical: Double), assistShare, acceptance(typical: Double), weeklyActive
        case modelCost(perItem: Double), fixedCost(monthly: Double), licence(monthly: Double), opsCost(monthly: Double)
    }

    /// A metric of the contract and how its rows are drawn.
    struct MetricPlan {
        var id: String
        var name: String
        var layer: String
        var unit: String
        var aggregate: String
        var direction: String?
        var slo: (key: String, value: Double)?
        var decimals: Int
        /// Daily rows (`YYYY-MM-DD`) rather than one monthly row.
        var daily: Bool
        var draw: Draw
        /// Whether the metric has rows before the launch month.
        var beforeLaunch: Bool
    }

    /// Everything decided about a project before its data are drawn.
    struct Plan {
        var index: Int
        var id: String
        var domain: Domain
        var title: String
        var sponsor: String
        var owner: String
        var buildTeam: [String]
        var method: Attribution.Method
        var seasonal: Bool
        var agreed: Day
        var launch: Day
        var dataStart: Month
        var baselineFrom: Month
        var baselineTo: Month
        var lastDataMonth: Month
        var treatment: [String]
        var control: [String]
        var waves: [(segment: String, goLive: Day)]
        /// Every outcome segment with its share of the volume and its offset from the typical level.
        var segments: [(name: String, share: Double, offset: Double)]
        var daily: Bool
        var metrics: [MetricPlan]
        var story: Story
        /// The effect drawn into the data, as a fraction of the level, signed as measured.
        var effect: Double
        var rampMonths: Double
        /// The target change in percent of the baseline (positive = improvement), and whether it is written as a percentage.
        var targetPercent: Int
        var targetRelative: Bool
        var targetBy: Month
        var eligible: Int
        var adoptionCeiling: Double
        var adoptionPace: Double
        var seasonAmplitude: Double
        var seasonPhase: Int
        var trend: Double
        var covariateWeight: Double
        var volumeGrowth: Double
        var exportDay: Int
        var baselineOff: Double?
        var selfGraded: Bool
        var breachMonths: Set<Month>
        var costGap: Month?
        var restatements: [Month: Int]
        var amendment: (date: Day, reason: String, percent: Int, by: Month)?
        var investments: [(date: Day, amount: Int, label: String)]
        var events: [(date: Day, label: String)]
    }

    static let methods: [Attribution.Method] = [.controlledComparison, .stagedRollout, .regression, .beforeAfter]

    /// Draws project `index` of a portfolio reporting `months` months up to `asOf`.
    static func plan(index: Int, count: Int, months: Int, asOf: Month, random: inout SeededRandom) -> Plan {
        let domain = domains[index % domains.count]
        let unit = businessUnits[(index / domains.count) % businessUnits.count]
        let width = max(3, String(count).count)
        let id = "\(domain.slug)-\(padded(index + 1, width))"
        let round = index / (domains.count * businessUnits.count)
        let title = "\(domain.title) — \(unit)" + (round > 0 ? " (\(round + 1))" : "")
        func person() -> String { random.pick(firstNames) + " " + random.pick(lastNames) }
        let sponsor = person() + ", " + domain.sponsorRole
        let ownerName = person()
        let selfGraded = random.chance(0.06)
        let builder = selfGraded ? ownerName : person()

        let method = methods[index % methods.count]
        let seasonal = method == .stagedRollout ? random.chance(0.3) : random.chance(0.7)
        // Seven projects in ten export daily rows (the fourth, seventh and tenth send monthly figures).
        let daily = ![3, 6, 9].contains(index % 10)
        let launchMonth = asOf.adding(-(months - 1))
        let launch = random.chance(0.8) ? launchMonth.firstDay : workingDay(Day(year: launchMonth.year, month: launchMonth.month, day: random.int(in: 2...18)))
        let agreed = random.chance(0.93) ? subtracting(random.int(in: 10...70), from: launch) : adding(random.int(in: 8...40), to: launch)
        let baselineFrom = launchMonth.adding(-12)
        let dataStart = baselineFrom.adding(-random.int(in: 0...6))
        let feedStops = months >= 6 && random.chance(0.03)

        // Segments: sites, as treatment and control groups or as rollout waves.
        var treatment: [String] = [], control: [String] = [], waves: [(segment: String, goLive: Day)] = []
        var segmentNames = ["all"]
        switch method {
        case .controlledComparison:
            let chosen = random.pick(random.int(in: 2...4), of: sites)
            let treated = chosen.count > 2 && random.chance(0.4) ? 2 : 1
            treatment = Array(chosen.prefix(treated))
            control = Array(chosen.dropFirst(treated))
            segmentNames = chosen
        case .stagedRollout:
            let chosen = random.pick(3, of: sites)
            let second = max(1, months / 6 + random.int(in: 0...max(0, months / 8)))
            let third = max(second + 1, months / 3 + random.int(in: 0...max(0, months / 6)))
            func goLive(_ offset: Int) -> Day {
                let month = launchMonth.adding(min(offset, months - 1))
                return random.chance(0.75) ? month.firstDay : workingDay(Day(year: month.year, month: month.month, day: random.int(in: 2...16)))
            }
            waves = [(chosen[0], launch), (chosen[1], goLive(second)), (chosen[2], goLive(third))]
            segmentNames = chosen
        case .regression, .beforeAfter:
            break
        }
        var shares = segmentNames.map { _ in random.double(in: 0.6...1.4) }
        let total = shares.reduce(0, +)
        shares = shares.map { $0 / total }
        let segments = segmentNames.enumerated().map { (name: $1, share: shares[$0], offset: random.double(in: -0.05...0.05)) }

        let metrics = metricPlans(domain: domain, daily: daily, random: &random)

        // The story and the target.
        let roll = random.uniform()
        let story: Story = roll < 0.36 ? .onTrack : roll < 0.60 ? .improving : roll < 0.88 ? .flat : .wrongWay
        let targetPercent = random.pick([8, 10, 12, 15, 20])
        let target = Double(targetPercent) / 100
        let improvement: Double = switch story {
        case .onTrack: target * random.double(in: 1.15...1.6)
        case .improving: target * random.double(in: 0.4...0.75)
        case .flat: target * random.double(in: -0.08...0.08)
        case .wrongWay: -target * random.double(in: 0.35...0.7)
        }
        let effect = domain.increaseIsBetter ? improvement : -improvement

        var breachMonths: Set<Month> = []
        if random.chance(0.14) {
            for _ in 0..<random.int(in: 1...2) { breachMonths.insert(launchMonth.adding(random.int(in: 0...(months - 1)))) }
        }
        let lastDataMonth = feedStops ? asOf.adding(-2) : asOf
        var restatements: [Month: Int] = [:]
        // Every third project (and a few others) has an export that corrects an earlier month, one or two months later.
        if months >= 4, index % 3 == 0 || random.chance(0.15) {
            for _ in 0..<random.int(in: 1...2) {
                let month = launchMonth.adding(random.int(in: 0...(lastDataMonth.ordinal - 2 - launchMonth.ordinal)))
                restatements[month] = random.int(in: 1...2)
            }
        }

        let investments: [(date: Day, amount: Int, label: String)] = {
            var list = [(date: subtracting(random.int(in: 15...60), from: launch), amount: random.int(in: 8...90) * 5000,
                         label: random.pick(["Build and integration", "Model build and data platform", "Pilot build and security review"]))]
            if random.chance(0.4) {
                list.append((date: adding(random.int(in: 0...80), to: launch), amount: random.int(in: 2...12) * 5000,
                             label: random.pick(["Training for the first users", "Onboarding for later waves", "Change management"])))
            }
            return list
        }()
        var events: [(date: Day, label: String)] = []
        if random.chance(0.5) {
            let month = dataStart.adding(random.int(in: 0...(launchMonth.ordinal - dataStart.ordinal + months - 1)))
            events.append((date: workingDay(Day(year: month.year, month: month.month, day: random.int(in: 1...20))),
                           label: random.pick(["Policy change shifted the mix of \(domain.items)", "Peak-season staffing changes",
                                               "Upstream system outage for two days", "New product line launched",
                                               "Team restructured under a new manager"])))
        }
        var amendment: (date: Day, reason: String, percent: Int, by: Month)?
        if months >= 9, random.chance(0.08) {
            let month = launchMonth.adding(random.int(in: 4...(months - 3)))
            amendment = (date: workingDay(Day(year: month.year, month: month.month, day: random.int(in: 3...20))),
                         reason: random.pick(["Target lowered at the quarterly review: an earlier process change already took the easiest savings.",
                                              "Scope narrowed after the review; the sponsor asked for more time."]),
                         percent: max(3, targetPercent / 2), by: launchMonth.adding(months + 5))
        }

        return Plan(
            index: index, id: id, domain: domain, title: title, sponsor: sponsor, owner: ownerName + ", " + domain.ownerTeam,
            buildTeam: [builder, domain.buildTeam], method: method, seasonal: seasonal, agreed: agreed, launch: launch,
            dataStart: dataStart, baselineFrom: baselineFrom, baselineTo: launchMonth.adding(-1), lastDataMonth: lastDataMonth,
            treatment: treatment, control: control, waves: waves, segments: segments, daily: daily, metrics: metrics,
            story: story, effect: effect, rampMonths: Double(random.int(in: 1...4)), targetPercent: targetPercent,
            targetRelative: random.chance(0.85), targetBy: launchMonth.adding(random.int(in: 11...17)),
            eligible: random.int(in: 4...40) * 5, adoptionCeiling: random.double(in: 0.35...0.95),
            adoptionPace: random.double(in: 0.5...3), seasonAmplitude: seasonal ? random.double(in: 0.02...0.06) : random.double(in: 0...0.01),
            seasonPhase: random.int(in: 0...11), trend: random.double(in: -0.0015...0.0015),
            covariateWeight: method == .regression ? random.double(in: 0.3...0.8) : 0, volumeGrowth: random.double(in: -0.002...0.008),
            exportDay: random.int(in: 2...6), baselineOff: random.chance(0.06) ? random.pick([0.9, 1.08, 1.12]) : nil,
            selfGraded: selfGraded, breachMonths: breachMonths, costGap: random.chance(0.05) ? launchMonth.adding(random.int(in: 0...(months - 1))) : nil,
            restatements: restatements, amendment: amendment, investments: investments, events: events)
    }

    /// 10 to 18 metrics across the five layers.
    private static func metricPlans(domain: Domain, daily: Bool, random: inout SeededRandom) -> [MetricPlan] {
        func metric(_ id: String, _ name: String, _ layer: String, _ unit: String, _ aggregate: String, decimals: Int,
                    daily: Bool = false, _ draw: Draw, direction: String? = nil, slo: (String, Double)? = nil, beforeLaunch: Bool = false) -> MetricPlan {
            MetricPlan(id: id, name: name, layer: layer, unit: unit, aggregate: aggregate, direction: direction,
                       slo: slo.map { (key: $0.0, value: $0.1) }, decimals: decimals, daily: daily, draw: draw, beforeLaunch: beforeLaunch)
        }
        var list: [MetricPlan] = [
            metric(domain.outcome.id, domain.outcome.name, "outcome", domain.outcome.unit, "mean", decimals: domain.decimals,
                   daily: daily, .outcome, direction: domain.increaseIsBetter ? "increase" : "decrease", beforeLaunch: true),
            metric(domain.volume.id, domain.volume.name, "volume", domain.volume.unit, "sum", decimals: 0, daily: daily, .volume, beforeLaunch: true),
        ]
        if random.chance(0.4) {
            list.append(metric("open_backlog", "Open \(domain.items) at month end", "volume", domain.items, "last", decimals: 0, .backlog, beforeLaunch: true))
        }

        let latency = Double(random.int(in: 8...25) * 100)
        list.append(metric("latency_p95", "Response latency p95", "system", "ms", "max", decimals: 0, daily: daily,
                           .latency(typical: latency), slo: ("max", ((latency * 1.45) / 100).rounded() * 100)))
        list.append(metric("error_rate", "Failed requests", "system", "%", "mean", decimals: 2, daily: daily,
                           .lowPercent(typical: random.double(in: 0.3...1.1)), slo: ("max", 2)))
        let systemPool: [MetricPlan] = [
            metric("eval_pass", "Answer quality checks passed", "system", "%", "mean", decimals: 1, daily: daily,
                   .highPercent(typical: random.double(in: 92...97)), slo: ("min", 90)),
            metric("availability", "Availability", "system", "%", "mean", decimals: 2, daily: daily, .availability, slo: ("min", 99.5)),
            metric("retrieval_hit_rate", "Retrieval hit rate", "system", "%", "mean", decimals: 1, daily: daily,
                   .highPercent(typical: random.double(in: 85...93)), slo: ("min", 80)),
            metric("guardrail_block_rate", "Responses blocked by guardrails", "system", "%", "mean", decimals: 2, daily: daily,
                   .lowPercent(typical: random.double(in: 0.4...1.6)), slo: ("max", 3)),
        ]
        list += random.pick(random.int(in: 1...3), of: systemPool)

        list.append(metric(domain.users.id, domain.users.name, "usage", domain.users.people, "last", decimals: 0, .adopters))
        if random.chance(0.25) {
            list.append(metric("eligible_users", "Eligible \(domain.users.people)", "usage", domain.users.people, "last", decimals: 0, .eligible))
        }
        let usagePool: [MetricPlan] = [
            metric("sessions_per_user", "Sessions per user", "usage", "sessions", "mean", decimals: 1, daily: daily,
                   .perUser(typical: random.double(in: 3...12))),
            metric("assist_rate", "Share of \(domain.items) with a suggestion used", "usage", "%", "mean", decimals: 1, daily: daily, .assistShare),
            metric("suggestions_accepted", "Suggestions accepted", "usage", "%", "mean", decimals: 1, daily: daily,
                   .acceptance(typical: random.double(in: 55...80))),
            metric("weekly_active", "Weekly active users", "usage", "users", "last", decimals: 0, .weeklyActive),
        ]
        list += random.pick(random.int(in: 1...3), of: usagePool)

        list.append(metric("model_cost", "Model usage", "cost", "USD", "sum", decimals: 2, daily: daily, .modelCost(perItem: random.double(in: 0.004...0.06))))
        let costPool: [MetricPlan] = [
            metric("infra_cost", "Infrastructure", "cost", "USD", "sum", decimals: 2, .fixedCost(monthly: random.double(in: 1500...9000))),
            metric("ops_cost", "Operations time", "cost", "USD", "sum", decimals: 0, .opsCost(monthly: random.double(in: 2000...12000))),
            metric("licence_fee", "Platform licence", "cost", "USD", "sum", decimals: 0,
                   .licence(monthly: Double(random.int(in: 4...30) * 500))),
        ]
        list += random.pick(random.int(in: 1...3), of: costPool)
        if list.count < 10, let extra = usagePool.first(where: { candidate in !list.contains { $0.id == candidate.id } }) {
            list.append(extra)
        }
        return list
    }
}

extension SampleGenerator.Draw {
    /// Whether the metric is neither the outcome nor the volume, which are drawn with the segments.
    var isOther: Bool {
        switch self {
        case .outcome, .volume: false
        default: true
        }
    }
}
