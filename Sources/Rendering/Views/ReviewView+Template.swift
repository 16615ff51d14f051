extension ReviewView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "heading": .text(heading),
            "period": .text(period),
            "projects": .list(of: projects),
        ])
    }
}

extension ReviewView.ProjectEntry: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "title": .text(title),
            "link": .text(link),
            "target": .text(target),
            "status": .text(status),
            "statusClass": .text(statusClass),
            "statusIcon": .text(statusIcon),
            "effect": .text(effect),
            "net": .text(net),
            "recommendation": .text(recommendation),
            "decision": .text(decision),
            "decisionClass": .text(decisionClass),
            "decisionHTML": .text(decisionHTML),
        ])
    }
}
