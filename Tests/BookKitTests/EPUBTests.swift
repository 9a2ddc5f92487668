import BookTestSupport
import Foundation
import Testing
import ZIPFoundation
@testable import BookKit

@Suite("EPUB", .ownThreads)
struct EPUBTests {
    @Test func mimetypeIsTheFirstEntryStoredWithoutExtraField() throws {
        let bytes = [UInt8](try EPUBPackage.data(for: EPUBFixture.book("en")))
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        #expect(bytes.prefix(4) == [0x50, 0x4B, 0x03, 0x04])  // a local file header
        #expect(uint16(8) == 0)  // compression method: stored
        #expect(uint16(26) == 8 && uint16(28) == 0)  // name length, extra field length
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
        #expect(bytes[58..<62] == [0x50, 0x4B, 0x03, 0x04])  // the next entry follows at once
    }

    @Test func entriesComeInAFixedOrderWithAFixedDate() throws {
        let archive = try Archive(data: EPUBPackage.data(for: EPUBFixture.book("ru")), accessMode: .read)
        #expect(archive.map(\.path) == [
            "mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/style.css",
            "EPUB/00-foundations.xhtml", "EPUB/03-attention.xhtml", "EPUB/05-training.xhtml",
        ])
        for entry in archive {
            #expect(entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800), "\(entry.path)")
            #expect(entry.isCompressed == (entry.path != "mimetype"), "\(entry.path)")
        }
    }

    @Test func theSameBookGivesTheSameBytes() throws {
        let first = try EPUBPackage.data(for: EPUBFixture.book("et"))
        let second = try EPUBPackage.data(for: EPUBFixture.book("et"))
        #expect(first == second)
        let later = try EPUBPackage.data(for: EPUBFixture.book("et", modified: "2026-02-01T00:00:00Z"))
        #expect(later != first)
    }

    @Test func packageDocumentListsEveryChapterInSpineOrder() throws {
        let book = EPUBFixture.book("en")
        let opf = try text(of: "EPUB/package.opf", in: book)
        #expect(opf.contains(#"<dc:identifier id="book-id">urn:book:how-a-gpt-works:en</dc:identifier>"#))
        #expect(opf.contains("<dc:title>How a tiny GPT works &lt;draft&gt; &amp; notes</dc:title>"))
        #expect(opf.contains("<dc:language>en</dc:language>"))
        #expect(opf.contains(#"<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>"#))
        #expect(opf.contains(#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>"#))
        #expect(opf.contains(#"<item id="style" href="style.css" media-type="text/css"/>"#))
        for slug in EPUBFixture.slugs {
            // Every fixture chapter has an inline chart, so every one is marked as holding SVG.
            #expect(opf.contains(#"<item id="chapter-\#(slug)" href="\#(slug).xhtml" media-type="application/xhtml+xml" properties="svg"/>"#))
        }
        let spine = opf.matches(of: /<itemref idref="([^"]+)"\/>/).map { String($0.1) }
        #expect(spine == EPUBFixture.slugs.map { "chapter-" + $0 })
    }

    @Test func chaptersWithoutSVGAreNotMarkedAsSVG() throws {
        var book = EPUBFixture.book("en")
        book.chapters[1].body = "<h1 id=\"plain\">Plain</h1><p>No chart.</p>"
        book.chapters[1].headings = []
        let opf = try text(of: "EPUB/package.opf", in: book)
        #expect(opf.contains(#"<item id="chapter-03-attention" href="03-attention.xhtml" media-type="application/xhtml+xml"/>"#))
    }

    @Test func navigationLinksEveryChapterAndItsSections() throws {
        let book = EPUBFixture.book("ru")
        let nav = try text(of: "EPUB/nav.xhtml", in: book)
        let toc = try #require(nav.firstMatch(of: /<nav epub:type="toc" id="toc">[\s\S]*?<\/nav>/)).output
        let links = toc.matches(of: /<a href="([^"]+)">([^<]+)<\/a>/).map { "\($0.1) \($0.2)" }
        var expected: [String] = []
        for chapter in book.chapters {
            expected.append("\(chapter.slug).xhtml \(chapter.title)")
            for heading in chapter.headings where heading.level == 2 {
                expected.append("\(chapter.slug).xhtml#\(heading.id) \(heading.text)")
            }
        }
        #expect(links == expected)
        #expect(toc.contains("<li><a href=\"03-attention.xhtml\">Внимание</a>\n        <ol>\n          <li><a href=\"03-attention.xhtml#03-attention-a\">"))
        #expect(!toc.contains("-detail"))  // level-3 headings stay out of the table of contents
        #expect(nav.contains(#"<nav epub:type="landmarks" id="landmarks" hidden="hidden">"#))
        #expect(nav.contains(#"<a epub:type="bodymatter" href="00-foundations.xhtml">Основы</a>"#))
    }

    @Test func chaptersAreXHTMLDocumentsInTheBooksLanguage() throws {
        let book = EPUBFixture.book("et")
        let chapter = try text(of: "EPUB/05-training.xhtml", in: book)
        #expect(chapter.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"))
        #expect(chapter.contains(#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="et" lang="et">"#))
        #expect(chapter.contains("<title>Treenimine ja genereerimine</title>"))
        #expect(chapter.contains(#"<link rel="stylesheet" type="text/css" href="style.css"/>"#))
        #expect(chapter.contains("<body>\n" + book.chapters[2].body + "\n</body>"))
        #expect(try text(of: "EPUB/style.css", in: book) == EPUBFixture.stylesheet)
    }

    @Test func noFileHoldsAScript() throws {
        let archive = try Archive(data: EPUBPackage.data(for: EPUBFixture.book("en")), accessMode: .read)
        for entry in archive {
            let text = try contents(of: entry, in: archive)
            #expect(text.range(of: "<script", options: .caseInsensitive) == nil, "\(entry.path)")
        }
        var book = EPUBFixture.book("en")
        book.chapters[0].body += "<script>alert(1)</script>"
        #expect(throws: EPUBError.forbiddenContent(slug: "00-foundations", what: "a <script> element")) {
            try EPUBPackage.data(for: book)
        }
    }

    @Test func booksThatCannotBeValidAreRefused() {
        func refusal(_ change: (inout EPUBBook) -> Void) -> EPUBError? {
            var book = EPUBFixture.book("en")
            change(&book)
            do { _ = try EPUBPackage.data(for: book); return nil } catch { return error as? EPUBError }
        }
        #expect(refusal { $0.chapters = [] } == .noChapters)
        #expect(refusal { $0.language = " " } == .badMetadata(field: "language", value: " ", expected: "a non-empty text"))
        #expect(refusal { $0.modified = "2026-01-01" }
            == .badMetadata(field: "modified", value: "2026-01-01", expected: "a UTC time like 2026-01-01T00:00:00Z"))
        #expect(refusal { $0.chapters[1].slug = "03 attention" } == .badSlug("03 attention"))
        #expect(refusal { $0.chapters[1].slug = "nav" } == .badSlug("nav"))
        #expect(refusal { $0.chapters[1].slug = "00-foundations" } == .duplicateSlug("00-foundations"))
        #expect(refusal { $0.chapters[2].headings.append(Heading(level: 2, id: "nowhere", text: "?")) }
            == .missingHeading(slug: "05-training", id: "nowhere"))
        #expect(refusal { $0.chapters[0].body += "<p data-labels=\"0.1\u{1F}0.2\"/>" }
            == .forbiddenContent(slug: "00-foundations", what: "the character U+001F, which XML cannot carry"))
    }

    @Test func textIsEscapedForXML() {
        #expect(EPUBDocuments.escape("a < b & \"c\" 'd' > e") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e")
        #expect(EPUBDocuments.escape("tab\tline\r\nbell\u{7}ёлка") == "tab\tline\r\nbellёлка")
    }

    @Test(arguments: ["en", "ru", "et"])
    func epubcheckAcceptsTheBook(language: String) async throws {
        let result = try await check(EPUBFixture.book(language))
        let complaints = result.output.split(separator: "\n").filter { line in
            ["WARNING", "ERROR", "FATAL"].contains { line.hasPrefix($0) }
        }
        #expect(result.status == 0, "epubcheck exited \(result.status):\n\(result.output)")
        #expect(complaints.isEmpty, "epubcheck:\n\(complaints.joined(separator: "\n"))")
    }

    /// Proves the check above can fail: the site's own HTML syntax, packaged unfixed, is fatal in XHTML.
    @Test func epubcheckRejectsSiteHTMLThatIsNotXHTML() async throws {
        var book = EPUBFixture.book("en")
        book.chapters[0].body += #"<div class="slider" hidden><input type="range" min="0" max="1"></div>"#
        let result = try await check(book)
        #expect(result.status != 0)
        #expect(result.output.contains("FATAL(RSC-016)"))
    }

    private func check(_ book: EPUBBook) async throws -> EPUBCheck.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-epub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book-\(book.language).epub")
        try EPUBPackage.data(for: book).write(to: file)
        return try await EPUBCheck.run(file)
    }

    private func text(of path: String, in book: EPUBBook) throws -> String {
        let archive = try Archive(data: EPUBPackage.data(for: book), accessMode: .read)
        let entry = try #require(archive[path], "no \(path) in the archive")
        return try contents(of: entry, in: archive)
    }

    private func contents(of entry: Entry, in archive: Archive) throws -> String {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The EPUB renderer draws the same results as the site, without scripts.
@Test func theSampleBookRendersAsValidEPUBs() async throws {
    let files = try EPUBRenderer().render(SiteFixture.book)
    #expect(files.keys.sorted() == ["book-en.epub", "book-et.epub", "book-ru.epub"])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("epub-sample-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, data) in files {
        try data.write(to: folder.appendingPathComponent(name))
        let check = try await EPUBCheck.run(folder.appendingPathComponent(name))
        #expect(check.isClean, "\(name): \(check.output)")
    }
    let chapter = ChapterBody(chapter: SiteFixture.book.editions[0].chapters[0].chapter, outcomes: SiteFixture.book.editions[0].chapters[0].outcomes,
                              language: "en", interactive: false, linkTarget: EPUBRenderer.xhtmlLink).render(ids: PageIDs()) { _ in "" }
    #expect(chapter.body.contains("href=\"02-attention.xhtml#loss\"") && chapter.body.contains("href=\"#numbers-and-vectors\""))
    #expect(!chapter.body.contains("data-variants") && !chapter.body.contains(" hidden"))
    #expect(chapter.body.components(separatedBy: "<svg").count - 1 == 1)  // the slider's default chart only
    #expect(EPUBRenderer.xhtmlLink("https://example.com/a.html") == "https://example.com/a.html")
}
