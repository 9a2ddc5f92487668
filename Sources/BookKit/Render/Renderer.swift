import Foundation

/// A book after its steps ran: each edition's chapters with the outcome of every step and inline
/// expression. The one thing renderers see.
public struct BookResults: Sendable {
    /// One chapter and its outcomes (one per item of `chapter.items`).
    public struct ChapterResult: Sendable {
        /// File stem, e.g. `03-attention`.
        public var slug: String
        public var chapter: Chapter
        public var outcomes: [StepOutcome]
        /// Sections whose English original changed since they were translated.
        public var staleSections: [StaleSection] = []
    }

    /// A translated section whose English changed: its page says so and links to the English.
    public struct StaleSection: Sendable, Hashable {
        /// The section's heading node in the translated chapter.
        public var heading: Int
        /// The English section's index among the English chapter's headings.
        public var englishSection: Int
    }

    /// One language's chapters in reading order.
    public struct Edition: Sendable {
        public var language: String
        public var chapters: [ChapterResult]
    }

    public var editions: [Edition]
    /// Every formula of the book as KaTeX typeset it.
    public var math: [FormulaKey: TypesetFormula] = [:]
    /// Each edition's lunr search index (lunr's JSON) and its documents, by language; only the site uses them.
    var search: [String: SearchIndex] = [:]
}

/// An edition's search index as the build made it: lunr's serialized index and, in the same order
/// as its refs, the sections it finds.
struct SearchIndex: Sendable {
    let index: String
    let documents: [SearchDocument]
    /// The edition's `search-index.js`, written once with the index: a server's later builds,
    /// which keep the index, do not encode its documents again.
    let script: Data

    init(language: String, index: String, documents: [SearchDocument]) {
        self.index = index
        self.documents = documents
        script = SearchBox.script(index: index, documents: documents, language: language)
    }
}

/// Turns a book's results into the files of one format, as mdBook's renderers do: the HTML site,
/// EPUB, ... A renderer only renders: it reads the results and returns files.
public protocol Renderer: Sendable {
    /// The format's name, as `book build --format` takes it.
    var format: String { get }
    /// Every file of the output, by path relative to the output folder.
    func render(_ book: BookResults) throws -> [String: Data]
}

/// The renderers this tool has, by format name.
public enum Renderers {
    /// One of each, new: a renderer may keep what it drew for the next build of its project.
    public static var all: [any Renderer] { [SiteRenderer(), EPUBRenderer()] }

    /// A new renderer for `format`, nil when there is none.
    public static func named(_ format: String) -> (any Renderer)? {
        all.first { $0.format == format }
    }
}
