import ArgumentParser
import BookCommands
import BookKit
import Foundation
import MicroGPTSteps

/// `book init DIR`: a new book that checks and builds as it is.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Starts a new book in DIR: a chapter with a step and its output, a data folder, a README.")

    @Argument(help: "The new book's folder (new, or empty).")
    var folder: String

    func run() throws {
        do {
            for file in try NewBook.create(at: URL(fileURLWithPath: folder), binding: MicroGPTBinding()) {
                print("wrote \(folder)/\(file)")
            }
        } catch {
            throw fail(error)
        }
    }
}
