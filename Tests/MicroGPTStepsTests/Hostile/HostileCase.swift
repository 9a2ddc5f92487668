import Foundation
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// One hostile step and what it must give: its diagnostics as `line:column id: message`
/// (the step starts on chapter line 10, column 1), or its text when it must run.
struct HostileCase: Sendable, CustomTestStringConvertible {
    let name: String
    let code: String
    let expected: [String]
    /// Expected text of a step that must run; nil when it must fail with `expected`.
    let text: String?
    let budget: StepBudget

    /// A step that must fail with exactly these diagnostics.
    static func fails(_ name: String, _ code: String, _ expected: String..., budget: StepBudget = HostileCase.budget) -> HostileCase {
        HostileCase(name: name, code: code, expected: expected, text: nil, budget: budget)
    }

    /// A step that must run and give this text.
    static func runs(_ name: String, _ code: String, _ text: String, budget: StepBudget = HostileCase.budget) -> HostileCase {
        HostileCase(name: name, code: code, expected: [], text: text, budget: budget)
    }

    /// Small enough that a runaway case ends in well under a second in a debug build.
    static let budget = StepBudget(operations: 200_000, time: .seconds(20), memory: 64 << 20)

    var testDescription: String { name }

    /// Runs the case in a fresh session and checks what it gave; no clock is asserted (a runaway
    /// case is stopped by the budget's time limit and fails on its text).
    func check() {
        let session = Session(file: "ch.md", binding: MicroGPTBinding(),
                              context: LibraryContext(chaptersDirectory: FileManager.default.temporaryDirectory), budget: budget)
        let outcome = session.run(step: code, at: SourceLocation(file: "ch.md", line: 10, column: 1))
        let got = outcome.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.id): \($0.message)" }
        #expect(got == expected, "\(name)")
        if let text, outcome.diagnostics.isEmpty { #expect(outcome.text == text, "\(name)") }
    }
}

/// Code repeated: `repeated("[", 3)` is `[[[`.
func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }
