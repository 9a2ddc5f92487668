import Foundation

/// One chapter after its steps ran and its Markdown became HTML.
public struct RenderedChapter: Sendable {
    /// File stem, e.g. `03-attention`; the page is `<language>/<slug>.html`.
    public var slug: String
    public var title: String
    /// The chapter's body HTML (cmark's output with step results spliced in).
    public var body: String
    /// The chapter's headings in order, with the `id` each has in `body`.
    public var headings: [Heading]
    public init(slug: String, title: String, body: String, headings: [Heading] = []) {
        self.slug = slug
        self.title = title
        self.body = body
        self.headings = headings
    }
}

/// A heading of a chapter page, for its contents list and for links.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
    public init(level: Int, id: String, text: String) {
        self.level = level
        self.id = id
        self.text = text
    }
}

/// One language's edition, chapters in reading order.
public struct RenderedEdition: Sendable {
    public var language: String
    public var chapters: [RenderedChapter]
    public init(language: String, chapters: [RenderedChapter]) {
        self.language = language
        self.chapters = chapters
    }
}

/// Lays out the site: every page, index and asset, as relative path -> bytes.
/// (Plain placeholder; the site issue makes it rich.)
public enum Site {
    public static func files(for editions: [RenderedEdition]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        var root = "<!doctype html><meta charset=\"utf-8\"><title>book</title><ul>"
        for edition in editions {
            var index = "<!doctype html><meta charset=\"utf-8\"><title>\(edition.language)</title><ul>"
            for chapter in edition.chapters {
                let page = "<!doctype html><html lang=\"\(edition.language)\"><meta charset=\"utf-8\"><title>\(HTML.escape(chapter.title))</title><body>\(chapter.body)</body></html>\n"
                files["\(edition.language)/\(chapter.slug).html"] = Data(page.utf8)
                index += "<li><a href=\"\(chapter.slug).html\">\(HTML.escape(chapter.title))</a></li>"
            }
            files["\(edition.language)/index.html"] = Data((index + "</ul>\n").utf8)
            root += "<li><a href=\"\(edition.language)/index.html\">\(edition.language)</a></li>"
        }
        files["index.html"] = Data((root + "</ul>\n").utf8)
        return files
    }
}
