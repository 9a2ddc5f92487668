/// The HTML around a chapter: top bar with the language switcher and theme toggle, the sidebar of
/// chapters, the page's contents, previous/next links.
struct PageTemplate {
    /// Every edition, to build the language switcher.
    let editions: [RenderedEdition]
    /// The script in every page's head that applies the remembered theme before the first paint.
    let themeScript: String

    /// The headings a page's contents list shows.
    static func contents(_ headings: [Heading]) -> [Heading] {
        headings.filter { $0.level == 2 || $0.level == 3 }
    }

    /// The page for `editions[e].chapters[c]`, at `<language>/<slug>.html`.
    func chapterPage(edition e: Int, chapter c: Int) -> String {
        let edition = editions[e]
        let chapter = edition.chapters[c]
        let words = InterfaceText.forLanguage(edition.language)
        var main = ""
        // The contents list sits beside the text on wide screens and under the title on narrow ones
        // (the body carries that one, after its title).
        main += Self.contentsHTML(Self.contents(chapter.headings), words: words, place: "side")
        main += "<article class=\"chapter\">" + chapter.body + "</article>"
        main += "<nav class=\"pager\" aria-label=\"\(HTML.escape(words.previous)) / \(HTML.escape(words.next))\">"
        if c > 0 {
            let previous = edition.chapters[c - 1]
            main += "<a rel=\"prev\" href=\"\(HTML.escape(previous.slug)).html\"><small>← \(HTML.escape(words.previous))</small>\(HTML.escape(previous.title))</a>"
        }
        if c + 1 < edition.chapters.count {
            let next = edition.chapters[c + 1]
            main += "<a rel=\"next\" href=\"\(HTML.escape(next.slug)).html\"><small>\(HTML.escape(words.next)) →</small>\(HTML.escape(next.title))</a>"
        }
        main += "</nav>"
        let sidebar = sidebarHTML(edition, current: chapter.slug)
        return document(language: edition.language, title: "\(chapter.title) · \(words.bookTitle)", depth: 1,
                        switcher: switcher(current: edition.language) { other in
                            other.chapters.contains { $0.slug == chapter.slug } ? "\(chapter.slug).html" : "index.html"
                        },
                        hasSidebar: true, search: edition.search != nil, widgets: chapter.widgets,
                        body: "<div class=\"layout\">\(sidebar)<main id=\"content\">\(main)</main></div>")
    }

    /// `<language>/index.html`: the edition's title and its chapters.
    func editionIndex(edition e: Int) -> String {
        let edition = editions[e]
        let words = InterfaceText.forLanguage(edition.language)
        var main = "<main id=\"content\" class=\"home\"><h1>\(HTML.escape(words.bookTitle))</h1>"
        main += "<h2>\(HTML.escape(words.contents))</h2><ol class=\"chapter-list\">"
        for chapter in edition.chapters {
            main += "<li><a href=\"\(HTML.escape(chapter.slug)).html\">\(HTML.escape(chapter.title))</a></li>"
        }
        main += "</ol></main>"
        return document(language: edition.language, title: words.bookTitle, depth: 1,
                        switcher: switcher(current: edition.language) { _ in "index.html" }, search: edition.search != nil, body: main)
    }

    /// The root `index.html`: every edition in its own language.
    func rootIndex() -> String {
        var main = "<main id=\"content\" class=\"home\"><h1>\(editions.map { HTML.escape(InterfaceText.forLanguage($0.language).bookTitle) }.first ?? "")</h1>"
        main += "<p>" + editions.map { "<span lang=\"\(HTML.escape($0.language))\">\(HTML.escape(InterfaceText.forLanguage($0.language).chooseLanguage))</span>" }.joined(separator: " · ") + "</p>"
        main += "<ul class=\"edition-list\">"
        for edition in editions {
            let words = InterfaceText.forLanguage(edition.language)
            main += "<li><a href=\"\(HTML.escape(edition.language))/index.html\" lang=\"\(HTML.escape(edition.language))\" hreflang=\"\(HTML.escape(edition.language))\">\(HTML.escape(words.languageName))<small>\(HTML.escape(words.bookTitle))</small></a></li>"
        }
        main += "</ul></main>"
        let language = editions.first?.language ?? "en"
        return document(language: language, title: InterfaceText.forLanguage(language).bookTitle, depth: 0,
                        switcher: "", body: main)
    }

