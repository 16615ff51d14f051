import Analysis
import Model

extension ProjectDigest {
    /// Appends the digest to a build-cache archive.
    public func archive(into writer: inout ArchiveWriter) {
        writer.string(id)
        writer.bool(changedCourse)
        absent.archive(into: &writer)
        writer.map(monthRows) { $1.archive(into: &$0) }
        writer.map(editionRows) { $1.archive(into: &$0) }
        writer.map(reviews) { writer, entry in
            for field in [entry.month, entry.title, entry.target, entry.status, entry.statusClass, entry.statusIcon, entry.effect,
                          entry.net, entry.recommendation, entry.decision, entry.decisionClass, entry.decisionHTML] {
                writer.string(field)
            }
        }
        writer.map(years) { writer, entry in
            for field in [entry.month, entry.state.rawValue, entry.title, entry.status, entry.statusClass, entry.statusIcon,
                          entry.effect, entry.cumulativeNet, entry.decisions, entry.sparkHTML] {
                writer.string(field)
            }
        }
    }

    /// Reads a digest that `archive(into:)` wrote.
    public init(from reader: inout ArchiveReader) throws(ArchiveReader.Malformed) {
        id = try reader.string()
        changedCourse = try reader.bool()
        absent = try Figures(from: &reader)
        monthRows = try reader.map { reader throws(ArchiveReader.Malformed) in try Figures(from: &reader) }
        editionRows = try reader.map { reader throws(ArchiveReader.Malformed) in try Figures(from: &reader) }
        reviews = try reader.map { reader throws(ArchiveReader.Malformed) in
            ReviewFigures(month: try reader.string(), title: try reader.string(), target: try reader.string(), status: try reader.string(),
                          statusClass: try reader.string(), statusIcon: try reader.string(), effect: try reader.string(),
                          net: try reader.string(), recommendation: try reader.string(), decision: try reader.string(),
                          decisionClass: try reader.string(), decisionHTML: try reader.string())
        }
        years = try reader.map { reader throws(ArchiveReader.Malformed) in
            let month = try reader.string()
            guard let state = Status(rawValue: try reader.string()) else { throw ArchiveReader.Malformed() }
            return YearFigures(month: month, state: state, title: try reader.string(), status: try reader.string(),
                               statusClass: try reader.string(), statusIcon: try reader.string(), effect: try reader.string(),
                               cumulativeNet: try reader.string(), decisions: try reader.string(), sparkHTML: try reader.string())
        }
    }
}

extension ProjectDigest.Figures {
    func archive(into writer: inout ArchiveWriter) {
        for field in [title, method, status, statusClass, statusIcon, effect, target, adoption, system, systemClass, net, warnings, sparkHTML] {
            writer.string(field)
        }
    }

    init(from reader: inout ArchiveReader) throws(ArchiveReader.Malformed) {
        self.init(title: try reader.string(), method: try reader.string(), status: try reader.string(), statusClass: try reader.string(),
                  statusIcon: try reader.string(), effect: try reader.string(), target: try reader.string(), adoption: try reader.string(),
                  system: try reader.string(), systemClass: try reader.string(), net: try reader.string(), warnings: try reader.string(),
                  sparkHTML: try reader.string())
    }
}
