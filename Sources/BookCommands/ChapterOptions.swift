import ArgumentParser
import BookKit
import Foundation
import MicroGPTSteps

/// Options `build` and `check` share.
public struct ChapterOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: "The chapters folder, holding <lang>/NN-name.md.")
    public var chapters: String = "chapters"

    @Option(name: .long, parsing: .upToNextOption, help: "Languages to use (default: every language folder).")
    public var language: [String] = []

    @Option(name: .long, help: "Longest time one step may run, in seconds.")
    public var budget: Double = 30

    @Flag(name: .long, help: "Print nothing but errors.")
    public var quiet = false

    @Flag(name: .long, help: "Run every step anew instead of reusing results kept in .build-cache.")
    public var noCache = false

    /// The book in these options, its steps on MicroGPT, reporting progress unless quiet.
    public func project(output: String = "build", formats: [String] = ["html"]) -> Project {
        Self.project(buildOptions(output: output, formats: formats), console: Console(quiet: quiet))
    }

    /// The build options these command-line options stand for.
    public func buildOptions(output: String = "build", formats: [String] = ["html"]) -> BuildOptions {
        var options = BuildOptions(chapters: chapters, output: output, languages: language,
                                   budget: StepBudget(time: .milliseconds(Int(budget * 1000))), formats: formats)
        if noCache { options.cache = nil }
        return options
    }

    /// A project on MicroGPT whose chapter lines and running programs go to `console`.
    public static func project(_ options: BuildOptions, console: Console) -> Project {
        let project = Project(options: options, binding: MicroGPTBinding()) { console.chapterLine($0) }
        project.activity = { console.activity($0) }
        return project
    }

    public func validate() throws {
        guard budget.isFinite, budget > 0, budget <= 86_400 else {
            throw ValidationError("--budget must be a number of seconds between 0 and 86400")
        }
    }
}

/// Prints a failure the way compilers do and exits with status 1.
public func fail(_ error: BuildError) -> ExitCode {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    return ExitCode(1)
}

/// `1 chapter`, `2 chapters`.
public func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

/// Prints warnings to stderr, as compilers do.
public func report(_ warnings: [Diagnostic]) {
    for warning in warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
}

