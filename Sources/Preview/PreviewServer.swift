import CSupport
import FlyingFox
import Foundation
import Model
import Site

/// `yardstick serve`: builds the site, serves it on 127.0.0.1, rebuilds when content or templates change and
/// reloads open pages. The reload hook exists only in the responses of this server, never in the built files.
public final class PreviewServer: Sendable {
    private let content: String
    private let templates: String
    private let output: String
    private let port: UInt16
    private let state = PreviewState()
    private let log: @Sendable (String) -> Void

    /// The folder this server builds in when it is its own (a second preview of the same inputs), removed by `stop()`.
    private let temporaryFolder: String?

    /// Creates a server; `port` 0 picks a free port.
    ///
    /// The site is built in the user's cache folder (`$XDG_CACHE_HOME/yardstick/`, by default `~/.cache/yardstick/`),
    /// in a folder named after the absolute `content` and `templates` paths, and kept when the server stops, so
    /// that the next preview of the same folders starts with a warm build from the last one's cache (0.3 s at 200
    /// projects, against 9 s for a first build) and previews do not leave a site behind each time. Not in `/tmp`:
    /// a name there can be taken first by another user, who would then read the portfolio. A second preview of the
    /// same folders, started while the first runs (it holds a lock on the shared folder), builds in a folder of its
    /// own that `stop()` removes.
    public init(content: String, templates: String, port: UInt16, log: @escaping @Sendable (String) -> Void) {
        self.content = content
        self.templates = templates
        self.port = port
        self.log = log
        let base = Self.cacheFolder() + "/yardstick"
        let inputs = [content, templates].map(LexicalPath.absolute).joined(separator: "\n")
        let shared = base + "/preview-" + SHA256.hex(Array(inputs.utf8)).prefix(16)
        if Self.lockForLife(shared) {
            output = shared + "/site"
            temporaryFolder = nil
        } else {
            let own = base + "/preview-pid-\(getpid())"
            output = own + "/site"
            temporaryFolder = own
        }
    }

