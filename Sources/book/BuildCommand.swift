import ArgumentParser
import BookKit
import Foundation

/// Options `build` and `check` share.
struct ChapterOptions: ParsableArguments {
    @Option(name: .long, help: "The chapters folder, holding <lang>/NN-name.md.")
    var chapters: String = "chapters"

    @Option(name: .long, parsing: .upToNextOption, help: "Languages to use (default: every language folder).")
    var language: [String] = []

    @Option(name: .long, help: "Longest time one step may run, in seconds.")
    var budget: Double = 30

    func validate() throws {
        guard budget.isFinite, budget > 0, budget <= 86_400 else {
            throw ValidationError("--budget must be a number of seconds between 0 and 86400")
        }
    }
}

/// Prints a failure the way compilers do and exits with status 1.
func fail(_ error: BuildError) -> ExitCode {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    return ExitCode(1)
}

/// `book build`: runs every step and writes the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Runs every chapter's steps and writes the HTML book (nothing is written when anything fails).")

    @OptionGroup var chapterOptions: ChapterOptions

    @Option(name: .long, help: "The site folder; replaced as a whole.")
    var output: String = "build"

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let options = BuildOptions(chapters: chapterOptions.chapters, output: output, languages: chapterOptions.language,
                                   budget: StepBudget(time: .milliseconds(Int(chapterOptions.budget * 1000))))
        let quiet = quiet
        let builder = BookBuilder(options: options) { line in if !quiet { print(line) } }
        do {
            let report = try builder.build()
            if !quiet { print("wrote \(report.files) files to \(output)/ (\(report.chapters) chapters, \(report.steps) steps)") }
        } catch {
            throw fail(error)
        }
    }
}

/// `book check`: runs every step and compares results with the output blocks.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Runs every chapter's steps, compares them with the output blocks and checks translations.")

    @OptionGroup var chapterOptions: ChapterOptions

    @Flag(name: .long, help: "Rewrite output blocks from the real results instead of reporting them.")
    var fix = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let options = BuildOptions(chapters: chapterOptions.chapters, languages: chapterOptions.language,
                                   budget: StepBudget(time: .milliseconds(Int(chapterOptions.budget * 1000))))
        let quiet = quiet
        let builder = BookBuilder(options: options) { line in if !quiet { print(line) } }
        do {
            let report = try builder.check(fix: fix)
            if !quiet {
                for file in report.fixedFiles { print("fixed output blocks in \(file)") }
                print("checked \(report.chapters) chapters, \(report.steps) steps")
            }
        } catch {
            throw fail(error)
        }
    }
}
