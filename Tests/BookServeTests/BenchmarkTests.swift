import BookTestSupport
import Foundation
import Testing

/// The issue's benchmark on the real book: `book serve` (the debug tool beside the tests, or the
/// one `BOOK_TOOL` names) on a copy of `chapters/`, a page open in headless Chromium, a sentence added to
/// that chapter; timed from the save to the moment the open page shows the sentence (swapped in
/// place, or after a reload when the edit also changed the title).
@Suite(.serialized) struct BenchmarkTests {
    static let chapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("chapters")

    @Test func aProseEditInTheRealBookReachesTheOpenPage() async throws {
        let server = ServeProcess()
        let chapters = server.scratch.chapters
        try FileManager.default.copyItem(at: Self.chapters, to: chapters)
        // The fourth English chapter (the book's attention chapter when this was written), or the last.
        let names = try FileManager.default.contentsOfDirectory(atPath: chapters.appendingPathComponent("en").path)
            .filter { $0.first?.isNumber == true && $0.hasSuffix(".md") }.sorted()
        let name = try #require(names.count > 3 ? names[3] : names.last)
        let chapter = chapters.appendingPathComponent("en/\(name)")
        let original = try String(contentsOf: chapter, encoding: .utf8)
        // The first build runs every chapter program (seconds, a minute in a debug build).
        let page = "/en/\(name.dropLast(3)).html"
        try await server.start(chapters: chapters, page: page, quiet: false)

        let browser = try await offThePool { try HeadlessBrowser() }
        defer { browser.close() }
        try await offThePool {
            try browser.navigate("http://127.0.0.1:\(server.port)\(page)")
            try browser.waitUntil("document.querySelector('h1') !== null")
        }
        // Rounds 1 to 7 add a sentence, which the page swaps in place; rounds 8 to 14 also change
        // the chapter's title, which the head and the menus carry, so the page reloads.
        let title = try #require(original.split(separator: "\n", maxSplits: 1).first.map(String.init))
        var times: [Duration] = [], reloads: [Duration] = []
        var splits: [String] = []
        for round in 1...14 {
            let reloading = round > 7
            try await offThePool {
                // Scrolled again until it holds: a page still laid out may not scroll yet.
                try browser.waitUntil("(window.scrollTo(0, 1500), window.scrollY === 1500)")
            }
            try await Task.sleep(for: .milliseconds(400))  // settled, as a page a writer looks at
            let sentence = "Benchmark sentence number \(round)."
            let start = ContinuousClock.now
            let saved = Date().timeIntervalSince1970 * 1000
            let text = reloading ? original.replacingOccurrences(of: title, with: title + " \(round)") : original
            _ = try await offThePool { try browser.evaluate("window.benchmarkRound = \(round)") }
            try Data((text + "\n\(sentence)\n").utf8).write(to: chapter)
            // textContent, not innerText: polled every few milliseconds, innerText would lay the
            // page out each time and slow down the very reload being timed.
            try await offThePool { try browser.waitUntil("document.body.textContent.includes('\(sentence)')") }
            if reloading { reloads.append(ContinuousClock.now - start) } else { times.append(ContinuousClock.now - start) }
            let kept = try await offThePool { try browser.evaluate("window.benchmarkRound === \(round)") }
            #expect(kept == (reloading ? "false" : "true"), "round \(round): \(reloading ? "not reloaded" : "reloaded")")
            // Where a reload's time went: until the browser started it, then its own steps.
            if reloading, let split = try await offThePool({ try browser.evaluate(Self.split(savedAt: saved)) }) { splits.append(split) }
            // The script restores the position right after the reload; give it the moment it needs.
            // A widget that grows above the place once its script runs moves the text down, and
            // the browser's scroll anchoring follows it: the reader still sees the same lines.
            let y = try await offThePool { () -> Double? in
                _ = try? browser.waitUntil("Math.abs(window.scrollY - 1500) <= 100", timeout: 30)
                return try browser.evaluate("window.scrollY").flatMap(Double.init)
            }
            let offset = y.map { abs($0 - 1500) } ?? .infinity
            #expect(offset <= 100, "scrolled \(offset) px away from 1500")
        }
        #expect(try await server.stop())
        // How much of each round the build took, as the server says.
        let builds = server.log.matches(of: #/after a change to \S+ in (\d+\.\d+) s/#).map { String($0.1) }
        print("book serve benchmark: the server's build times (s): \(builds.joined(separator: ", "))")
        func summary(_ times: [Duration]) -> String {
            let ms = times.map { String(format: "%.0f", Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1000) }
            return "median \(times.sorted()[times.count / 2]); rounds in ms: \(ms.joined(separator: ", "))"
        }
        print("book serve benchmark (real book, en/\(name)), prose swapped in place: \(summary(times))")
        print("book serve benchmark (real book, en/\(name)), title edit, page reloaded: \(summary(reloads))")
        print("book serve benchmark: each reload's split (ms from the save): \(splits.joined(separator: "; "))")
        // The figure is printed for the benchmark (target 300 ms); the test asserts what a writer
        // sees (every edit reaches the page, at the same scroll position), not how fast.
    }

    /// JavaScript giving, in milliseconds from `saved` (epoch ms), when the reload started, when
    /// the page's bytes were in, and when its text was parsed (DOMContentLoaded).
    static func split(savedAt saved: Double) -> String {
        """
        (function () {
          var n = performance.getEntriesByType("navigation")[0], o = performance.timeOrigin - \(saved);
          return "reload " + Math.round(o) + ", page in " + Math.round(o + n.responseEnd) +
            ", parsed " + Math.round(o + n.domContentLoadedEventEnd);
        })()
        """
    }
}