    /// The page's contents list; `place` is `side` or `inline` (their ids differ).
    static func contentsHTML(_ headings: [Heading], words: InterfaceText, place: String) -> String {
        guard !headings.isEmpty else { return "" }
        var html = "<nav class=\"toc toc-\(place)\" aria-labelledby=\"toc-\(place)-title\"><h2 id=\"toc-\(place)-title\">\(HTML.escape(words.onThisPage))</h2><ul>"
        for heading in headings {
            html += "<li class=\"level-\(heading.level)\"><a href=\"#\(HTML.escape(heading.id))\">\(HTML.escape(heading.text))</a></li>"
        }
        return html + "</ul></nav>"
    }

    private func sidebarHTML(_ edition: RenderedEdition, current: String) -> String {
        let words = InterfaceText.forLanguage(edition.language)
        var html = "<nav class=\"sidebar\" id=\"sidebar\" aria-labelledby=\"sidebar-title\"><h2 id=\"sidebar-title\"><a href=\"index.html\">\(HTML.escape(words.chapters))</a></h2><ol>"
        for chapter in edition.chapters {
            let mark = chapter.slug == current ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(HTML.escape(chapter.slug)).html\"\(mark)>\(HTML.escape(chapter.title))</a></li>"
        }
        return html + "</ol></nav>"
    }

    /// Links to the same page in every other edition; `page` names the file there.
    private func switcher(current: String, page: (RenderedEdition) -> String) -> String {
        let words = InterfaceText.forLanguage(current)
        var html = "<nav class=\"languages\" aria-label=\"\(HTML.escape(words.languageLabel))\">"
        for edition in editions {
            let name = HTML.escape(InterfaceText.forLanguage(edition.language).languageName)
            if edition.language == current {
                html += "<span lang=\"\(HTML.escape(edition.language))\" aria-current=\"true\">\(name)</span>"
            } else {
                html += "<a href=\"../\(HTML.escape(edition.language))/\(HTML.escape(page(edition)))\" lang=\"\(HTML.escape(edition.language))\" hreflang=\"\(HTML.escape(edition.language))\" data-language-link>\(name)</a>"
            }
        }
        return html + "</nav>"
    }

    /// A whole HTML document; `depth` is how many folders below the site root it sits.
    private func document(language: String, title: String, depth: Int, switcher: String, hasSidebar: Bool = false,
                          search: Bool = false, widgets: [String] = [], body: String) -> String {
        let words = InterfaceText.forLanguage(language)
        let up = String(repeating: "../", count: depth)
        let searchBox = search ? SearchBox.html(language: language, up: up) : ""
        let searchScript = search ? "<script src=\"\(up)\(SearchBox.scriptFile)\" defer></script>\n" : ""
        let menu = !hasSidebar ? "" : "<button type=\"button\" class=\"icon menu-toggle\" data-menu-toggle aria-controls=\"sidebar\" aria-expanded=\"false\" aria-label=\"\(HTML.escape(words.menu))\" title=\"\(HTML.escape(words.menu))\">☰</button>"
        return """
        <!doctype html>
        <html lang="\(HTML.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="\(up)assets/book.css">
        <script>\(themeScript)</script>
        <script src="\(up)assets/book.js" defer></script>
        \(searchScript)\(WidgetAssets.headTags(widgets: widgets, up: up))</head>
        <body>
        <a class="skip" href="#content">\(HTML.escape(words.skipToContent))</a>
        <header class="topbar">\(menu)<a class="book-title" href="index.html">\(HTML.escape(words.bookTitle))</a>\(searchBox)\(switcher)\
        <button type="button" class="icon theme-toggle" data-theme-toggle hidden aria-label="\(HTML.escape(words.toggleTheme))" title="\(HTML.escape(words.toggleTheme))">◐</button></header>
        \(body)
        </body>
        </html>

        """
    }
}
