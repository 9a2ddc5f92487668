import Synchronization

/// Chapter pages drawn by the last build, by a hash of everything a page is drawn from: a
/// long-lived project (`book serve`) redraws only the pages an edit changed, and the widgets'
/// pages take most of a build to draw. Only the latest build's pages are kept.
final class PageMemo: Sendable {
    private let pages = Mutex<[Int: RenderedChapter]>([:])

    /// The page drawn from `key`'s inputs, drawn now unless an earlier build drew it.
    func page(_ key: Int, draw: () -> RenderedChapter) -> RenderedChapter {
        if let page = pages.withLock({ $0[key] }) { return page }
        let page = draw()
        pages.withLock { $0[key] = page }
        return page
    }

    /// Forgets every page but `keys` (the pages of the build just made).
    func keep(only keys: Set<Int>) {
        pages.withLock { $0 = $0.filter { keys.contains($0.key) } }
    }

    /// What the page of `result` in `edition` is drawn from: its text and results, its language,
    /// its stale sections and the English headings they link to, its formulas as typeset, and for
    /// a glossary the chapters that link to it.
    static func key(_ result: BookResults.ChapterResult, edition: BookResults.Edition, book: BookResults) -> Int {
        var hasher = Hasher()
        hasher.combine(edition.language)
        hasher.combine(result.slug)
        hasher.combine(result.chapter.source.text)
        hasher.combine(result.outcomes)
        hasher.combine(result.staleSections)
        if !result.staleSections.isEmpty {
            let english = book.editions.first { $0.language == "en" }?.chapters.first { $0.slug == result.slug }
            hasher.combine(english?.chapter.source.text)
        }
        for formula in result.chapter.formulas {
            hasher.combine(formula.key)
            hasher.combine(book.math[formula.key])
        }
        if result.slug == "glossary" {
            for chapter in edition.chapters {
                hasher.combine(chapter.slug)
                hasher.combine(chapter.chapter.title)
                hasher.combine(chapter.chapter.glossaryLinks)
            }
        }
        return hasher.finalize()
    }
}
