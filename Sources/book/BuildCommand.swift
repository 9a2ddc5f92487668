import ArgumentParser
import BookKit
import Foundation
import MicroGPTSteps

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

/// Prints warnings to stderr, as compilers do.
func report(_ warnings: [Diagnostic]) {
    for warning in warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
}

/// `book build`: runs every step and writes the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Runs every chapter's steps and writes the HTML book (nothing is written when anything fails).")

    @OptionGroup var chapterOptions: ChapterOptions

    @Option(name: .long, help: "The site folder; replaced as a whole.")
    var output: String = "build"

    @Option(name: .long, parsing: .upToNextOption, help: "Output formats: html (the site), epub (one book per language).")
    var format: [String] = ["html"]

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let options = BuildOptions(chapters: chapterOptions.chapters, output: output, languages: chapterOptions.language,
                                   budget: StepBudget(time: .milliseconds(Int(chapterOptions.budget * 1000))), formats: format)
        let quiet = quiet
        let project = Project(options: options, binding: MicroGPTBinding()) { line in if !quiet { print(line) } }
        do {
            let result = try project.build()
            report(result.warnings)
            if !quiet { print("wrote \(result.files) files to \(output)/ (\(result.chapters) chapters, \(result.steps) steps)") }
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
        let project = Project(options: options, binding: MicroGPTBinding()) { line in if !quiet { print(line) } }
        do {
            let result = try project.check(fix: fix)
            report(result.warnings)
            if !quiet {
                for file in result.fixedFiles { print("fixed output blocks in \(file)") }
                print("checked \(result.chapters) chapters, \(result.steps) steps")
            }
        } catch {
            throw fail(error)
        }
    }
}
