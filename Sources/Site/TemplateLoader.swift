import Foundation
import Model
import Rendering

/// Reads the templates directory: `*.mustache` files and everything under `assets/`.
enum TemplateLoader {
    static func load(directory: String) -> (TemplateSet?, [Diagnostic]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            return (nil, [.error("missing-templates", "no templates directory at '\(directory)'; pass --templates DIR", at: SourceLocation(path: directory))])
        }
        var templates: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("template-unreadable", "cannot read the template as UTF-8 text", at: SourceLocation(path: path)))
                continue
            }
            templates[String(name.dropLast(".mustache".count))] = text
        }
        var assets: [String: [UInt8]] = [:]
        let assetRoot = directory + "/assets"
        if let enumerator = manager.enumerator(atPath: assetRoot) {
            for case let relative as String in enumerator {
                var isDirectory: ObjCBool = false
                let path = assetRoot + "/" + relative
                if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue, let data = manager.contents(atPath: path) {
                    assets[relative] = [UInt8](data)
                }
            }
        }
        let (set, templateDiagnostics) = TemplateSet.make(templates: templates, assets: assets, directory: directory)
        return (diagnostics.isEmpty ? set : nil, diagnostics + templateDiagnostics)
    }
}
