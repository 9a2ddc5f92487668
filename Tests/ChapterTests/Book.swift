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
