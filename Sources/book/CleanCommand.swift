import ArgumentParser
import BookCommands
import BookKit

/// `book clean`: removes the result cache and the site `book build` wrote.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Removes the result cache (.build-cache beside the chapters) and the output folder book build wrote.")

    @OptionGroup var chapterOptions: ChapterOptions

    @Option(name: .long, help: "The output folder to remove.")
    var output: String = "build"

    func run() throws {
        do {
            for path in try chapterOptions.project(output: output).clean() where !chapterOptions.quiet { print("removed \(path)") }
        } catch {
            throw fail(error)
        }
    }
}
