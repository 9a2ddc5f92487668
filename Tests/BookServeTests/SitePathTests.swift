import Foundation
import Testing
@testable import BookServe

@Suite struct SitePathTests {
    @Test func siteNamesAreTheirFiles() {
        #expect(SitePath.file(forRawPath: "/") == "index.html")
        #expect(SitePath.file(forRawPath: "/en/") == "en/index.html")
        #expect(SitePath.file(forRawPath: "/en/01-serving.html") == "en/01-serving.html")
        #expect(SitePath.file(forRawPath: "/assets/book.css") == "assets/book.css")
        #expect(SitePath.file(forRawPath: "/ru/%D0%B0.html") == "ru/а.html")  // one decoding
    }

    @Test(arguments: [
        "", "en/index.html", "/..", "/../", "/../etc/passwd", "/en/../../etc/passwd", "/./index.html",
        "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/%252e%252e/etc/passwd", "/en/%2fetc%2fpasswd",
        "/..%2fetc%2fpasswd", "/%5c..%5cetc%5cpasswd", "/en\\..\\..\\etc\\passwd", "//etc/passwd",
        "/en//index.html", "/index.html%00.css", "/%00", "/.book-build", "/en/.hidden", "/%zz", "/en/%0d%0aX:1",
        "/" + String(repeating: "a", count: 2000),
    ])
    func pathsThatLeaveOrConfuseTheSiteNameNothing(_ raw: String) {
        #expect(SitePath.file(forRawPath: raw) == nil)
    }

    @Test func typesFollowExtensions() {
        #expect(ContentType.of("en/01.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/book.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("assets/book.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.of("figures/loss.svg") == "image/svg+xml")
        #expect(ContentType.of("book-en.epub") == "application/epub+zip")
        #expect(ContentType.of("README") == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheLastBodyEndOnly() {
        let page = "<html><body><p>`</body>` in text</p>\n</body>\n</html>\n"
        let served = String(decoding: LiveScript.inject(into: Data(page.utf8), build: "b-1"), as: UTF8.self)
        #expect(served == "<html><body><p>`</body>` in text</p>\n<script src=\"/__book/live.js\" data-build=\"b-1\"></script>\n</body>\n</html>\n")
    }
}
