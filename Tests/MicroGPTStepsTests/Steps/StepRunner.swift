import Foundation
@testable import BookKit
@testable import MicroGPTSteps

/// A session over a scratch chapters folder, with helpers that run steps and return their text.
final class StepRunner {
    let session: Session
    let folder: URL
    /// Steps start on chapter line 10, column 1, unless a test says otherwise.
    static let origin = SourceLocation(file: "ch.md", line: 10, column: 1)

    init(budget: StepBudget = StepBudget(), files: [String: String] = [:]) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("steps-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for (name, text) in files {
            try? text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        session = Session(file: "ch.md", binding: MicroGPTBinding(), context: LibraryContext(chaptersDirectory: folder), budget: budget)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs one step and returns its outcome.
    func run(_ code: String, at origin: SourceLocation = StepRunner.origin) -> StepOutcome {
        session.run(step: code, at: origin)
    }

    /// The step's text, or its diagnostics' descriptions when it failed.
    func text(_ code: String) -> String {
        let outcome = run(code)
        return outcome.diagnostics.isEmpty ? outcome.text : outcome.diagnostics.map(\.message).joined(separator: "\n")
    }

    /// The messages of the step's diagnostics, each prefixed with `line:column: `.
    func errors(_ code: String, at origin: SourceLocation = StepRunner.origin) -> [String] {
        run(code, at: origin).diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }
}
