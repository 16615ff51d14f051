import Foundation
import Model
import Rendering

/// What a successful build leaves beside its output (`.<output>.cache/`) so that the next build can skip the
/// projects whose inputs did not change: their analyses are not redone and their pages are linked from the
/// previous site, while the portfolio-wide pages are rebuilt from the kept digests.
///
/// Nothing here is trusted beyond a fingerprint match: a missing, unreadable or older-format cache, a different
/// `yardstick` executable, other shared inputs (settings, events, editions, templates) or a site whose
/// manifest.json is not the one this cache recorded all mean a clean build.
struct BuildCache {
    /// A file of the site and the SHA-256 of its bytes, as in manifest.json.
    struct Output: Sendable {
        var path: String
        var sha: String
    }

    /// What is kept of one project.
    struct ProjectEntry: Sendable {
        /// The fingerprint of the project folder's files.
        var fingerprint: String
        /// The input files the loader read, relative to the content directory.
        var inputs: [String]
        /// The loader's diagnostics for the project.
        var loadDiagnostics: [Diagnostic]
        /// The warnings of the project's latest month (as `yardstick check` prints them).
        var analysisDiagnostics: [Diagnostic]
        /// The latest month with outcome data that a later export covers (for the reporting month).
        var latestOutcomeMonth: String?
        /// The project's files in the site.
        var outputs: [Output]
        /// What the portfolio-wide pages show of it.
        var digest: ProjectDigest
    }

    /// The cache format and the executable that wrote it.
    var version: String
    /// The fingerprint of the shared inputs and the options that shape the output.
    var shared: String
    /// The month reported.
    var reportingMonth: String?
    /// The SHA-256 of the manifest.json the build wrote.
    var manifest: String
    /// The files of the site that belong to no project (portfolio pages, assets, feed, manifest…).
    var sharedOutputs: [Output]
    /// Per project id.
    var projects: [String: ProjectEntry]
    /// The scan of the inputs, in the scan's order.
    var files: [(path: String, stamp: InputScan.Stamp)]

    /// The cache folder for an output directory.
    static func directory(for output: String) -> URL {
        let target = URL(fileURLWithPath: LexicalPath.absolute(output))
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).cache")
    }

    /// This format, this executable: a rebuilt `yardstick` may render differently, so its cache is not reused.
    static let currentVersion: String = {
        var status = stat()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let identity = stat(executable, &status) == 0
            ? "\(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)-\(status.st_ino)" : "unknown"
        return "1 \(Generator.name) \(identity)"
    }()

    /// The cache beside `output`, or nil when there is none that this executable can use. A project whose own
    /// file is missing or does not match the state is left out (and so rebuilt).
    static func load(for output: String) -> BuildCache? {
        let folder = directory(for: output)
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("state.bin").path) else { return nil }
        var reader = ArchiveReader([UInt8](data))
        var listed: [String: String] = [:]
        guard var cache = try? BuildCache(from: &reader, fingerprints: &listed), reader.isAtEnd else { return nil }
        let version = cache.version
        let projects = Array(listed)
        let entries = Parallel.map(projects) { id, fingerprint -> ProjectEntry? in
            guard let bytes = FileManager.default.contents(atPath: projectFile(id, in: folder).path) else { return nil }
            var reader = ArchiveReader([UInt8](bytes))
            guard let entry = try? entry(from: &reader, version: version, id: id), reader.isAtEnd,
                  entry.fingerprint == fingerprint
            else { return nil }
            return entry
        }
        for ((id, _), entry) in zip(projects, entries) { cache.projects[id] = entry }
        return cache
    }

    /// Writes the cache beside `output`: the file of each project in `rewriting` (and of any project that has none),
    /// then the state, each atomically; a project file names its fingerprint, so a build stopped in between leaves
    /// files that the state either matches or does not use. Failures only cost the next build its shortcut.
    func save(for output: String, rewriting: Set<String>) {
        let manager = FileManager.default
        let folder = Self.directory(for: output)
        try? manager.createDirectory(at: folder.appendingPathComponent("projects"), withIntermediateDirectories: true)
        let changed = projects.filter { id, _ in rewriting.contains(id) || access(Self.projectFile(id, in: folder).path, F_OK) != 0 }.map { $0 }
        let version = version
        Parallel.forEach(changed.count) { index in
            let (id, entry) = changed[index]
            var writer = ArchiveWriter()
            Self.archive(entry, id: id, version: version, into: &writer)
            Self.replace(Self.projectFile(id, in: folder).path, with: writer.bytes)
        }
        var writer = ArchiveWriter()
        archive(into: &writer)
        Self.replace(folder.appendingPathComponent("state.bin").path, with: writer.bytes)
        for name in (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent("projects").path)) ?? []
        // Files of projects that are gone, and halves of files a killed build was writing.
        where name.hasSuffix(".bin") ? projects[String(name.dropLast(4))] == nil : name.contains(".bin.new-") {
            try? manager.removeItem(at: folder.appendingPathComponent("projects/" + name))
        }
    }

    /// Writes a file whole under a temporary name and renames it over `path`. Not synced to disk: the cache only
    /// saves work, and a file cut short by a crash fails its format check and costs a rebuild of what it held.
    private static func replace(_ path: String, with bytes: [UInt8]) {
        let temporary = path + ".new-\(getpid())"
        if OutputWriter.writeBytes(bytes, to: temporary), rename(temporary, path) == 0 { return }
        unlink(temporary)
    }

    private static func projectFile(_ id: String, in folder: URL) -> URL {
        folder.appendingPathComponent("projects/\(id).bin")
    }
}

