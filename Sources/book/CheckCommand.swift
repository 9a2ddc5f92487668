import ArgumentParser
import BookKit

/// `book check`: runs every step and compares results with the output blocks.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Runs every chapter's steps, compares them with the output blocks and checks translations.")

    @OptionGroup var chapterOptions: ChapterOptions

    @Flag(name: .long, help: "Rewrite output blocks from the real results instead of reporting them.")
    var fix = false

    func run() throws {
        do {
            let result = try chapterOptions.project().check(fix: fix)
            report(result.warnings)
            if !chapterOptions.quiet {
                for file in result.fixedFiles { print("fixed output blocks in \(file)") }
                print("checked \(counted(result.chapters, "chapter")), \(counted(result.steps, "step"))")
            }
        } catch {
            throw fail(error)
        }
    }
}
