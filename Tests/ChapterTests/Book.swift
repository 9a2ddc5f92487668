import BookKit
import Foundation
import MicroGPTSteps

/// The book in this repository: its chapters folder and its parsed chapter files.
enum Book {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let chapters = root.appendingPathComponent("chapters")
    static let languages = ["en", "ru", "et"]
    /// The seven pages every edition has, in reading order.
    static let slugs = ["00-foundations", "01-overview", "02-autograd", "03-attention", "04-transformer-block",
                        "05-training", "glossary"]

    /// Chapter file stems present for `language`.
    static func slugs(in language: String) -> [String] {
        let folder = chapters.appendingPathComponent(language)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// Options that build this book into `output`, every step run anew (no cache).
    static func options(output: URL, formats: [String] = ["html"]) -> BuildOptions {
        var options = BuildOptions(chapters: chapters.path, output: output.path, formats: formats)
        options.cache = nil
        return options
    }

    /// The whole site built once, every step run anew, for the suites that only read its pages
    /// (each used to build it again), and the build's report.
    static let site: Result<(folder: URL, report: BuildReport), Error> = Result {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("book-site-\(UUID().uuidString)")
        return (output, try Project(options: options(output: output), binding: MicroGPTBinding()).build())
    }

    /// One chapter file, parsed.
    static func parse(_ language: String, _ slug: String) throws -> Chapter {
        let url = chapters.appendingPathComponent("\(language)/\(slug).md")
        let text = try ChapterText(file: "chapters/\(language)/\(slug).md", bytes: Data(contentsOf: url))
        return ChapterParser.parse(text)
    }
}

extension Book {
    /// One step's code, what it produced, and its native value (for checks on engine objects).
    struct StepResult {
        let code: String
        let outcome: StepOutcome
        let value: Any?
    }

    /// Runs a chapter's steps and inline expressions in order, as the build does, and returns
    /// each step's code with its outcome and value; then each of `expressions` in the same session,
    /// listed as `=expression`.
    static func run(_ language: String, _ slug: String, evaluating expressions: [String] = []) throws -> [StepResult] {
        let chapter = try parse(language, slug)
        let session = Session(file: chapter.source.file, binding: MicroGPTBinding(), context: LibraryContext(chaptersDirectory: chapters))
        var results: [StepResult] = []
        _ = runChapter(chapter, in: session) { item, outcome in
            if case .step(let i) = item {
                results.append(StepResult(code: chapter.steps[i].code, outcome: outcome, value: session.lastValue))
            }
        }
        for expression in expressions {
            let outcome = session.evaluate(expression: expression, at: SourceLocation(file: chapter.source.file, line: 1, column: 1))
            results.append(StepResult(code: "=" + expression, outcome: outcome, value: session.lastValue))
        }
        return results
    }

    /// The value of the step whose code contains `snippet`.
    static func value(of snippet: String, in results: [StepResult]) -> Any? {
        results.first { $0.code.contains(snippet) }?.value
    }
}
