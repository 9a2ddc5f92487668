import BookTestSupport
import Foundation
import Testing
import ZIPFoundation
@testable import BookKit

/// Formulas: both authoring forms are read with every byte's place in the file, KaTeX typesets
/// them at build time (HTML for the site, MathML for EPUB), and a formula it rejects is an error at
/// the exact line and column, with nothing written.
@Suite(.ownThreads) struct MathTests {
    static let chapter = """
    # Formulas

    Inline `$\\frac{a}{b}$`, an expression `=1.5`, and plain code `$HOME` and `$`.

    ```math
    \\operatorname{softmax}(z)_i =
      \\frac{e^{z_i}}{\\sum_j e^{z_j}}
    ```

    - In a list, `$\\sqrt{d}$`
      across lines `$x +
      y$`.

    """

    @Test func bothFormsAreReadWithTheirPlaceInTheFile() throws {
        let chapter = ChapterParser.parse(ChapterText(file: "f.md", text: Self.chapter))
        #expect(chapter.diagnostics == [])
        #expect(chapter.inlines.map(\.expression) == ["1.5"])
        #expect(chapter.formulas.map(\.tex) == ["\\frac{a}{b}", "\\operatorname{softmax}(z)_i =\n  \\frac{e^{z_i}}{\\sum_j e^{z_j}}",
                                               "\\sqrt{d}", "x + y"])
        #expect(chapter.formulas.map(\.display) == [false, true, false, false])
        let inline = chapter.formulas[0], block = chapter.formulas[1], wrapped = chapter.formulas[3]
        #expect(inline.start == SourceLocation(file: "f.md", line: 3, column: 8))
        #expect(inline.location(ofByte: 0) == SourceLocation(file: "f.md", line: 3, column: 10))
        #expect(block.start == SourceLocation(file: "f.md", line: 5, column: 1))
        // "\frac" on the block's second line, after two spaces of indentation.
        #expect(block.location(ofByte: block.tex.utf8.count - "\\frac{e^{z_i}}{\\sum_j e^{z_j}}".utf8.count)
            == SourceLocation(file: "f.md", line: 7, column: 3))
        // A span across two lines: "y" stands at the start of the next line's text.
        #expect(wrapped.location(ofByte: 4) == SourceLocation(file: "f.md", line: 12, column: 3))
        #expect(Set(chapter.formulas.map(\.node)).count == 4)
    }

    @Test func emptyFormulasAreErrors() {
        let chapter = ChapterParser.parse(ChapterText(file: "e.md", text: "# E\n\nNothing: `$ $`.\n\n```math\n\n```\n"))
        #expect(chapter.diagnostics.map(\.id) == [.emptyFormula, .emptyFormula])
        #expect(chapter.diagnostics.map(\.location.line) == [3, 5])
    }

    @Test func aFormulaKaTeXRejectsIsAnErrorAtItsExactPlaceAndNothingIsWritten() throws {
        let book = ScratchBook()
        try book.write("en/01-bad.md", """
        # Bad

        Text with `$\\text{ё} + \\sqrtt{x}$` here, `$\\beta$` is fine.

        ```math
        x = 1 \\\\
        y = \\foo{2}
        ```

        """)
        #expect {
            try book.project().build()
        } throws: { error in
            guard case .diagnostics(let list)? = error as? BuildError else { return false }
            return list.map(\.id) == [.mathSyntax, .mathSyntax]
                && list.map(\.location.description) == ["chapters/en/01-bad.md:3:25", "chapters/en/01-bad.md:7:5"]
                && list[0].message.contains("\\sqrtt") && list[0].sourceLine?.hasPrefix("Text with") == true
        }
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
    }

    @Test func withoutNodeJSTheErrorSaysWhatToInstall() {
        #expect(NodeProcess.executable(path: "/nonexistent:/also-not-here") == nil)
        #expect(NodeProcess.executable(path: "/usr/bin") != nil)
        let message = NodeProblem.missing(reason: "typesetting the book's formulas with KaTeX").description
        #expect(message == "error: typesetting the book's formulas with KaTeX needs Node.js, which is not on PATH: install it (Debian: apt-get install nodejs, or run scripts/setup-system)")
    }

    @Test func theSiteShowsKaTeXsHTMLAndEPUBItsMathML() throws {
        let book = ScratchBook()
        try book.write("en/01-formulas.md", Self.chapter)
        var options = book.options()
        options.formats = ["html", "epub"]
        try Project(options: options, makeSession: SessionCounter().make).build()
        let page = try String(contentsOf: book.output.appendingPathComponent("en/01-formulas.html"), encoding: .utf8)
        #expect(page.contains("<span class=\"math\" data-widget=\"math\"><span class=\"katex\">"))
        #expect(page.contains("<div class=\"math-display\" data-widget=\"math\"><span class=\"katex-display\">"))
        #expect(page.contains("assets/vendor/katex/katex.min.css"))
        #expect(page.contains("<code>$HOME</code>"))
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("assets/vendor/katex/fonts/KaTeX_Main-Regular.woff2").path))
        let archive = try Archive(url: book.output.appendingPathComponent("book-en.epub"), accessMode: .read)
        func text(_ path: String) throws -> String {
            let entry = try #require(archive[path], "no \(path) in the EPUB")
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let xhtml = try text("EPUB/01-formulas.xhtml")
        #expect(xhtml.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(!xhtml.contains("katex-html"))
        #expect(try text("EPUB/package.opf").contains("href=\"01-formulas.xhtml\" media-type=\"application/xhtml+xml\" properties=\"mathml\""))
    }

    @Test func markupInAFormulaStaysText() throws {
        let book = ScratchBook()
        try book.write("en/01-hostile.md", "# Hostile\n\n`$</annotation><script>alert(1)</script> \\href{javascript:alert(1)}{x}$`\n")
        var options = book.options()
        options.formats = ["html", "epub"]
        try Project(options: options, makeSession: SessionCounter().make).build()
        let page = try String(contentsOf: book.output.appendingPathComponent("en/01-hostile.html"), encoding: .utf8)
        #expect(page.contains("&lt;/annotation&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert") && !page.contains("href=\"javascript") && !page.contains("</annotation><script"))
    }

    @Test func anEPUBWithFormulasPassesEpubcheck() async throws {
        let book = ScratchBook()
        try book.write("en/01-formulas.md", Self.chapter)
        var options = book.options()
        options.formats = ["epub"]
        try Project(options: options, makeSession: SessionCounter().make).build()
        let result = try await EPUBCheck.run(book.output.appendingPathComponent("book-en.epub"))
        #expect(result.status == 0 && result.isClean, "\(result.output)")
    }

    @Test func warmBuildsTypesetFromTheCache() throws {
        let book = ScratchBook()
        try book.write("en/01-formulas.md", Self.chapter)
        var options = book.options()
        options.cache = book.root.appendingPathComponent(".build-cache")
        options.formats = ["epub"]
        try Project(options: options, makeSession: SessionCounter().make).build()
        let cached = try FileManager.default.contentsOfDirectory(atPath: book.root.appendingPathComponent(".build-cache/math").path)
        #expect(cached.filter { $0.hasSuffix(".json") }.count == 4)
        // With every formula cached, no Node.js is needed: a PATH without it still builds.
        let work = NodeWork(cache: options.cache)
        let chapter = ChapterParser.parse(ChapterText(file: "f.md", text: Self.chapter))
        try work.typeset(chapter.formulas.map(\.key))
        #expect(!work.isRunning)
        let done = try work.finish()
        #expect(done.math.count == 4)
    }
}
