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

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Run every step anew instead of reusing results kept in .build-cache.")
    var noCache = false

    /// The book in these options, its steps on MicroGPT, reporting progress unless quiet.
    func project(output: String = "build", formats: [String] = ["html"]) -> Project {
        Self.project(buildOptions(output: output, formats: formats), console: Console(quiet: quiet))
    }

    /// The build options these command-line options stand for.
    func buildOptions(output: String = "build", formats: [String] = ["html"]) -> BuildOptions {
        var options = BuildOptions(chapters: chapters, output: output, languages: language,
                                   budget: StepBudget(time: .milliseconds(Int(budget * 1000))), formats: formats)
        if noCache { options.cache = nil }
        return options
    }

    /// A project on MicroGPT whose chapter lines and running programs go to `console`.
    static func project(_ options: BuildOptions, console: Console) -> Project {
        let project = Project(options: options, binding: MicroGPTBinding()) { console.chapterLine($0) }
        project.activity = { console.activity($0) }
        return project
    }

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

/// `1 chapter`, `2 chapters`.
func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

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

    func run() throws {
        do {
            let result = try chapterOptions.project(output: output, formats: format).build()
            report(result.warnings)
            if !chapterOptions.quiet { print("wrote \(result.files) files to \(output)/ (\(counted(result.chapters, "chapter")), \(counted(result.steps, "step")))") }
        } catch {
            throw fail(error)
        }
    }
}
