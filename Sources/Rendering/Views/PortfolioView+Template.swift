extension PortfolioView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "heading": .text(heading),
            "monthWords": .text(monthWords),
            "rows": .list(of: rows),
            "years": .list(of: years),
            "portfolioWarnings": .list(of: portfolioWarnings),
            "hasPortfolioWarnings": .bool(hasPortfolioWarnings),
        ])
    }
}

extension PortfolioView.ProjectRow: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "title": .text(title),
            "link": .text(link),
            "projectLink": .text(projectLink),
            "method": .text(method),
            "status": .text(status),
            "statusClass": .text(statusClass),
            "statusIcon": .text(statusIcon),
            "effect": .text(effect),
            "target": .text(target),
            "adoption": .text(adoption),
            "system": .text(system),
            "systemClass": .text(systemClass),
            "net": .text(net),
            "warnings": .text(warnings),
            "sparkHTML": .text(sparkHTML),
        ])
    }
}

extension PortfolioView.MonthLink: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["label": .text(label), "link": .text(link), "edition": .text(edition), "editions": .list(of: editions)])
    }
}

extension PortfolioView.EditionLink: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["label": .text(label), "link": .text(link)])
    }
}

extension PortfolioView.YearGroup: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["year": .text(year), "yearLink": .text(yearLink), "months": .list(of: months), "reviews": .list(of: reviews)])
    }
}
