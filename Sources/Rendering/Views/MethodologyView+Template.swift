extension MethodologyView: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "projectTitle": .text(projectTitle),
            "monthWords": .text(monthWords),
            "contract": contract.templateValue,
            "baseline": .list(of: baseline),
            "method": .text(method),
            "model": .text(model),
            "modelFacts": .list(of: modelFacts),
            "coefficients": .list(of: coefficients),
            "hasCoefficients": .bool(hasCoefficients),
            "diagnostics": .list(of: diagnostics),
            "waves": .list(of: waves),
            "hasWaves": .bool(hasWaves),
            "adoption": .text(adoption),
            "costModel": .list(of: costModel),
            "assumptions": .list(of: assumptions),
            "restatements": .list(of: restatements),
            "hasRestatements": .bool(hasRestatements),
            "charts": .list(of: charts),
            "dataHeader": .list(of: dataHeader),
            "dataRows": .list(of: dataRows),
        ])
    }
}

extension MethodologyView.Chart: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["name": .text(name), "heading": .text(heading), "svgHTML": .text(svgHTML), "csv": .text(csv)])
    }
}

extension MethodologyView.Coefficient: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["name": .text(name), "estimate": .text(estimate), "se": .text(se), "t": .text(t), "p": .text(p)])
    }
}

extension MethodologyView.Item: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["text": .text(text)])
    }
}

extension MethodologyView.Wave: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["wave": .text(wave), "goLive": .text(goLive), "effect": .text(effect), "range": .text(range), "note": .text(note)])
    }
}

extension MethodologyView.DataRow: TemplateRepresentable {
    var templateValue: TemplateValue {
        .object(["month": .text(month), "cells": .list(of: cells)])
    }
}
