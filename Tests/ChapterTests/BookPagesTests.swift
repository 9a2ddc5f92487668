import BookKit
import BookTestSupport
import MicroGPTSteps
import Foundation
import Testing

/// The real book, built and opened page by page in headless Chromium: no console error, no
/// failed request, charts present, sliders and language switchers working, no `pre` that scrolls
/// sideways at 1280 or 390 px, no negative zero. Screenshots of
/// every page (light, dark, phone) go to .build/screenshots/book for a person to look at.
@Suite(.ownThreads) struct BookPagesTests {
    @Test func everyPageOfTheBookWorksInChromium() throws {
        let (output, report) = try Book.site.get()
        #expect(report.chapters == Book.languages.count * Book.slugs.count)

        var check = BrowserCheck(screenshots: Book.root.appendingPathComponent(".build/screenshots/book"))
        // A desktop window and a phone: no `pre` scrolls sideways at either, no page shows a negative zero.
        check.widths = [1280, 390]
        let pages = try check.run(site: output)
        #expect(pages.failures == [])
        let chapterPages = pages.pages.filter { page in Book.slugs.contains { page.page.hasSuffix("/\($0).html") } }
        #expect(chapterPages.count == Book.languages.count * Book.slugs.count)
        for page in chapterPages {
            // Each chapter page leads to the same chapter in the two other languages.
            let language = String(page.page.prefix(2)), file = String(page.page.dropFirst(3))
            let others = Book.languages.filter { $0 != language }.map { "../\($0)/\(file)" }
            #expect(page.languageLinks.sorted() == others.sorted(), "\(page.page)")
            #expect(page.themeToggled, "\(page.page)")
        }
        let training = try #require(pages.pages.first { $0.page == "en/05-training.html" })
        #expect(training.sliders == 2)
        #expect(training.charts >= 12)
        let attention = try #require(pages.pages.first { $0.page == "en/03-attention.html" })
        #expect(attention.charts >= 4)
    }

    /// Every page stays small; shared assets are not counted per page.
    @Test func pagesAreUnderOneMegabyte() throws {
        let output = try Book.site.get().folder
        let pages = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.fileSizeKey])?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "html" } ?? []
        #expect(pages.count == Book.languages.count * (Book.slugs.count + 1) + 1)
        for page in pages {
            let size = try page.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            #expect(size < 1_000_000, "\(page.lastPathComponent) is \(size) bytes")
        }
    }
}