extension BuildCache {
    /// The state: everything but the projects' entries, which have a file each (only their fingerprints here).
    fileprivate func archive(into writer: inout ArchiveWriter) {
        writer.string(version)
        writer.string(shared)
        writer.optional(reportingMonth)
        writer.string(manifest)
        writer.list(sharedOutputs) { writer, output in
            writer.string(output.path)
            writer.string(output.sha)
        }
        writer.map(projects) { $0.string($1.fingerprint) }
        writer.list(files) { writer, file in
            writer.string(file.path)
            for number in [file.stamp.size, file.stamp.modified, file.stamp.changed, Int64(bitPattern: file.stamp.inode)] { writer.int(Int(number)) }
            writer.string(file.stamp.sha)
        }
    }

    /// Reads the state, without the projects' entries; `fingerprints` gets the fingerprint of each listed project.
    fileprivate init(from reader: inout ArchiveReader, fingerprints: inout [String: String]) throws(ArchiveReader.Malformed) {
        version = try reader.string()
        // Stop early on another executable's cache: its layout may differ.
        guard version == Self.currentVersion else { throw ArchiveReader.Malformed() }
        shared = try reader.string()
        reportingMonth = try reader.optional()
        manifest = try reader.string()
        sharedOutputs = try reader.list { reader throws(ArchiveReader.Malformed) in Output(path: try reader.string(), sha: try reader.string()) }
        projects = [:]
        fingerprints = try reader.map { reader throws(ArchiveReader.Malformed) in try reader.string() }
        files = try reader.list { reader throws(ArchiveReader.Malformed) in
            (try reader.string(),
             InputScan.Stamp(size: Int64(try reader.int()), modified: Int64(try reader.int()), changed: Int64(try reader.int()),
                             inode: UInt64(bitPattern: Int64(try reader.int())), sha: try reader.string()))
        }
    }

    private static func archive(_ entry: ProjectEntry, id: String, version: String, into writer: inout ArchiveWriter) {
        writer.string(version)
        writer.string(id)
        writer.string(entry.fingerprint)
        writer.list(entry.inputs) { $0.string($1) }
        writer.list(entry.loadDiagnostics) { Self.archive($1, into: &$0) }
        writer.list(entry.analysisDiagnostics) { Self.archive($1, into: &$0) }
        writer.optional(entry.latestOutcomeMonth)
        writer.list(entry.outputs) { writer, output in
            writer.string(output.path)
            writer.string(output.sha)
        }
        entry.digest.archive(into: &writer)
    }

    private static func entry(from reader: inout ArchiveReader, version: String, id: String) throws(ArchiveReader.Malformed) -> ProjectEntry {
        guard try reader.string() == version, try reader.string() == id else { throw ArchiveReader.Malformed() }
        return ProjectEntry(
            fingerprint: try reader.string(),
            inputs: try reader.list { reader throws(ArchiveReader.Malformed) in try reader.string() },
            loadDiagnostics: try reader.list { reader throws(ArchiveReader.Malformed) in try Self.diagnostic(from: &reader) },
            analysisDiagnostics: try reader.list { reader throws(ArchiveReader.Malformed) in try Self.diagnostic(from: &reader) },
            latestOutcomeMonth: try reader.optional(),
            outputs: try reader.list { reader throws(ArchiveReader.Malformed) in Output(path: try reader.string(), sha: try reader.string()) },
            digest: try ProjectDigest(from: &reader))
    }

    private static func archive(_ diagnostic: Diagnostic, into writer: inout ArchiveWriter) {
        writer.string(diagnostic.path)
        writer.int(diagnostic.line)
        writer.int(diagnostic.column)
        writer.string(diagnostic.severity.rawValue)
        writer.string(diagnostic.code)
        writer.string(diagnostic.message)
    }

    private static func diagnostic(from reader: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Diagnostic {
        let path = try reader.string(), line = try reader.int(), column = try reader.int()
        guard let severity = Diagnostic.Severity(rawValue: try reader.string()) else { throw ArchiveReader.Malformed() }
        return Diagnostic(path: path, line: line, column: column, severity: severity, code: try reader.string(), message: try reader.string())
    }
}
