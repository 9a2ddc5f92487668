import BookKit
import Foundation

/// Runs arbitrary bytes through the two paths a hostile chapter takes: a step through the
/// parser, the checks and the interpreter; a whole chapter through Markdown, its steps and the
/// renderers (a real `book build` into a scratch folder). The libFuzzer target (`scripts/fuzz`)
/// and the short in-test run (`FuzzTests`) both use it; a crash or hang in either is a bug.
public final class FuzzHarness {
    private let binding: any StepBinding
    /// A scratch book: `chapters/en/01-fuzz.md` and the `build/` it is built into.
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("book-fuzz-\(UUID().uuidString)")
    private var chapters: URL { root.appendingPathComponent("chapters") }
    /// Small, so that a runaway input ends in a fraction of a second.
    public static let budget = StepBudget(operations: 20_000, time: .seconds(2), memory: 64 << 20)
    /// Chapters not rendered because an `error` step's code is past the nesting limits (the
    /// highlighter parses a step's code again; see `StepLimits.allowsParsing`).
    public private(set) var unrendered = 0
    /// Chapters that built into pages (the rest failed with diagnostics, as most fuzzed ones do).
    public private(set) var built = 0

    public init(binding: any StepBinding) {
        self.binding = binding
        try? FileManager.default.createDirectory(at: chapters.appendingPathComponent("en"), withIntermediateDirectories: true)
        // A small data set, so that the book's `Dataset(path: "data/names.txt")` steps get past their first line.
        try? FileManager.default.createDirectory(at: chapters.appendingPathComponent("data"), withIntermediateDirectories: true)
        try? Data("emma\nolivia\nava\nisabella\nsophia\nmia\ncharlotte\namelia\nharper\nevelyn\n".utf8)
            .write(to: chapters.appendingPathComponent("data/names.txt"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The first byte picks the path: even for a step, odd for a chapter; the rest is the text.
    public func run(_ data: [UInt8]) {
        guard let mode = data.first else { return }
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        if mode % 2 == 0 { _ = step(text) } else { chapter(text) }
    }

    /// Runs `code` as a step, then as an inline expression, in a fresh session.
    public func step(_ code: String) -> StepOutcome {
        let session = Session(file: "fuzz.md", binding: binding, context: LibraryContext(chaptersDirectory: chapters),
                              budget: FuzzHarness.budget)
        let origin = SourceLocation(file: "fuzz.md", line: 3, column: 1)
        let outcome = session.run(step: code, at: origin)
        _ = session.evaluate(expression: code, at: origin)
        return outcome
    }

    /// Builds `markdown` as the only chapter of a book (HTML and EPUB); its errors are expected.
    public func chapter(_ markdown: String) {
        do {
            try Data(markdown.utf8).write(to: chapters.appendingPathComponent("en/01-fuzz.md"))
        } catch {
            return
        }
        var options = BuildOptions(chapters: chapters.path, output: root.appendingPathComponent("build").path)
        options.budget = FuzzHarness.budget
        let parsed = ChapterParser.parse(ChapterText(file: "chapters/en/01-fuzz.md", text: markdown))
        if parsed.steps.contains(where: { $0.options.expectsError && !StepLimits.allowsParsing($0.code) }) {
            unrendered += 1
            _ = try? Project(options: options, binding: binding).check()
            return
        }
        options.formats = ["html", "epub"]
        if (try? Project(options: options, binding: binding).build()) != nil { built += 1 }
    }
}
