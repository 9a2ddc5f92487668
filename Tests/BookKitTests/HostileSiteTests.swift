import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// Hostile books as a whole: language folders whose names would reach an attribute or a path,
/// pages the link checker must refuse, and sizes that must not take quadratic time.
@Suite(.ownThreads) struct HostileSiteTests {
    /// A language folder's name (or a `--language` value) and whether a book may use it.
    static let languages: [(String, Bool)] = [
        ("en", true), ("pt-BR", true), ("zh-Hant-TW", true), ("sr-Latn", true), ("ast", true),
        ("x\"y", false), ("<script>", false), ("en_US", false), ("e", false), ("en-", false),
        ("-en", false), ("en us", false), ("ελ", false), ("en-abcdefghi", false),
    ]

    @Test(arguments: languages)
    func aLanguageFolderIsNamedLikeALanguageCode(_ language: String, _ allowed: Bool) throws {
        let book = ScratchBook()
        try book.write("\(language)/01-a.md", "# A\n\nText.\n")
        do throws(BuildError) {
            try book.project().build()
            #expect(allowed, "\(language) should be refused")
            let page = (try? String(contentsOf: book.output.appendingPathComponent("\(language)/01-a.html"), encoding: .utf8)) ?? ""
            #expect(page.contains("<html lang=\"\(language)\">"))
        } catch {
            #expect(!allowed && error == .badLanguage(language: language, folder: "chapters"), "\(language): \(error)")
            #expect(book.rootEntries == ["chapters"], "nothing is written")
        }
    }

    /// `--language` values that would lead out of the chapters folder.
    @Test(arguments: ["../en", "en/../en", ".", "..", "/tmp"])
    func aLanguageOptionCannotLeadAnywhereElse(_ language: String) throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# A\n")
        try book.write("01-b.md", "# B\n")
        #expect(throws: BuildError.badLanguage(language: language, folder: "chapters")) {
            try book.project(languages: [language]).build()
        }
        #expect(book.rootEntries == ["chapters"])
    }

    @Test func theMessageSaysWhatALanguageFolderIsNamed() {
        #expect(BuildError.badLanguage(language: "en_US", folder: "chapters").description
            == "error: 'en_US' is not a language code: a language folder is named by its BCP 47 code, like en, ru or pt-BR (letters, digits and '-'); rename chapters/en_US or move it out")
    }

    /// Pages the renderers never write, which the link checker must still refuse.
    static let pages: [(String, String)] = [
        ("<a href=\"javascript:alert(1)\">x</a>", "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"),
        ("<a href=\"JAVASCRIPT:alert(1)\">x</a>", "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"),
        ("<a href=\" &#x09;javascript:x\">x</a>", "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"),
        ("<img src=\"data:text/html,x\" alt=\"\">", "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"),
        ("<a href=\"vbscript:x\">x</a>", "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"),
        ("<p id=\"a\"></p><p id=\"a\"></p>", "the id \"a\" is on more than one element"),
        ("<h2 id=\"content\">x</h2>", "the id \"content\" is on more than one element"),
        ("<a href=\"javascript&colon;x\">x</a>", "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"),
    ]

    @Test(arguments: pages)
    func theLinkCheckerRefusesWhatAPageMustNotCarry(_ body: String, _ reason: String) {
        let chapter = RenderedChapter(slug: "01-x", title: "X", body: "<h1>X</h1>" + body)
        #expect(throws: (any Error).self) { try Site.files(for: [RenderedEdition(language: "en", chapters: [chapter])]) }
        let page = PageTemplate(editions: [RenderedEdition(language: "en", chapters: [chapter])], themeScript: "").chapterPage(edition: 0, chapter: 0)
        let problems = LinkChecker.problems(in: ["en/01-x.html": Data(page.utf8), "en/index.html": Data()])
        #expect(problems.map(\.reason).contains(reason), "\(problems)")
    }

    /// Parsing and drawing a chapter of `count` copies of `piece`. (How long 20,000 copies take is
    /// measured by `scripts/bench-pathological`, not here: tests assert results, not times.)
    static func drawn(_ piece: String, count: Int) -> (Chapter, RenderedChapter) {
        let chapter = ChapterParser.parse(ChapterText(file: "ch.md", text: "# T\n\n" + String(repeating: piece, count: count) + "\n"))
        let outcomes = chapter.items.map { _ in StepOutcome(printed: "", text: "1", display: .number(1), diagnostics: [], duration: .zero) }
        let page = ChapterBody(chapter: chapter, outcomes: outcomes, language: "en").render(ids: PageIDs()) { _ in "" }
        return (chapter, page)
    }

    @Test func twoThousandSameHeadingsGetTwoThousandIDs() {
        let page = Self.drawn("## Same\n\n", count: 2_000).1
        #expect(page.headings.last?.id == "same-2000")
        #expect(Set(page.headings.map(\.id)).count == 2_001)
    }

    @Test func twoThousandInlineExpressionsOnOneLineKeepTheirColumns() {
        let chapter = Self.drawn("`=1` ", count: 2_000).0
        #expect(chapter.inlines.count == 2_000)
        #expect(chapter.inlines.last?.span.column == 5 + 5 * 1_999 - 4)
    }

    @Test func unclosedBacktickRunsOfEveryLengthLeaveTheExpressionAfterThem() {
        // Runs of 2 to 400 backticks, none ever closed: each used to scan the rest of the line.
        let piece = (2...400).map { String(repeating: "`", count: $0) + " a " }.joined()
        #expect(Self.drawn(piece + "`=1`", count: 1).0.inlines.count == 1)
    }
}