    /// `$XDG_CACHE_HOME`, else `$HOME/.cache`, else the temporary directory.
    private static func cacheFolder() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache" }
        return FileManager.default.temporaryDirectory.path
    }

    /// Takes the lock file of `folder` (made if missing) for as long as this process lives; false if another holds it.
    private static func lockForLife(_ folder: String) -> Bool {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return false }
        let descriptor = open(folder + "/serve.lock", O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return false
        }
        return true  // The descriptor stays open: the lock goes when the process does.
    }

    /// Why the server cannot listen on 127.0.0.1:`port`, or nil if it can (a socket is bound there and closed).
    static func portProblem(_ port: UInt16) -> String? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound != 0 else { return nil }
        let reason = errno == EADDRINUSE ? "is in use (another preview, or another server)" : "cannot be used: \(String(cString: strerror(errno)))"
        return "port \(port) on 127.0.0.1 \(reason); pass --port 0 to take a free one, or another --port"
    }

    /// The error `run` throws when the port is taken.
    public struct PortUnavailable: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Removes the folder of a second preview; the shared folder is kept for the next one.
    public func stop() {
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
    }

    /// Builds, then serves until the process ends.
    public func run() async throws {
        // A port in use is found before the first build, which at 200 projects takes seconds.
        if port != 0, let problem = Self.portProblem(port) { throw PortUnavailable(message: problem) }
        log("Building the preview in \(output)" + (temporaryFolder == nil ? "" : " (another preview of these folders is running)"))
        await rebuild(reason: "first build")
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        await server.appendRoute("GET /__yardstick/version") { [state] _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
                         body: Data(String(await state.version).utf8))
        }
        await server.appendRoute("GET /__yardstick/reload.js") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript", .cacheControl: "no-store"], body: Data(Self.reloadScript.utf8))
        }
        await server.appendRoute("GET *") { [self] request in await self.serve(request.path) }
        let watcher = Task { await watch() }
        defer { watcher.cancel() }
        Task {
            try await server.waitUntilListening()
            if case .ip4(_, let actual)? = await server.listeningAddress {
                log("Serving a preview on http://127.0.0.1:\(actual)/ (rebuilds when \(content) or \(templates) change; Ctrl-C stops)")
            }
        }
        try await server.run()
    }

    // MARK: - Building

    private func rebuild(reason: String) async {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = SiteBuilder.build(BuildOptions(content: content, output: output, templates: templates))
        let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        for diagnostic in outcome.diagnostics where diagnostic.severity == .error { log(diagnostic.description) }
        if outcome.failed {
            log("Rebuild failed (\(reason)); still serving the last good site")
        } else {
            let what = outcome.upToDate ? "Up to date" : outcome.projectsKept > 0 ? "Rebuilt \(outcome.projectsBuilt) of \(outcome.projectsBuilt + outcome.projectsKept) projects" : "Built"
            log(what + String(format: ": %d files in %.2f s (%@)", outcome.fileCount, seconds, reason))
        }
        await state.finished(errors: outcome.diagnostics.filter { $0.severity == .error })
        // A build's peak (460 MB for a first build of 200 projects) stays with the process otherwise: glibc keeps
        // freed memory for reuse. The preview runs all day; hand it back.
        ys_release_free_memory()
    }

    /// Rebuilds when an input changes: told by inotify where the system has it, otherwise by polling the inputs'
    /// names, sizes and modification times twice a second.
    private func watch() async {
        guard let watcher = DirectoryWatcher(roots: [content, templates]) else {
            log("Watching \(content) and \(templates) by polling them twice a second (no inotify watch could be added)")
            return await poll()
        }
        var built = 0
        for await _ in watcher.changes {
            // An editor's save or a `git checkout` comes as a burst of events: let it finish, then build once.
            try? await Task.sleep(for: .milliseconds(100))
            guard !Task.isCancelled else { return }
            let seen = watcher.generation
            guard seen != built else { continue }  // Arrived while waiting above: the last build covered it.
            built = seen
            await rebuild(reason: "a file changed")
        }
    }

    private func poll() async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            let now = fingerprint()
            if now != last {
                last = now
                await rebuild(reason: "a file changed")
            }
        }
    }

    private func fingerprint() -> [String] {
        var entries: [String] = []
        for root in [content, templates] {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            for case let path as String in enumerator {
                let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + path)
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries.append("\(root)/\(path)|\(size)|\(modified)")
            }
        }
        return entries.sorted()
    }

    // MARK: - Serving

    private func serve(_ rawPath: String) async -> HTTPResponse {
        let path = rawPath.removingPercentEncoding ?? rawPath
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return HTTPResponse(statusCode: .notFound) }
        var file = output + "/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue { file += "/index.html" }
        let errors = await state.errors
        guard let data = FileManager.default.contents(atPath: file) else {
            if file.hasSuffix(".html") || parts.isEmpty, !errors.isEmpty {
                return html(Self.inject(into: "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body></body></html>", errors: errors))
            }
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("not found".utf8))
        }
        guard file.hasSuffix(".html") else {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(file), .cacheControl: "no-store"], body: data)
        }
        return html(Self.inject(into: String(decoding: data, as: UTF8.self), errors: errors))
    }

    private func html(_ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(text.utf8))
    }

    /// Adds the reload script (allowing it in the page's CSP) and, after a failed rebuild, an overlay of the errors.
    static func inject(into page: String, errors: [Diagnostic]) -> String {
        var page = page.replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; script-src 'self'; connect-src 'self';")
        var addition = ""
        if !errors.isEmpty {
            let items = errors.map { "<li><code>" + escape($0.description) + "</code></li>" }.joined()
            addition += "<div id=\"yardstick-overlay\" role=\"alert\" style=\"position:fixed;inset:0 0 auto 0;max-height:60vh;overflow:auto;background:#fff3f3;color:#600;border-bottom:3px solid #b42318;padding:1rem;z-index:9999;font:14px/1.4 ui-monospace,monospace\">"
                + "<strong>The last rebuild failed; this is the last good site.</strong><ul>\(items)</ul></div>"
        }
        addition += "<script src=\"/__yardstick/reload.js\"></script>"
        if let range = page.range(of: "</body>", options: .backwards) {
            page.replaceSubrange(range, with: addition + "</body>")
        } else {
            page += addition
        }
        return page
    }

    static let reloadScript = """
    (function () {
      var seen = null;
      function poll() {
        fetch('/__yardstick/version', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (v) {
          if (seen !== null && v !== seen) { location.reload(); }
          seen = v;
        }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
      }
      poll();
    })();
    """

    static func contentType(_ file: String) -> String {
        switch (file as NSString).pathExtension {
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// What the last rebuild left: a version that changes on every rebuild, and its errors.
actor PreviewState {
    private(set) var version = 0
    private(set) var errors: [Diagnostic] = []

    func finished(errors: [Diagnostic]) {
        version += 1
        self.errors = errors
    }
}
