import Foundation

/// One chapter's page body, finished: its title, its HTML and its headings.
struct RenderedChapter: Sendable {
    /// File stem, e.g. `03-attention`; the page is `<language>/<slug>.html`.
    var slug: String
    var title: String
    /// The chapter's body HTML (cmark's output with step results spliced in).
    var body: String { didSet { widgets = WidgetAssets.widgets(in: body) } }
    /// The widgets in `body`, each once (read when the body is set: pages kept between builds
    /// are not read again).
    private(set) var widgets: [String]
    /// The chapter's headings in order, with the `id` each has in `body`.
    var headings: [Heading]
    init(slug: String, title: String, body: String, headings: [Heading] = []) {
        self.slug = slug
        self.title = title
        self.body = body
        self.widgets = WidgetAssets.widgets(in: body)
        self.headings = headings
    }
}

/// A heading of a chapter page, for its contents list and for links.
struct Heading: Sendable, Hashable {
    var level: Int
    var id: String
    var text: String
    init(level: Int, id: String, text: String) {
        self.level = level
        self.id = id
        self.text = text
    }
}

/// One language's edition, chapters in reading order.
struct RenderedEdition: Sendable {
    var language: String
    var chapters: [RenderedChapter]
    /// The edition's search index; its pages get a search box when there is one.
    var search: SearchIndex?
    init(language: String, chapters: [RenderedChapter]) {
        self.language = language
        self.chapters = chapters
    }
}

/// Lays out the site: every page, index and asset, as relative path -> bytes.
enum Site {
    /// Every file of the site: `index.html`, `<language>/index.html`, `<language>/<slug>.html`,
    /// `assets/book.css` and `assets/book.js`. Throws a `SiteLinkErrors` naming every page with a
    /// broken internal link or anchor, or a page over 1 MB. `links` keeps what the check read.
    static func files(for editions: [RenderedEdition], links: LinkMemo? = nil) throws -> [String: Data] {
        let template = PageTemplate(editions: editions, themeScript: try Assets.text("theme.js"))
        var files: [String: Data] = [
            "assets/book.css": try Assets.data("book.css"),
            "assets/book.js": try Assets.data("book.js"),
            "index.html": Data(template.rootIndex().utf8),
        ]
        for (e, edition) in editions.enumerated() {
            files["\(edition.language)/index.html"] = Data(template.editionIndex(edition: e).utf8)
            if let search = edition.search { files[SearchBox.indexPath(language: edition.language)] = search.script }
            for c in edition.chapters.indices {
                let page = template.chapterPage(edition: e, chapter: c)
                files["\(edition.language)/\(edition.chapters[c].slug).html"] = Data(page.utf8)
            }
        }
        files.merge(try WidgetAssets.files(forWidgets: editions.flatMap { $0.chapters.flatMap(\.widgets) })) { page, _ in page }
        if editions.contains(where: { $0.search != nil }) { files.merge(try SearchBox.assets()) { page, _ in page } }
        let problems = LinkChecker.problems(in: files, memo: links)
        if !problems.isEmpty { throw SiteLinkErrors(problems: problems) }
        return files
    }

    /// Writes `files` under `folder` (created when missing), replacing files of the same name.
    static func write(_ files: [String: Data], to folder: URL) throws {
        let manager = FileManager.default
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        }
    }
}

/// Every broken link of a generated site, one per line.
struct SiteLinkErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, pages in path order.
    let problems: [SiteError]
    var description: String { problems.map(\.description).joined(separator: "\n") }
}
