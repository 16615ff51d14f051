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
        Task {
            do {
                try await server.run()
            } catch {
                FileHandle.standardError.write(Data("error: the preview server stopped: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        dispatchMain()
    }
}
