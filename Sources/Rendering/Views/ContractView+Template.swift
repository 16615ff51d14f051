extension ContractView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "fields": .list(of: fields),
            "metrics": .list(of: metrics),
            "amendments": .list(of: amendments),
            "hasAmendments": .bool(hasAmendments),
            "caveats": .list(of: caveats),
        ])
    }
}

extension ContractView.Field: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["name": .text(name), "value": .text(value)])
    }
}

extension ContractView.MetricRow: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "id": .text(id),
            "name": .text(name),
            "layer": .text(layer),
            "unit": .text(unit),
            "aggregate": .text(aggregate),
            "detail": .text(detail),
        ])
    }
}

extension ContractView.AmendmentRow: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["date": .text(date), "reason": .text(reason), "target": .text(target)])
    }
}
