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
        var editions: [RenderedEdition] = []
        for edition in book.editions {
            let words = InterfaceText.forLanguage(edition.language)
            let chapters = edition.chapters.map { result in
                var body = ChapterBody(chapter: result.chapter, outcomes: result.outcomes, language: edition.language)
                PageAdditions.apply(to: &body, result, edition: edition, book: book, linkEnglish: true)
                var page = body.render(ids: PageIDs()) { headings in
                    PageTemplate.contentsHTML(PageTemplate.contents(headings), words: words, place: "inline")
                }
                page.slug = result.slug
                return page
            }
            editions.append(RenderedEdition(language: edition.language, chapters: chapters))
        }
        return editions
    }
}
