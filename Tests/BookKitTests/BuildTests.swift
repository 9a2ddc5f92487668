import BookTestSupport
import Foundation
import Testing
@testable import BookKit

@Suite(.ownThreads) struct BuildTests {
    static let english = """
    # Numbers

    The loss is `=2.54321 | 2` and the mean `=0.5`.

    ```swift step name=first
    say hello
    value 2.5
    ```

    ```output
    hello
    2.5
    ```

    ## Next part

    <script>alert(1)</script>

    ```swift step hide-code
    value 3
    ```

    """

    /// The translation, its sections marked with the English fingerprints (as `book translations --accept` does).
    static let russian = TranslationMarks.marked(
        ChapterParser.parse(ChapterText(file: "ru", text: english.replacingOccurrences(of: "# Numbers", with: "# Числа")
            .replacingOccurrences(of: "The loss is", with: "Потеря равна"))),
        english: ChapterParser.parse(ChapterText(file: "en", text: english)), positional: true).0

    /// Results from the cache say so, also when the chapter that first ran them now has another
    /// program (it would be wrong to call them that chapter's).
    @Test func resultsFromTheCacheSayWhereTheyCameFrom() throws {
        let book = ScratchBook()
        try book.write("en/01-numbers.md", Self.english)
        try book.write("ru/01-numbers.md", Self.russian)
        var options = book.options()
        options.cache = book.root.appendingPathComponent(".build-cache")
        try Project(options: options, makeSession: SessionCounter().make).build()
        try book.write("en/01-numbers.md", Self.english.replacingOccurrences(of: "value 3", with: "value 4"))
        var lines: [String] = []
        _ = try? Project(options: options, progress: { lines.append($0) }, makeSession: SessionCounter().make).build()
        #expect(lines == ["en/01-numbers  2 steps  0.00 s", "ru/01-numbers  2 steps  results from the cache"])
    }

