import Foundation

/// One EPUB 3 book per language, `book-<language>.epub`: the same chapters as the site, each an
/// XHTML page with its charts as inline SVG, a slider's default result in its place (nothing
/// needs a script), links between chapters pointing at `.xhtml`.
struct EPUBRenderer: Renderer {
    var format: String { "epub" }

    /// EPUB wants a modification date; a fixed one keeps two builds of the same book byte-identical.
    static let modified = "2026-01-01T00:00:00Z"

    func render(_ book: BookResults) throws -> [String: Data] {
        let stylesheet = String(decoding: try Assets.data("book.css"), as: UTF8.self)
        var files: [String: Data] = [:]
        for edition in book.editions {
            let chapters = edition.chapters.map { result in
                var body = ChapterBody(chapter: result.chapter, outcomes: result.outcomes, language: edition.language,
                                       interactive: false, linkTarget: Self.xhtmlLink)
                body.math = book.math
                PageAdditions.apply(to: &body, result, edition: edition, book: book, linkEnglish: false)
                let page = body.render(ids: PageIDs()) { _ in "" }
                return EPUBChapter(slug: result.slug, title: page.title, body: page.body,
                                   headings: page.headings)
            }
            let words = InterfaceText.forLanguage(edition.language)
            let epub = EPUBBook(language: edition.language, title: words.bookTitle,
                                identifier: "urn:book:\(Slug.make(InterfaceText.forLanguage("en").bookTitle)):\(edition.language)",
                                modified: Self.modified, stylesheet: stylesheet, chapters: chapters)
            files["book-\(edition.language).epub"] = try EPUBPackage.data(for: epub)
        }
        return files
    }

    /// `03-attention.html#q` -> `03-attention.xhtml#q`; other targets stay as they are.
    static func xhtmlLink(_ target: String) -> String {
        let page = target.prefix { $0 != "#" }
        guard page.hasSuffix(".html"), !page.contains("/"), !page.contains(":") else { return target }
        return page.dropLast(5) + ".xhtml" + target.dropFirst(page.count)
    }
}
