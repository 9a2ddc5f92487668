import BookKit
import Foundation

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

    /// One chapter file, parsed.
    static func parse(_ language: String, _ slug: String) throws -> ParsedChapter {
        let url = chapters.appendingPathComponent("\(language)/\(slug).md")
        let text = try ChapterText(file: "chapters/\(language)/\(slug).md", bytes: Data(contentsOf: url))
        return ChapterParser.parse(text)
    }
}

extension Book {
    /// Runs a chapter's steps and inline expressions in order, as the build does, and returns
    /// each step's code with its outcome; then each of `expressions` in the same session, listed
    /// as `=expression`.
    static func run(_ language: String, _ slug: String,
                    evaluating expressions: [String] = []) throws -> [(code: String, outcome: StepOutcome)] {
        let chapter = try parse(language, slug).chapter
        let session = Session(file: chapter.source.file, context: LibraryContext(chaptersDirectory: chapters))
        var results: [(String, StepOutcome)] = []
        for item in chapter.items {
            switch item {
            case .step(let i):
                results.append((chapter.steps[i].code, session.run(step: chapter.steps[i].code, at: chapter.steps[i].origin)))
            case .inline(let i):
                _ = session.evaluate(expression: chapter.inlines[i].expression, at: chapter.inlines[i].origin)
            }
        }
        for expression in expressions {
            results.append(("=" + expression, session.evaluate(expression: expression, at: SourceLocation(file: chapter.source.file, line: 1, column: 1))))
        }
        return results
    }

    /// The value of the step whose code contains `snippet`.
    static func value(of snippet: String, in results: [(code: String, outcome: StepOutcome)]) -> Any? {
        results.first { $0.code.contains(snippet) }?.outcome.value
    }
}
