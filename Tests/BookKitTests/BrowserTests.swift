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
