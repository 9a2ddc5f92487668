import ArgumentParser
import BookCommands
import BookKit
import BookServe
import Foundation

/// `book serve`: the site over HTTP, rebuilt as chapters are saved, open pages reloaded. An
/// executable of its own (`book serve` runs it), so that the HTTP server's libraries (FlyingFox
/// links Foundation's networking: curl, TLS) are loaded only while serving.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the HTML book on this machine, rebuilding it and reloading open pages as chapters change.",
        discussion: "Builds run as for `book build` (only chapters whose programs changed run again); a failed build leaves the last good pages up with its errors shown over them. Nothing is written to the build folder. Ctrl-C stops.")

    @OptionGroup var chapterOptions: ChapterOptions

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on; other machines can reach the book only if this is not a loopback address.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the book in the desktop's browser (xdg-open).")
    var open = false

    func validate() throws {
        try chapterOptions.validate()
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let console = Console(quiet: chapterOptions.quiet)
        let options = chapterOptions.buildOptions()
        // A wrong folder is a typo to report now, not a server that waits for chapters forever.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.chapters.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw fail(.chaptersFolderMissing(options.displayRoot))
        }
        let server = BookServer(chapters: options.chapters, options: ServeOptions(host: host, port: UInt16(port)),
                                makeProject: { ChapterOptions.project(options, console: console) },
                                events: { Self.report($0, console: console) })
        let url: URL
        do { url = try await server.start() } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
        // Printed even when quiet: without it the server cannot be found.
        FileHandle.standardOutput.write(Data("serving \(url.absoluteString) (Ctrl-C stops)\n".utf8))
        if open { Self.openInBrowser(url) }
        let signal = await StopSignals.next()
        await server.stop()
        console.line("stopped (\(signal))")
    }

    /// One line per build; a failure's diagnostics go to stderr in full, as `book build` prints them.
    private static func report(_ event: ServeEvent, console: Console) {
        console.muteChapterLines()
        switch event {
        case .built(let report, let changed, let duration):
            FileHandle.standardError.write(Data(report.warnings.map { $0.description + "\n" }.joined().utf8))
            console.line("built \(counted(report.chapters, "chapter"))\(Self.cause(changed)) in \(Self.seconds(duration))")
        case .failed(let error, let changed, let duration):
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            console.line("build failed\(Self.cause(changed)) in \(Self.seconds(duration)); serving the last good pages")
        }
    }

    private static func cause(_ changed: [String]) -> String {
        changed.isEmpty ? "" : " after a change to " + (changed.count == 1 ? changed[0] : counted(changed.count, "file"))
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    private static func openInBrowser(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("note: could not open a browser (\(error.localizedDescription)); open \(url.absoluteString)\n".utf8))
        }
    }
}
