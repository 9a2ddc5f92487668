import ArgumentParser
import BookCommands
import BookKit
import Foundation
import MicroGPTSteps

/// `book export-steps`: the English chapters' steps as compiled Swift, for the parity test.
struct ExportStepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-steps",
        abstract: "Write every chapter's steps as one Swift file (for the compiled-versus-interpreted test)."
    )

    @Option(help: "The chapters folder.") var chapters = "chapters"
    @Option(help: "The language whose chapters to export.") var language = "en"

    func run() throws {
        let source = try SwiftExporter.book(chapters: URL(fileURLWithPath: chapters), language: language,
                                             importing: MicroGPTBinding().moduleName)
        FileHandle.standardOutput.write(Data(source.utf8))
    }
}
