import ArgumentParser
import Foundation

/// `book serve`: runs `book-serve`, built beside this tool, with the same arguments. The server
/// is an executable of its own so that its libraries (Foundation's networking) are not loaded by
/// every other command.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the HTML book on this machine, rebuilding it and reloading open pages as chapters change (see book serve --help).")

    @Argument(parsing: .captureForPassthrough, help: "book-serve's options: --chapters, --port, --host, --open, --quiet, ...")
    var arguments: [String] = []

    func run() throws {
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let server = tool.deletingLastPathComponent().appendingPathComponent("book-serve").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            FileHandle.standardError.write(Data("error: \(server) is missing; build it with swift build --product book-serve\n".utf8))
            throw ExitCode(1)
        }
        // The server takes this process's place: signals (Ctrl-C) reach it directly.
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        FileHandle.standardError.write(Data("error: cannot run \(server): \(String(cString: strerror(errno)))\n".utf8))
        throw ExitCode(1)
    }
}