    @Test func buildWritesEveryLanguageAndRunsASharedProgramOnce() throws {
        let book = ScratchBook()
        try book.write("en/01-numbers.md", Self.english)
        try book.write("ru/01-numbers.md", Self.russian)
        let counter = SessionCounter()
        var lines: [String] = []
        let report = try book.project(counter) { lines.append($0) }.build()
        #expect(counter.files == ["chapters/en/01-numbers.md"])
        #expect(lines == ["en/01-numbers  2 steps  0.00 s",
                          "ru/01-numbers  2 steps  same program as chapters/en/01-numbers.md, results reused"])
        #expect(report == BuildReport(chapters: 2, steps: 4, files: 12, warnings: []))
        let files = ScratchBook.contents(of: book.output)
        #expect(files.keys.sorted() == [".book-build", "assets/book.css", "assets/book.js", "assets/search.js", "assets/search/pipeline.js",
                                        "assets/vendor/lunr/lunr.min.js", "en/01-numbers.html", "en/index.html", "en/search-index.js",
                                        "index.html", "ru/01-numbers.html", "ru/index.html", "ru/search-index.js"])
        let en = String(decoding: files["en/01-numbers.html"] ?? Data(), as: UTF8.self)
        let ru = String(decoding: files["ru/01-numbers.html"] ?? Data(), as: UTF8.self)
        #expect(en.contains("The loss is 2.54 and the mean 0.5."))
        #expect(ru.contains("Потеря равна 2,54 and the mean 0,5."))
        #expect(en.contains("<div class=\"step\" id=\"first\">"))
        #expect(en.contains("<h2 id=\"next-part\">Next part</h2>"))
        #expect(en.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !en.contains("<script>alert"))
        #expect(en.contains("<details class=\"step-code\">"))
        #expect(!en.contains("```") && !en.contains("class=\"language-output\""))
        #expect(book.rootEntries == ["build", "chapters"])
    }

    @Test func translationDriftAndStrayFilesAreWarningsOfBuildButErrorsOfCheck() throws {
        let book = ScratchBook()
        try book.write("en/01-numbers.md", Self.english)
        try book.write("ru/01-numbers.md", Self.russian.replacingOccurrences(of: "value 3", with: "value 4"))
        try book.write("en/intro.md", "# Not a chapter\n")
        try book.write("en/001-numbers.md", "# Nor this\n")
        let report = try book.project().build()
        #expect(report.warnings.map(\.id) == [.unknownFile, .unknownFile, .translationStepDiffers])
        #expect(report.warnings.allSatisfy { $0.severity == .warning })
        #expect(report.warnings.map(\.location.file) == ["chapters/en/001-numbers.md", "chapters/en/intro.md", "chapters/ru/01-numbers.md"])
        #expect(throws: BuildError.self) { try book.project().check() }
        do throws(BuildError) {
            try book.project().check()
        } catch {
            guard case .diagnostics(let found) = error else { Issue.record("expected diagnostics, got \(error)"); return }
            #expect(found.map(\.id) == [.translationStepDiffers] && found.allSatisfy { $0.severity == .error })
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let book = ScratchBook()
        try book.write("en/01-numbers.md", Self.english)
        try book.write("en/glossary.md", "# Glossary\n\nA `=1`.\n")
        try book.project().build()
        let first = ScratchBook.contents(of: book.output)
        try book.project().build()
        #expect(ScratchBook.contents(of: book.output) == first)
        #expect(first.count == 11)  // pages, assets, search (index, script, lunr), and the folder's .book-build marker
    }

    @Test func aFailedBuildLeavesTheOldBuildUntouched() throws {
        let book = ScratchBook()
        try book.write("en/01-numbers.md", Self.english)
        try book.project().build()
        let good = ScratchBook.contents(of: book.output)
        try book.write("en/01-numbers.md", Self.english.replacingOccurrences(of: "value 3", with: "fail no such thing"))
        #expect(throws: BuildError.diagnostics([Diagnostic(.stepFailed, "no such thing", at: SourceLocation(file: "chapters/en/01-numbers.md", line: 20, column: 1), sourceLine: "fail no such thing")])) {
            try book.project().build()
        }
        #expect(ScratchBook.contents(of: book.output) == good)
        #expect(book.rootEntries == ["build", "chapters"])
    }

    @Test func reusedErrorsPointIntoEachFile() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# A\n\n```swift step\nsay x\nfail broken\n```\n")
        try book.write("ru/01-a.md", "# А\n\nТекст.\n\nЕщё.\n\n  ```swift step\n  say x\n  fail broken\n  ```\n")
        let counter = SessionCounter()
        #expect(throws: BuildError.diagnostics([
            Diagnostic(.stepFailed, "broken", at: SourceLocation(file: "chapters/en/01-a.md", line: 5, column: 1), sourceLine: "fail broken"),
            Diagnostic(.stepFailed, "broken", at: SourceLocation(file: "chapters/ru/01-a.md", line: 9, column: 3), sourceLine: "  fail broken"),
        ])) { try book.project(counter).build() }
        #expect(counter.files.count == 1)
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
    }

    @Test func everyErrorOfAChapterIsReported() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# A\n\n```swift step\nfail one\n```\n\nSee `=fail`.\n\n```swift step error\nsay fine\n```\n\n```swift step\nfail two\n```\n")
        do throws(BuildError) {
            try book.project().build()
            Issue.record("the build should fail")
        } catch {
            #expect(error.description == """
            chapters/en/01-a.md:4:1: error: one
                fail one
                ^
            chapters/en/01-a.md:7:7: error: inline failure
            chapters/en/01-a.md:9:1: error: this step is marked 'error' but it ran without one; remove 'error' or make the step fail
                ```swift step error
                ^
            chapters/en/01-a.md:14:1: error: two
                fail two
                ^
            """)
        }
    }

    @Test func missingLanguageIsAnError() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# A\n")
        #expect(throws: BuildError.languageMissing(language: "fr", folder: "chapters")) {
            try book.project(languages: ["fr"]).build()
        }
    }
}
