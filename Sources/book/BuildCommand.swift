import ArgumentParser
import BookCommands
import BookKit
import Foundation
import MicroGPTSteps

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
