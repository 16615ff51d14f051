import Foundation
import Loading
import Model

/// `yardstick publish`: records a month's edition in `editions.yml`; the only write into the content directory.
public enum Publisher {
    /// What a publish did.
    public struct Outcome: Sendable {
        /// Errors and warnings.
        public var diagnostics: [Diagnostic]
        /// The edition recorded, when it succeeded.
        public var edition: Edition?
    }

    /// Publishes `month` with data up to `cutoff`; `today` bounds the cut-off so later exports cannot slip in.
    public static func publish(month: Month, cutoff: Day, today: Day, content: String) -> Outcome {
        let loaded = ContentLoader.load(directory: content)
        let editionsPath = content + "/editions.yml"
        var diagnostics = loaded.diagnostics.filter { $0.severity == .error }
        guard let portfolio = loaded.portfolio else { return Outcome(diagnostics: diagnostics, edition: nil) }
        diagnostics += EditionInputs.integrity(portfolio.editions, inputFiles: loaded.inputFiles, content: content, portfolio: portfolio)
        func refuse(_ message: String) -> Outcome {
            Outcome(diagnostics: diagnostics + [.error("publish-refused", message, at: SourceLocation(path: editionsPath))], edition: nil)
        }
        guard diagnostics.isEmpty else { return Outcome(diagnostics: diagnostics, edition: nil) }
        guard let asOf = SiteBuilder.reportingMonth(portfolio), month <= asOf else {
            return refuse("cannot publish \(month): it is after the last month with data to report (\(SiteBuilder.reportingMonth(portfolio).map(\.description) ?? "none"))")
        }
        guard portfolio.projects.contains(where: { $0.contract.launch.calendarMonth <= month }) else {
            return refuse("cannot publish \(month): no project had launched by then")
        }
        guard cutoff >= month.lastDay else {
            return refuse("the cut-off day \(cutoff) is before \(month) ends (\(month.lastDay)); a month is published after it is over")
        }
        guard cutoff <= today else {
            return refuse("the cut-off day \(cutoff) is in the future; exports made after publishing would change the edition")
        }
        let previous = portfolio.editions.filter { $0.month == month }
        if let last = previous.last, cutoff < last.cutoff {
            return refuse("the cut-off day \(cutoff) is earlier than that of \(month) v\(last.version) (\(last.cutoff)); an edition cannot go back in time")
        }
        let inputs = EditionInputs.fingerprints(EditionInputs.used(by: cutoff, among: loaded.inputFiles), content: content,
                                                portfolio: portfolio, cutoff: cutoff)
        let edition = Edition(month: month, version: previous.count + 1, cutoff: cutoff, generator: Generator.name, inputs: inputs)

        var text = (FileManager.default.contents(atPath: editionsPath).map { String(decoding: $0, as: UTF8.self) })
            ?? "# Published editions, written by 'yardstick publish'. Do not edit: every edition must stay reproducible.\n"
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += "- month: \(edition.month)\n  version: \(edition.version)\n  cutoff: \(edition.cutoff)\n  generator: \(edition.generator)\n  inputs:\n"
        for (path, hash) in inputs.sorted(by: { $0.key < $1.key }) { text += "    \(path): \(hash)\n" }
        do {
            let temporary = editionsPath + ".tmp-\(getpid())"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, editionsPath) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            return refuse("could not write \(editionsPath): \(error.localizedDescription)")
        }
        return Outcome(diagnostics: [], edition: edition)
    }
}
