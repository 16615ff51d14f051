import ArgumentParser
import Foundation
import Preview

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on 127.0.0.1, rebuilding and reloading open pages when content or templates change.")

    @Option(help: "The port (0 picks a free one).") var port: UInt16 = 1313
    @Option(help: "The content directory.") var content = "content"
    @Option(help: "The templates directory.") var templates = "templates"

    func run() throws {
        let server = PreviewServer(content: content, templates: templates, port: port) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        // Ctrl-C or a terminate signal: remove what must not outlive this preview, then exit.
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                server.stop()
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
        Task {
            do {
                try await server.run()
            } catch let unavailable as PreviewServer.PortUnavailable {
                FileHandle.standardError.write(Data("error: \(unavailable.message)\n".utf8))
                server.stop()
                Foundation.exit(1)
            } catch {
                FileHandle.standardError.write(Data("error: the preview server stopped: \(error)\n".utf8))
                server.stop()
                Foundation.exit(1)
            }
        }
        withExtendedLifetime(signals) { dispatchMain() }
    }
}
