import Foundation

/// The HTML site: a page per chapter with its steps' results, an index per language, the root
/// page, the style sheet and the script; every internal link checked.
struct SiteRenderer: Renderer {
    var format: String { "html" }
    /// Pages of earlier builds, when the renderer lives as long as a project does.
    var memo = PageMemo()
    /// Pages' links as the last build's check read them.
    var links = LinkMemo()

    func render(_ book: BookResults) throws -> [String: Data] {
        try Site.files(for: editions(book), links: links)
    }

    /// Every chapter's page body, edition by edition.
    func editions(_ book: BookResults) -> [RenderedEdition] {
        // Pages are independent: drawn side by side, each with its own ids.
        let jobs = book.editions.flatMap { edition in edition.chapters.map { (edition, $0) } }
        let keys = jobs.map { PageMemo.key($1, edition: $0, book: book) }
        defer { memo.keep(only: Set(keys)) }
        let pages = Array(zip(jobs, keys)).concurrentMap { job, key -> RenderedChapter in
            let (edition, result) = job
            return memo.page(key) { draw(result, edition: edition, book: book) }
        }
        var next = 0
        return book.editions.map { edition in
            defer { next += edition.chapters.count }
            var rendered = RenderedEdition(language: edition.language, chapters: Array(pages[next..<(next + edition.chapters.count)]))
            rendered.search = book.search[edition.language]
            return rendered
        }
    }

    /// The body of `result`'s page, drawn.
    private func draw(_ result: BookResults.ChapterResult, edition: BookResults.Edition, book: BookResults) -> RenderedChapter {
        let words = InterfaceText.forLanguage(edition.language)
        var body = ChapterBody(chapter: result.chapter, outcomes: result.outcomes, language: edition.language)
        body.math = book.math
        PageAdditions.apply(to: &body, result, edition: edition, book: book, linkEnglish: true)
        var page = body.render(ids: PageIDs()) { headings in
            PageTemplate.contentsHTML(PageTemplate.contents(headings), words: words, place: "inline")
        }
        page.slug = result.slug
        return page
    }
}
