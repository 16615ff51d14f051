extension PageFrame: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "siteTitle": .text(siteTitle),
            "organisation": .text(organisation),
            "title": .text(title),
            "root": .text(root),
            "stylesheet": .text(stylesheet),
        ])
    }
}
