import Foundation
import Testing
@testable import BookKit

/// The package root, found from this file's path, so that screenshots land in `build/`.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

@Test func everyPageOfTheSampleSiteWorksInChromium() throws {
    let files = try Site.files(for: SiteFixture.editions)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-site-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try Site.write(files, to: folder)

    let check = BrowserCheck(screenshots: packageRoot.appendingPathComponent("build/screenshots"))
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
