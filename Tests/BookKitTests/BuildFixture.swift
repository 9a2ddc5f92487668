import Foundation
@testable import BookKit

/// A stand-in interpreter with a tiny language, so that build tests need no real interpreter:
/// `say TEXT` prints TEXT, `value N` makes the number N the value, `fail MESSAGE` fails at that
/// line. An inline expression that reads as a number is that number; `fail` fails.
final class FakeSession: StepRunning {
    let file: String
    init(file: String) { self.file = file }

    func run(step code: String, at origin: SourceLocation) -> StepOutcome {
        var printed = "", value: Any?
        for (k, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("say ") { printed += line.dropFirst(4) + "\n" }
            if line.hasPrefix("value ") { value = Double(line.dropFirst(6)) }
            if line.hasPrefix("fail ") {
                let at = SourceLocation(file: origin.file, line: origin.line + k, column: origin.column)
                return StepOutcome(value: nil, printed: printed, text: printed, diagnostics: [Diagnostic(String(line.dropFirst(5)), at: at, sourceLine: String(line))], duration: .zero)
            }
        }
        let text = printed + (value.map { String(describing: $0) } ?? "")
        return StepOutcome(value: value, printed: printed, text: text, diagnostics: [], duration: .zero)
    }

    func evaluate(expression: String, at origin: SourceLocation) -> StepOutcome {
        if expression == "fail" {
            return StepOutcome(value: nil, printed: "", text: "", diagnostics: [Diagnostic("inline failure", at: origin)], duration: .zero)
        }
        let value: Any = Double(expression) ?? expression
        return StepOutcome(value: value, printed: "", text: String(describing: value), diagnostics: [], duration: .zero)
    }
}

/// Counts the sessions a build makes, to prove a shared program runs once.
final class SessionCounter: @unchecked Sendable {
    private(set) var files: [String] = []
    func make(_ file: String, _ context: LibraryContext, _ budget: StepBudget) -> any StepRunning {
        files.append(file)
        return FakeSession(file: file)
    }
}

/// A scratch folder with a `chapters/` tree, removed when the test ends.
final class ScratchBook {
    let root: URL
    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("book-build-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: root) }

    var chapters: URL { root.appendingPathComponent("chapters") }
    var output: URL { root.appendingPathComponent("build") }

    /// Writes `chapters/<path>`.
    func write(_ path: String, _ text: String) throws {
        let url = chapters.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: chapters.appendingPathComponent(path), encoding: .utf8)
    }

    /// Options that print chapter paths as `chapters/...`.
    func options(languages: [String] = []) -> BuildOptions {
        var options = BuildOptions(chapters: chapters.path, output: output.path, languages: languages)
        options.displayRoot = "chapters"
        return options
    }

    func builder(_ counter: SessionCounter = SessionCounter(), languages: [String] = [], progress: @escaping (String) -> Void = { _ in }) -> BookBuilder {
        BookBuilder(options: options(languages: languages), progress: progress, makeSession: counter.make)
    }

    /// Every file under `folder`, relative path -> bytes.
    static func contents(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in walker {
            guard let data = try? Data(contentsOf: url), !url.hasDirectoryPath else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = data
        }
        return files
    }

    /// Names in the scratch root (to prove no staging folder is left behind).
    var rootEntries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted() }
}
