extension YearView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "heading": .text(heading),
            "summary": .text(summary),
            "projects": .list(of: projects),
            "reviews": .list(of: reviews),
        ])
    }
}

extension YearView.ProjectEntry: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "title": .text(title),
            "link": .text(link),
            "status": .text(status),
            "statusClass": .text(statusClass),
            "statusIcon": .text(statusIcon),
            "effect": .text(effect),
            "cumulativeNet": .text(cumulativeNet),
            "decisions": .text(decisions),
            "sparkHTML": .text(sparkHTML),
        ])
    }
}

extension YearView.Link: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["label": .text(label), "link": .text(link)])
    }
}
