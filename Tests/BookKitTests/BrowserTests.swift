import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// The package root, found from this file's path, so that screenshots land in `.build/screenshots`
/// (never in `build/`, which only `book build` writes).
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

@Test func everyPageOfTheSampleSiteWorksInChromium() throws {
    let files = try Site.files(for: SiteFixture.editions)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-site-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Site.write(files, to: folder)

    let check = BrowserCheck(screenshots: packageRoot.appendingPathComponent(".build/screenshots"))
    let report = try check.run(site: folder)

    #expect(report.failures == [])
    #expect(report.pages.count == 10)
    let chapterOne = try #require(report.pages.first { $0.page == "ru/01-probabilities.html" })
    #expect(chapterOne.charts == 3)  // one bar chart per slider position
    #expect(chapterOne.tables == 3)
    #expect(chapterOne.sliders == 1)
    #expect(chapterOne.languageLinks.sorted() == ["../en/01-probabilities.html", "../et/01-probabilities.html"])
    #expect(chapterOne.themeToggled)
    let chapterTwo = try #require(report.pages.first { $0.page == "et/02-attention.html" })
    #expect(chapterTwo.charts == 6)  // four heads, the loss curve, the graph
}

@Test func browserCheckReportsScriptErrorsFailedLoadsAndEmptyCharts() throws {
    var files = try Site.files(for: [RenderedEdition(language: "en", chapters: [
        RenderedChapter(slug: "01-broken", title: "Broken", body: "<p>ok</p>"),
    ])])
    let good = String(decoding: files["en/01-broken.html"] ?? Data(), as: UTF8.self)
    let broken = good.replacingOccurrences(of: "<p>ok</p>", with: """
        <svg class="chart" role="img" aria-labelledby="t"><title id="t">An empty chart</title></svg>
        <img src="missing.png" alt="">
        <script>console.error("boom");</script>
        <script>notDefinedAnywhere();</script>
        """)
    files["en/01-broken.html"] = Data(broken.utf8)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-broken-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Site.write(files, to: folder)

    let report = try BrowserCheck().run(site: folder)
    let failures = report.failures.filter { $0.hasPrefix("en/01-broken.html: ") }
    #expect(failures.contains { $0.contains("chart 0 (chart) is empty") })
    #expect(failures.contains { $0.contains("failed to load") && $0.contains("missing.png") })
    #expect(failures.contains { $0.contains("console.error: boom") })
    #expect(failures.contains { $0.contains("notDefinedAnywhere") })
    #expect(report.failures.count == failures.count)  // the other pages are fine
}

@Test func browserCheckReportsWidePreAndNegativeZerosAtEachWidth() throws {
    var files = try Site.files(for: [RenderedEdition(language: "en", chapters: [
        RenderedChapter(slug: "01-wide", title: "Wide", body: "<p>ok</p>"),
        RenderedChapter(slug: "02-fine", title: "Fine", body: "<p>ok</p>"),
    ])])
    let page = String(decoding: files["en/01-wide.html"] ?? Data(), as: UTF8.self)
    files["en/01-wide.html"] = Data(page.replacingOccurrences(of: "<p>ok</p>", with: """
        <pre style="white-space: pre; overflow-x: auto">\(String(repeating: "x", count: 60))</pre>
        <div class="math-display" style="overflow-x: auto"><span style="white-space: nowrap">\(String(repeating: "y", count: 60))</span></div>
        <p>A rounded value: −0.0.</p>
        """).utf8)
    let fine = String(decoding: files["en/02-fine.html"] ?? Data(), as: UTF8.self)
    files["en/02-fine.html"] = Data(fine.replacingOccurrences(of: "<p>ok</p>", with: """
        <p>Numbers that are not negative zeros: −0.05, -0,25, 1e-05, 0.0, x-0, [0.0, −1.0].</p>
        """).utf8)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-wide-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Site.write(files, to: folder)

    var check = BrowserCheck()
    check.widths = [1280, 390]
    let failures = try check.run(site: folder).failures
    // Sixty characters fit 1280 px but not a 390 px phone (an iframe: Chromium's window is wider).
    let wide = failures.filter { $0.contains("scrolls sideways") }
    #expect(wide.count == 2 && wide.first?.hasPrefix("en/01-wide.html: pre 0 scrolls sideways at 390 px") == true, "\(wide)")
    #expect(wide.last?.hasPrefix("en/01-wide.html: formula 0 scrolls sideways at 390 px") == true, "\(wide)")
    #expect(failures.contains { $0.hasPrefix("en/01-wide.html: a negative zero is shown: '−0.0'") })
    #expect(!failures.contains { $0.hasPrefix("en/02-fine.html") })
}
