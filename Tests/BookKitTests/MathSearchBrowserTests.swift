import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// Formulas and search in headless Chromium, from `file://`: KaTeX's output is drawn with its
/// fonts; the search box finds English, Russian (any case, ё or е) and Estonian words, groups
/// results by chapter, and works with the keyboard, at phone width and in dark mode; no page
/// writes a console message. Screenshots go to .build/screenshots/search.
@Suite(.serialized, .ownThreads) struct MathSearchBrowserTests {
    private static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/screenshots/search")

    /// Records every console message, script error and failed load from the document's first moment.
    private static let probe = """
    window.__messages = [];
    ["log", "info", "warn", "error", "debug"].forEach(function (kind) {
      var original = console[kind];
      console[kind] = function () {
        window.__messages.push(kind + ": " + Array.prototype.join.call(arguments, " "));
        return original.apply(console, arguments);
      };
    });
    window.addEventListener("error", function (e) {
      var t = e.target;
      window.__messages.push(t && t !== window && (t.src || t.href) ? "failed to load " + (t.src || t.href) : "error: " + e.message);
    }, true);
    window.addEventListener("unhandledrejection", function (e) { window.__messages.push("rejection: " + e.reason); });
    """

    private func site() throws -> (ScratchBook, HeadlessBrowser) {
        let book = ScratchBook()
        try SearchFixture.write(to: book)
        try book.project().build()
        let browser = try HeadlessBrowser()
        try browser.addScriptOnNewDocument(Self.probe)
        return (book, browser)
    }

    private func open(_ browser: HeadlessBrowser, _ page: URL) throws {
        try browser.navigate(page.absoluteString)
        try browser.waitUntil("document.readyState === 'complete' && !!window.__messages && !document.querySelector('[data-search]').hidden")
    }

    private func messages(_ browser: HeadlessBrowser) throws -> String {
        try browser.evaluate("window.__messages") ?? "null"
    }

    /// No console message, script error or failed load on the page so far.
    private func expectQuiet(_ browser: HeadlessBrowser, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let found = try messages(browser)
        #expect(found == "[]", "\(found)", sourceLocation: sourceLocation)
    }

