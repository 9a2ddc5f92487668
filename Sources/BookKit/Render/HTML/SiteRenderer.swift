import Foundation

/// The HTML site: a page per chapter with its steps' results, an index per language, the root
/// page, the style sheet and the script; every internal link checked.
struct SiteRenderer: Renderer {
    var format: String { "html" }

    func render(_ book: BookResults) throws -> [String: Data] {
        try Site.files(for: editions(book))
    }

    /// Every chapter's page body, edition by edition.
    func editions(_ book: BookResults) -> [RenderedEdition] {
        // Pages are independent: drawn side by side, each with its own ids.
        let jobs = book.editions.flatMap { edition in edition.chapters.map { (edition, $0) } }
        let pages = jobs.concurrentMap { edition, result -> RenderedChapter in
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
        var next = 0
        return book.editions.map { edition in
            defer { next += edition.chapters.count }
            var rendered = RenderedEdition(language: edition.language, chapters: Array(pages[next..<(next + edition.chapters.count)]))
            rendered.search = book.search[edition.language]
            return rendered
        }
    }
}
