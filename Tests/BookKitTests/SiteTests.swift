import BookTestSupport
import Foundation
import Testing
@testable import BookKit

private func page(_ files: [String: Data], _ path: String) -> String {
    String(decoding: files[path] ?? Data(), as: UTF8.self)
}

@Test func siteHasARootAnIndexPerLanguageEveryChapterAndSharedAssets() throws {
    let files = try Site.files(for: SiteFixture.editions)
    #expect(files.keys.sorted() == [
        "assets/book.css", "assets/book.js",
        "en/01-probabilities.html", "en/02-attention.html", "en/index.html",
        "et/01-probabilities.html", "et/02-attention.html", "et/index.html",
        "index.html",
        "ru/01-probabilities.html", "ru/02-attention.html", "ru/index.html",
    ])
    let root = page(files, "index.html")
    #expect(root.contains(">English<") && root.contains(">Русский<") && root.contains(">Eesti<"))
    #expect(files.values.allSatisfy { $0.count < 1_000_000 })
}

@Test func chapterPageLinksToItsTranslationsNeighboursAndHeadings() throws {
    let files = try Site.files(for: SiteFixture.editions)
    let html = page(files, "et/02-attention.html")
    #expect(html.contains("<html lang=\"et\">"))
    #expect(html.contains("href=\"../en/02-attention.html\""))
    #expect(html.contains("href=\"../ru/02-attention.html\""))
    #expect(html.contains("<a rel=\"prev\" href=\"01-probabilities.html\"><small>← Eelmine</small>"))
    #expect(!html.contains("rel=\"next\""))
    #expect(html.contains("<a href=\"#loss\">Loss</a>"))
    #expect(html.contains("<a href=\"02-attention.html\" aria-current=\"page\">"))
    #expect(html.contains("href=\"../assets/book.css\"") && html.contains("src=\"../assets/book.js\""))
    #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
}

@Test func brokenAnchorFailsTheBuildNamingThePageAndTheLink() {
    var editions = SiteFixture.editions
    editions[1].chapters[0].body += "<p><a href=\"02-attention.html#nowhere\">x</a> <a href=\"missing.html\">y</a></p>"
    #expect {
        _ = try Site.files(for: editions)
    } throws: { error in
        let text = String(describing: error)
        return text.contains("ru/01-probabilities.html: broken link \"02-attention.html#nowhere\": no element has id \"nowhere\" in ru/02-attention.html")
            && text.contains("ru/01-probabilities.html: broken link \"missing.html\": there is no file ru/missing.html")
    }
}

@Test func pagesMayNotLoadAnythingFromAnotherHost() {
    var editions = SiteFixture.editions
    editions[0].chapters[1].body += "<img src=\"https://example.com/a.png\" alt=\"\">"
    #expect(throws: SiteLinkErrors.self) { _ = try Site.files(for: editions) }
}

@Test func oversizedPageFailsTheBuild() {
    var editions = SiteFixture.editions
    editions[2].chapters[1].body += "<p>" + String(repeating: "x", count: 1_000_001) + "</p>"
    #expect {
        _ = try Site.files(for: editions)
    } throws: { error in
        String(describing: error).contains("et/02-attention.html: the page is")
    }
}

@Test func theSameChartTwiceOnAPageGetsDistinctIDs() throws {
    let pageIDs = PageIDs()
    let chart = { Presenter.html(display: .distribution(labels: ["a", "b"], probabilities: [0.5, 0.5]), text: "", language: "en", ids: pageIDs) }
    let chapter = RenderedChapter(slug: "01-x", title: "X", body: "<h1>X</h1>" + chart() + chart())
    let files = try Site.files(for: [RenderedEdition(language: "en", chapters: [chapter])])
    let html = page(files, "en/01-x.html")
    let ids = HTMLAttributes.scan(html).filter { $0.name == "id" }.map(\.value)
    #expect(Set(ids).count == ids.count)
    #expect(ids.filter { $0.hasPrefix("chart-") }.count == 6)
}

@Test func relativeLinksResolveFromThePagesFolder() {
    #expect(LinkChecker.resolve("../ru/a.html", from: "en/b.html") == "ru/a.html")
    #expect(LinkChecker.resolve("a.html", from: "index.html") == "a.html")
    #expect(LinkChecker.resolve("../../a.html", from: "en/b.html") == nil)
}

/// A check that keeps what it read finds the same problems, and reads a changed page again: a
/// link broken by an edit, and one mended by the next, are both seen.
@Test func theLinkCheckWithItsMemoSeesEveryEdit() throws {
    let memo = LinkMemo()
    #expect(try Site.files(for: SiteFixture.editions, links: memo).count == Site.files(for: SiteFixture.editions).count)
    var broken = SiteFixture.editions
    broken[1].chapters[0].body += "<p><a href=\"02-attention.html#nowhere\">x</a></p>"
    #expect {
        _ = try Site.files(for: broken, links: memo)
    } throws: { error in
        String(describing: error) == "ru/01-probabilities.html: broken link \"02-attention.html#nowhere\": no element has id \"nowhere\" in ru/02-attention.html"
    }
    // The target page gains the id, the linking page stays as it was: the link now resolves.
    var mended = broken
    mended[1].chapters[1].body += "<p id=\"nowhere\">here</p>"
    #expect(throws: Never.self) { _ = try Site.files(for: mended, links: memo) }
    #expect(throws: SiteLinkErrors.self) { _ = try Site.files(for: broken, links: memo) }
}
