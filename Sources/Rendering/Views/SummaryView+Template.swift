extension SummaryView: TemplateRepresentable {
    var templateValue: TemplateValue {
        var fields: [String: TemplateValue] = [
            "root": .text(root),
            "page": page.templateValue,
            "projectTitle": .text(projectTitle),
            "projectID": .text(projectID),
            "owner": .text(owner),
            "monthWords": .text(monthWords),
            "edition": .text(edition),
            "restatement": .list(of: restatement),
            "hasRestatement": .bool(hasRestatement),
            "restatedFrom": .text(restatedFrom),
            "previousEditions": .list(of: previousEditions),
            "cutoff": .text(cutoff),
            "status": .text(status),
            "statusClass": .text(statusClass),
            "statusIcon": .text(statusIcon),
            "headline": .text(headline),
            "targetLine": .text(targetLine),
            "chartHTML": .text(chartHTML),
            "systemState": .text(systemState),
            "systemClass": .text(systemClass),
            "systemRows": .list(of: systemRows),
            "adoptionHeadline": .text(adoptionHeadline),
            "adoptionSparkHTML": .text(adoptionSparkHTML),
            "usageRows": .list(of: usageRows),
            "money": .list(of: money),
            "notesSummary": .text(notesSummary),
            "quotes": .list(of: quotes),
            "notes": .list(of: notes),
            "hasNotes": .bool(hasNotes),
            "working": .list(of: working),
            "notYet": .list(of: notYet),
            "nextMove": .text(nextMove),
            "rule": .text(rule),
            "events": .list(of: events),
            "warnings": .list(of: warnings),
            "hasWarnings": .bool(hasWarnings),
        ]
        // A nil optional leaves its key out, as reflection does.
        fields["editionLink"] = editionLink.map(TemplateValue.text)
        fields["amendedLine"] = amendedLine.map(TemplateValue.text)
        fields["methodCaveat"] = methodCaveat.map(TemplateValue.text)
        fields["onAdopters"] = onAdopters.map(TemplateValue.text)
        fields["decision"] = decision.map(TemplateValue.text)
        return .object(fields)
    }
}

extension SummaryView.Row: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "name": .text(name),
            "value": .text(value),
            "detail": .text(detail),
            "state": .text(state),
            "sparkHTML": .text(sparkHTML),
        ])
    }
}

extension SummaryView.Quote: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["text": .text(text), "who": .text(who)])
    }
}

extension SummaryView.Note: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "date": .text(date),
            "source": .text(source),
            "author": .text(author),
            "sentiment": .text(sentiment),
            "bodyHTML": .text(bodyHTML),
        ])
    }
}

extension SummaryView.Line: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["text": .text(text)])
    }
}

extension SummaryView.WarningItem: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["code": .text(code), "message": .text(message)])
    }
}

extension SummaryView.Link: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["label": .text(label), "link": .text(link)])
    }
}
