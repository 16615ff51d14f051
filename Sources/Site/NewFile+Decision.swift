import Foundation
import Model

extension NewFile {
    /// `yardstick new decision PROJECT --review 2026-Q3`: `decisions/<date>-<yyyy>-q<n>-review.md`.
    ///
    /// Without `decision` the file says `decision: TODO`, which `yardstick check` reports as an error until the move
    /// taken at the review is written in. An existing file is never replaced.
    public static func decision(project: String, review: String, decision: String? = nil, date: Day,
                                content: String) throws(Failure) -> Created {
        let folder = try requireProject(project, content: content)
        let decisions = join(folder, "decisions")
        guard let quarter = Quarter(review) else {
            let hint = Quarter(review.uppercased()).map { " (write it as \($0))" } ?? ""
            throw refuse("bad-quarter", "review '\(review)' should be a quarter YYYY-Qn such as 2026-Q3, with n from 1 to 4\(hint)",
                         at: decisions)
        }
        var move: Decision.Move?
        if let decision {
            guard let parsed = Decision.Move(rawValue: decision) else {
                let allowed = Decision.Move.allCases.map(\.rawValue).joined(separator: ", ")
                throw refuse("wrong-value", "decision '\(decision)' should be one of \(allowed)", at: decisions)
            }
            move = parsed
        }
        let name = "\(date)-\(quarter.description.lowercased())-review.md"
        guard let path = try writeNew(decisionText(date: date, review: quarter, move: move), in: decisions, names: [name]) else {
            throw refuse("file-exists", "\(name) exists already; edit it rather than writing a second decision for \(quarter) today",
                         at: join(decisions, name))
        }
        return Created(path: path, files: [path])
    }

    /// The decision's text: front matter, then a placeholder rationale.
    static func decisionText(date: Day, review: Quarter, move: Decision.Move?) -> String {
        let moves = Decision.Move.allCases.map(\.rawValue).joined(separator: " | ")
        return """
        ---
        date: \(date)
        \(line("review", review.description, comment: "the review this decision closes"))
        \(line("decision", move?.rawValue ?? "TODO", comment: moves))
        ---
        TODO: the rationale, in plain Markdown: what the evidence showed at the review and why this move follows.

        """
    }
}
