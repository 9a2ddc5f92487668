import ArgumentParser
import BookCommands
import BookKit

/// `book check`: runs every step and compares results with the output blocks.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Runs every chapter's steps, compares them with the output blocks and checks translations.")

    @OptionGroup var chapterOptions: ChapterOptions

    @Flag(name: .long, help: "Rewrite output blocks from the real results instead of reporting them.")
    var fix = false

    @Flag(name: .long, help: "Treat stale translated sections as errors, and compare every translation's sections, exercises, figures and glossary links with English, and each glossary's order.")
    var strict = false

    func run() throws {
        do {
            let result = try chapterOptions.project().check(fix: fix, strict: strict)
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
