import BookTestSupport
import Foundation
@testable import BookKit

/// A stand-in interpreter with a tiny language, so that build tests need no real interpreter:
/// `say TEXT` prints TEXT, `value N` makes the number N the value, `fail MESSAGE` fails at that
/// line, `read PATH` prints the file at PATH (relative to `folder`). An inline expression that
/// reads as a number is that number; `fail` fails.
final class FakeSession: StepRunning {
    let file: String
    let folder: URL
    private(set) var filesRead: Set<String> = []
    init(file: String, folder: URL = URL(fileURLWithPath: "/")) { (self.file, self.folder) = (file, folder) }

    func run(step code: String, at origin: SourceLocation) -> StepOutcome {
        var printed = "", value: Double?
        for (k, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("say ") { printed += line.dropFirst(4) + "\n" }
            if line.hasPrefix("value ") { value = Double(line.dropFirst(6)) }
            if line.hasPrefix("read ") {
                let url = folder.appendingPathComponent(String(line.dropFirst(5)))
                filesRead.insert(url.standardizedFileURL.path)
                printed += ((try? String(contentsOf: url, encoding: .utf8)) ?? "<missing>") + "\n"
            }
            if line.hasPrefix("fail ") {
                let at = SourceLocation(file: origin.file, line: origin.line + k, column: origin.column)
                return StepOutcome(printed: printed, text: printed, display: nil,
                                   diagnostics: [Diagnostic(.stepFailed, String(line.dropFirst(5)), at: at, sourceLine: String(line))], duration: .zero)
            }
        }
        let text = printed + (value.map { String(describing: $0) } ?? "")
        return StepOutcome(printed: printed, text: text, display: value.map { .number($0) }, diagnostics: [], duration: .zero)
    }

    func evaluate(expression: String, at origin: SourceLocation) -> StepOutcome {
        if expression == "fail" {
            return StepOutcome(printed: "", text: "", display: nil, diagnostics: [Diagnostic(.stepFailed, "inline failure", at: origin)], duration: .zero)
        }
        let display: Display = Double(expression).map { .number($0) } ?? .string(expression)
        let text = Double(expression).map { String(describing: $0) } ?? expression
        return StepOutcome(printed: "", text: text, display: display, diagnostics: [], duration: .zero)
    }
}

/// Counts the sessions a build makes, to prove a shared program runs once.
final class SessionCounter: @unchecked Sendable {
    private(set) var files: [String] = []
    func make(_ file: String, _ context: LibraryContext, _ budget: StepBudget) -> any StepRunning {
        files.append(file)
        return FakeSession(file: file, folder: context.chaptersDirectory)
    }
}

extension ScratchBook {
    /// A project over this book whose steps run in fake sessions counted by `counter`.
    func project(_ counter: SessionCounter = SessionCounter(), languages: [String] = [], progress: @escaping (String) -> Void = { _ in }) -> Project {
        Project(options: options(languages: languages), progress: progress, makeSession: counter.make)
    }
}
