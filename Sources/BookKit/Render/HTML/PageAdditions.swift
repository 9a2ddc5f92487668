/// What a page adds to its chapter's Markdown from the rest of the book: under a stale translated
/// section's heading, a notice that links to the English; at the end of each glossary entry, the
/// chapters that link to it ("Used in"), made from the chapters' real links.
enum PageAdditions {
    /// `body` with the additions for `result`, a chapter of `edition` in `book`. `linkEnglish`:
    /// the output has the English pages beside this one (the site), so notices link to them.
    static func apply(to body: inout ChapterBody, _ result: BookResults.ChapterResult, edition: BookResults.Edition,
                      book: BookResults, linkEnglish: Bool) {
        let words = InterfaceText.forLanguage(edition.language)
        let english = book.editions.first { $0.language == "en" }?.chapters.first { $0.slug == result.slug }
        let englishIDs = english.map { ChapterBody(chapter: $0.chapter, outcomes: $0.outcomes, language: "en").headings().map(\.heading.id) }
        for stale in result.staleSections {
            var html = "<p class=\"stale-notice\">" + escape(words.staleSection)
            if linkEnglish, let ids = englishIDs, stale.englishSection < ids.count {
                let href = "../en/\(result.slug).html#\(ids[stale.englishSection])"
                html += " <a href=\"\(escapeHref(href))\" hreflang=\"en\">\(escape(words.englishOriginal))</a>"
            }
            body.afterHeading[stale.heading] = html + "</p>"
        }
        guard result.slug == "glossary" else { return }
        let headings = body.headings()
        let entryOfAnchor = Dictionary(headings.filter { $0.heading.level == 2 }.map { ($0.heading.id, $0.node) },
                                       uniquingKeysWith: { a, _ in a })
        var users: [Int: [BookResults.ChapterResult]] = [:]
        for chapter in edition.chapters where chapter.slug != "glossary" {
            for entry in Set(chapter.chapter.glossaryLinks.compactMap { entryOfAnchor[$0] }) {
                users[entry, default: []].append(chapter)
            }
        }
        for (k, heading) in headings.enumerated() {
            guard let chapters = users[heading.node] else { continue }
            let list = chapters.map { "<a href=\"\(escapeHref(body.linkTarget($0.slug + ".html")))\">\(escape($0.chapter.title))</a>" }
            let html = "<p class=\"used-in\">" + escape(words.usedIn) + " " + list.joined(separator: ", ") + "</p>\n"
            if k + 1 < headings.count { body.beforeHeading[headings[k + 1].node] = html } else { body.atEnd = html }
        }
    }
}