    /// Types `query` into an empty search box and waits for the result list to answer.
    private func search(_ browser: HeadlessBrowser, _ query: String) throws -> [String] {
        _ = try browser.evaluate("(function(){var i=document.getElementById('search-input'); i.value=''; i.focus(); return true})()")
        try browser.type(query)
        try browser.waitUntil("!document.getElementById('search-results').hidden && document.getElementById('search-results').childElementCount > 0")
        let json = try browser.evaluate("Array.from(document.querySelectorAll('#search-results [role=option]')).map(function(o){return o.getAttribute('href') + ' | ' + o.querySelector('.search-heading').textContent + ' | ' + (o.querySelector('mark') ? o.querySelector('mark').textContent : '')})") ?? "[]"
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    @Test func formulasAreDrawnWithKaTeXsFonts() throws {
        let (book, browser) = try site()
        defer { browser.close(); withExtendedLifetime(book) {} }
        try open(browser, book.output.appendingPathComponent("en/01-attention.html"))
        try browser.waitUntil("document.fonts.status === 'loaded'")
        #expect(try browser.evaluate("document.querySelectorAll('.katex').length") == "2")
        #expect(try browser.evaluate("Array.from(document.querySelectorAll('.katex')).every(function(k){var r=k.getBoundingClientRect(); return r.width > 10 && r.height > 10})") == "true")
        #expect(try browser.evaluate("getComputedStyle(document.querySelector('.katex')).fontFamily.indexOf('KaTeX_Main') >= 0") == "true")
        #expect(try browser.evaluate("Array.from(document.fonts).some(function(f){return f.family.replace(/\"/g,'') === 'KaTeX_Main' && f.status === 'loaded'})") == "true")
        #expect(try browser.evaluate("document.fonts.check('16px KaTeX_Math')") == "true")
        try browser.emulate(width: 1000, height: 700)
        _ = try browser.evaluate("document.querySelector('.math-display').scrollIntoView({block: 'center'}) || true")
        try browser.screenshot(to: Self.screenshots.appendingPathComponent("formulas.png"))
        try expectQuiet(browser)
    }

    @Test func searchFindsWordsInEveryLanguage() throws {
        let (book, browser) = try site()
        defer { browser.close(); withExtendedLifetime(book) {} }
        try open(browser, book.output.appendingPathComponent("en/01-attention.html"))
        // English: lunr's stemmer finds "weights" for "weight" and "Queries" for "query".
        do { let found = try search(browser, "weight"); #expect(found.sorted() == ["01-attention.html#queries-and-keys | Queries and keys | weights", "01-attention.html#values | Values | weighted"], "\(found)") }
        do { let found = try search(browser, "query"); #expect(found.first == "01-attention.html#queries-and-keys | Queries and keys | query", "\(found)") }
        #expect(try browser.evaluate("document.querySelector('#search-results .search-chapter').textContent") == "\"Attention\"")
        try expectQuiet(browser)

        try open(browser, book.output.appendingPathComponent("ru/01-attention.html"))
        // Russian: any case, ё or е, finds "ЁЛКА"; a beginning finds the whole word.
        for query in ["ёлка", "ЕЛКА", "Елка", "ЁЛКА"] {
            do { let found = try search(browser, query); #expect(found == ["01-attention.html#\(Slug.make("Запросы и ключи")) | Запросы и ключи | ЁЛКА"], "\(found)") }
        }
        do { let found = try search(browser, "внимани"); #expect(found.first?.contains("| Внимание |") == true, "\(found)") }
        // Another ending of the same word: "запросов" finds "Запрос" (and the heading's "Запросы").
        do { let found = try search(browser, "запросов"); #expect(found.first?.hasSuffix("| Запросы и ключи | Запрос") == true, "\(found)") }
        do { let found = try search(browser, "ничегоподобного"); #expect(found == [], "\(found)") }
        #expect(try browser.evaluate("document.querySelector('#search-results .search-nothing').textContent")?.contains("ничегоподобного") == true)
        try expectQuiet(browser)

        try open(browser, book.output.appendingPathComponent("et/index.html"))
        do { let found = try search(browser, "õunapuu"); #expect(found.first?.hasSuffix("| ÕUNAPUU") == true, "\(found)") }
        do { let found = try search(browser, "VÄÄRTUSED"); #expect(found.first?.contains("| Väärtused |") == true, "\(found)") }
        try browser.screenshot(to: Self.screenshots.appendingPathComponent("search-et.png"))
        try expectQuiet(browser)
    }

    @Test func theKeyboardDrivesTheSearch() throws {
        let (book, browser) = try site()
        defer { browser.close(); withExtendedLifetime(book) {} }
        try open(browser, book.output.appendingPathComponent("en/01-attention.html"))
        try browser.press("/")
        #expect(try browser.evaluate("document.activeElement.id") == "\"search-input\"")
        try browser.type("weight")
        try browser.waitUntil("document.querySelectorAll('#search-results [role=option]').length === 2")
        try browser.press("ArrowDown")
        #expect(try browser.evaluate("document.getElementById('search-input').getAttribute('aria-activedescendant')") == "\"search-result-0\"")
        #expect(try browser.evaluate("document.getElementById('search-result-0').getAttribute('aria-selected')") == "\"true\"")
        try browser.press("ArrowDown")
        #expect(try browser.evaluate("document.getElementById('search-input').getAttribute('aria-activedescendant')") == "\"search-result-1\"")
        #expect(try browser.evaluate("document.getElementById('search-result-0').getAttribute('aria-selected')") == "\"false\"")
        try browser.press("ArrowUp")
        #expect(try browser.evaluate("document.getElementById('search-input').getAttribute('aria-activedescendant')") == "\"search-result-0\"")
        // Leaving the box with Tab closes the list; coming back shows it again.
        try browser.press("Tab")
        #expect(try browser.evaluate("document.getElementById('search-results').hidden") == "true")
        _ = try browser.evaluate("document.getElementById('search-input').focus() || true")
        try browser.waitUntil("!document.getElementById('search-results').hidden")
        try browser.press("Escape")
        #expect(try browser.evaluate("document.getElementById('search-input').value") == "\"\"")
        #expect(try browser.evaluate("document.getElementById('search-results').hidden") == "true")
        #expect(try browser.evaluate("document.getElementById('search-input').getAttribute('aria-expanded')") == "\"false\"")
        try browser.press("Escape")
        #expect(try browser.evaluate("document.activeElement.id") != "\"search-input\"")
        try expectQuiet(browser)
        // Enter opens the chosen section.
        try browser.press("/")
        try browser.type("values")
        try browser.waitUntil("document.querySelectorAll('#search-results [role=option]').length >= 1")
        try browser.press("ArrowDown")
        try browser.press("Enter")
        try browser.waitUntil("location.hash === '#values'")
    }

    @Test func searchWorksAtPhoneWidthAndInDarkMode() throws {
        let (book, browser) = try site()
        defer { browser.close(); withExtendedLifetime(book) {} }
        try browser.emulate(width: 390, height: 844, dark: true)
        try open(browser, book.output.appendingPathComponent("ru/01-attention.html"))
        _ = try search(browser, "запрос")
        let box = "document.getElementById('search-results').getBoundingClientRect()"
        #expect(try browser.evaluate("\(box).left >= 0 && \(box).right <= 390 && \(box).width > 300") == "true")
        #expect(try browser.evaluate("document.documentElement.scrollWidth <= 390") == "true")
        // Dark: the list is drawn on the page's dark background with light text.
        let luminance = "(function(c){var m=c.match(/\\d+(\\.\\d+)?/g).map(Number); return (0.2126*m[0]+0.7152*m[1]+0.0722*m[2])/255})"
        #expect(try browser.evaluate("\(luminance)(getComputedStyle(document.getElementById('search-results')).backgroundColor) < 0.2") == "true")
        #expect(try browser.evaluate("\(luminance)(getComputedStyle(document.querySelector('.search-heading')).color) > 0.7") == "true")
        try browser.screenshot(to: Self.screenshots.appendingPathComponent("search-phone-dark.png"))
        try expectQuiet(browser)
    }
}
