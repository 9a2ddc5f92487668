import BookTestSupport
import Foundation
import Testing
@testable import BookServe

/// The live page in headless Chromium: it follows an edit by itself (prose swapped in place,
/// anything else by a reload), keeps its place, and shows a failed build's errors over the last
/// good pages until they are fixed.
@Suite(.serialized) struct BrowserServeTests {
    /// The test chapter with enough prose after the step to scroll; the edited paragraph holds a
    /// formula (drawn at build time, no script sets it up).
    static let longChapter = ServedBook.chapter + (1...150).map { "Paragraph \($0) of the long tail.\n" }.joined(separator: "\n")
        .replacingOccurrences(of: "Paragraph 100 of the long tail.", with: "Paragraph 100 of the long tail, with `$q \\cdot k$`.")

    @Test func theOverlayShowsEveryErrorAsTextAndGoesWhenFixed() async throws {
        let served = try await ServedBook()
        let browser = try await offThePool { try HeadlessBrowser() }
        defer { browser.close() }
        let page = served.url.appendingPathComponent("en/01-serving.html").absoluteString
        try await offThePool {
            try browser.navigate(page)
            try browser.waitUntil("document.body.innerText.includes('The first version')")
        }

        try served.edit("let a = 1 + 2\na", "let a = 1 + <b>oops</b>\nlet b = )")
        let shown = try await offThePool { () -> String? in
            try browser.waitUntil("document.getElementById('book-live-errors') !== null")
            return try browser.evaluate("document.getElementById('book-live-errors').innerText")
        }
        let overlay = try #require(shown.flatMap { try? JSONDecoder().decode(String.self, from: Data($0.utf8)) })
        let diagnostics = await served.server.state.diagnostics
        #expect(diagnostics.count >= 2)
        for diagnostic in diagnostics {
            // Each one whole: file:line:column, message, the quoted line and the caret.
            let lines = diagnostic.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for line in lines { #expect(overlay.contains(line), "\(line)") }
        }
        #expect(overlay.contains("chapters/en/01-serving.md:6:"))
        #expect(overlay.contains("<b>oops</b>"))  // shown as text...
        #expect(try await offThePool { try browser.evaluate("document.querySelector('#book-live-errors b') === null") } == "true")  // ...never as HTML
        #expect(try await offThePool { try browser.evaluate("document.body.innerText.includes('The first version')") } == "true")

        try served.edit("let a = 1 + <b>oops</b>\nlet b = )", "let a = 1 + 2\na")
        try await offThePool { try browser.waitUntil("document.getElementById('book-live-errors') === null") }
        await served.stop()
    }

    /// Save a prose edit, wait for the open page to show it by itself, read the new text; the
    /// page was not reloaded. Prints every round's time and the median (the real book's figure
    /// comes from `BenchmarkTests`).
    @Test func aProseEditReachesTheOpenPageAtItsScrollPosition() async throws {
        let served = try await ServedBook(chapter: Self.longChapter)
        #expect(try await served.get("/en/01-serving.html").text.contains("data-widget=\"math\""))
        let browser = try await offThePool { try HeadlessBrowser() }
        defer { browser.close() }
        let page = served.url.appendingPathComponent("en/01-serving.html").absoluteString
        try await offThePool {
            try browser.navigate(page)
            try browser.waitUntil("document.body.innerText.includes('Paragraph 150')")
        }
        var times: [Duration] = []
        var previous = "Paragraph 100 of"
        for round in 1...7 {
            try await offThePool {
                try browser.waitUntil("(window.scrollTo(0, 2000), window.scrollY === 2000)")
            }
            // The page has its live connection, as a reader's page long open would.
            while await served.server.listeners != 1 { try await Task.sleep(for: .milliseconds(20)) }
            try await Task.sleep(for: .milliseconds(200))
            let text = "Edited \(round) paragraph"
            _ = try await offThePool { try browser.evaluate("window.bookTestRound = \(round)") }
            let start = ContinuousClock.now
            try served.edit(previous, text)
            try await offThePool { try browser.waitUntil("document.body.innerText.includes('\(text)')") }
            times.append(ContinuousClock.now - start)
            previous = text
            // Prose alone: swapped in place, not reloaded, and the chapter is now what the server sends.
            #expect(try await offThePool { try browser.evaluate("window.bookTestRound") } == "\(round)")
            #expect(try await Self.articleIsAsServed(served, browser), "round \(round)")
            // Where it was, give or take what the browser's scroll anchoring moves it when something
            // above settles after the page has loaded (the reader sees the same lines).
            let y = try await offThePool { () -> Double? in
                _ = try? browser.waitUntil("Math.abs(window.scrollY - 2000) <= 100", timeout: 30)
                return try browser.evaluate("window.scrollY").flatMap(Double.init)
            }
            let offset = y.map { abs($0 - 2000) } ?? .infinity
            #expect(offset <= 100, "round \(round): \(offset) px away from 2000")
        }
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        print("book serve: prose edit to the open page in Chromium: median \(median), rounds \(times.map { "\($0)" })")
        await served.stop()
    }

    /// What the page shows elsewhere than in its prose (here the title, which the head, the menu
    /// and the pager carry too) comes by a reload, at the same place.
    @Test func anEditBeyondTheProseReloadsThePageAtItsPlace() async throws {
        let served = try await ServedBook(chapter: Self.longChapter)
        let browser = try await offThePool { try HeadlessBrowser() }
        defer { browser.close() }
        try await offThePool {
            try browser.navigate(served.url.appendingPathComponent("en/01-serving.html").absoluteString)
            try browser.waitUntil("document.body.innerText.includes('Paragraph 150')")
            try browser.waitUntil("(window.scrollTo(0, 2000), window.scrollY === 2000)")
            _ = try browser.evaluate("window.bookTestRound = 1")
        }
        while await served.server.listeners != 1 { try await Task.sleep(for: .milliseconds(20)) }
        try served.edit("# Serving", "# Serving pages")
        try await offThePool {
            try browser.waitUntil("document.title.includes('Serving pages') && document.readyState === 'complete'")
            try browser.waitUntil("Math.abs(window.scrollY - 2000) <= 100")
        }
        #expect(try await offThePool { try browser.evaluate("window.bookTestRound === undefined") } == "true")
        #expect(try await Self.articleIsAsServed(served, browser))
        await served.stop()
    }

    /// Whether the open page's chapter is, node for node, the one the server sends now.
    static func articleIsAsServed(_ served: ServedBook, _ browser: HeadlessBrowser) async throws -> Bool {
        let html = try await served.get("/en/01-serving.html").text
        let literal = String(decoding: try JSONEncoder().encode(html), as: UTF8.self)
        let same = try await offThePool {
            try browser.evaluate("new DOMParser().parseFromString(\(literal), 'text/html').querySelector('main article').outerHTML"
                + " === document.querySelector('main article').outerHTML")
        }
        return same == "true"
    }
}
