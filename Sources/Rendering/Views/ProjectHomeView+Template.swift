extension ProjectHomeView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "projectTitle": .text(projectTitle),
            "summary": .text(summary),
            "contract": contract.templateValue,
            "months": .list(of: months),
            "decisions": .list(of: decisions),
            "hasDecisions": .bool(hasDecisions),
            "notes": .list(of: notes),
            "hasNotes": .bool(hasNotes),
        ])
    }
}

extension ProjectHomeView.MonthRow: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "month": .text(month),
            "link": .text(link),
            "status": .text(status),
            "statusClass": .text(statusClass),
            "statusIcon": .text(statusIcon),
            "effect": .text(effect),
            "move": .text(move),
            "warnings": .text(warnings),
        ])
    }
}

extension ProjectHomeView.Entry: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["date": .text(date), "heading": .text(heading), "meta": .text(meta), "bodyHTML": .text(bodyHTML)])
    }
}
