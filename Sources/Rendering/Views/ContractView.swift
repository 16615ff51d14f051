import Analysis
import Model

/// The outcome contract as agreed, with its amendments, for the project home and methodology pages.
struct ContractView: Sendable {
    struct Field: Sendable { var name: String; var value: String }
    struct MetricRow: Sendable { var id: String; var name: String; var layer: String; var unit: String; var aggregate: String; var detail: String }
    struct AmendmentRow: Sendable { var date: String; var reason: String; var target: String }

    var fields: [Field]
    var metrics: [MetricRow]
    var amendments: [AmendmentRow]
    var hasAmendments: Bool
    var caveats: [ContractView.Field]

    init(_ contract: OutcomeContract, settings: SiteSettings) {
        let attribution = contract.attribution
        var fields: [Field] = [
            Field(name: "Sponsor", value: contract.sponsor),
            Field(name: "Tracking owner", value: contract.owner),
            Field(name: "Build team", value: contract.buildTeam.isEmpty ? "—" : contract.buildTeam.joined(separator: ", ")),
            Field(name: "Agreed", value: Format.day(contract.agreed)),
            Field(name: "Launch", value: Format.day(contract.launch)),
            Field(name: "Cadence", value: contract.cadence),
            Field(name: "Outcome", value: (contract.outcome?.name ?? contract.outcomeMetric) + " (" + (contract.outcome?.direction?.rawValue ?? "") + " is better)"),
            Field(name: "Baseline", value: "\(Format.shortMonth(contract.baseline.from)) to \(Format.shortMonth(contract.baseline.to))"
                  + (contract.baseline.value.map { ", agreed value " + Format.number($0, unit: contract.outcome?.unit ?? "") } ?? "")),
            Field(name: "Target (as agreed)", value: "\(contract.target.text) by \(Format.shortMonth(contract.target.by))"),
            Field(name: "Attribution", value: attribution.method.words + (attribution.seasonality == .monthOfYear ? ", with month-of-year seasonality" : "")),
        ]
        if !attribution.treatment.isEmpty { fields.append(Field(name: "Treatment", value: attribution.treatment.joined(separator: ", "))) }
        if !attribution.control.isEmpty { fields.append(Field(name: "Control", value: attribution.control.joined(separator: ", "))) }
        if !attribution.waves.isEmpty {
            fields.append(Field(name: "Waves", value: attribution.waves.map { "\($0.segment) from \(Format.day($0.goLive))" }.joined(separator: "; ")))
        }
        if !attribution.covariates.isEmpty { fields.append(Field(name: "Covariates", value: attribution.covariates.joined(separator: ", "))) }
        if let adoption = contract.adoption {
            let eligible: String = switch adoption.eligible {
            case .count(let count): Format.count(count)
            case .metric(let id): "the metric \(id)"
            }
            fields.append(Field(name: "Adoption", value: "\(adoption.metric) out of \(eligible) eligible"))
        }
        if let value = contract.value {
            fields.append(Field(name: "Value", value: Format.money(value.perUnit, currency: settings.currency) + " per unit of improvement" + (value.volume.map { " per unit of \($0)" } ?? "")))
        }
        for investment in contract.investment {
            fields.append(Field(name: "Investment", value: "\(Format.day(investment.date)): \(Format.money(investment.amount, currency: settings.currency)) (\(investment.label))"))
        }
        self.fields = fields
        metrics = contract.metrics.map { metric in
            var detail: [String] = []
            if let direction = metric.direction { detail.append(direction.rawValue + " is better") }
            if let min = metric.sloMin { detail.append("SLO ≥ " + Format.number(min, unit: metric.unit)) }
            if let max = metric.sloMax { detail.append("SLO ≤ " + Format.number(max, unit: metric.unit)) }
            return MetricRow(id: metric.id, name: metric.name, layer: metric.layer.rawValue, unit: metric.unit,
                             aggregate: metric.aggregate.rawValue, detail: detail.joined(separator: "; "))
        }
        amendments = contract.amendments.map { amendment in
            AmendmentRow(date: Format.day(amendment.date), reason: amendment.reason,
                         target: amendment.target.map { "\($0.text) by \(Format.shortMonth($0.by))" } ?? "unchanged")
        }
        hasAmendments = !amendments.isEmpty
        caveats = attribution.caveats.map { Field(name: "", value: $0) }
    }
}
