import BookTestSupport
import Foundation
import Testing
@testable import BookKit

@Suite(.ownThreads) struct CheckTests {
    static let chapter = """
    # Check

    ```swift step
    say one
    value 2
    ```

    ```output
    one
    3.0
    ```

    - In a list:

      ```swift step
      say listed
      ```
    Text right after.

    ```swift step error
    fail it breaks
    ```

    ```swift step
    value 1
    ```
    ```output
    1.0
    ```
    """

    static let fixed = """
    # Check

    ```swift step
    say one
    value 2
    ```

    ```output
    one
    2.0
    ```

    - In a list:

      ```swift step
      say listed
      ```

      ```output
      listed
      ```

    Text right after.

    ```swift step error
    fail it breaks
    ```

    ```output
    it breaks
    ```

    ```swift step
    value 1
    ```
    ```output
    1.0
    ```
    """

    @Test func checkReportsADiffAndFixRewritesOnlyTheOutputBlocks() throws {
        let book = ScratchBook()
        try book.write("en/01-check.md", Self.chapter)
        do {
            try book.project().check()
            Issue.record("check should fail")
        } catch {
            #expect(error.description == """
            chapters/en/01-check.md:8:1: error: the step's result differs from its output block (`book check --fix` rewrites it):
                  one
                - 3.0
                + 2.0
            """)
        }
        let report = try book.project().check(fix: true)
        #expect(report.fixedFiles == ["chapters/en/01-check.md"])
        #expect(try book.read("en/01-check.md") == Self.fixed)
        // Fixed means fixed: a second check passes and a second fix changes nothing.
        #expect(try book.project().check() == CheckReport(chapters: 1, steps: 4, fixedFiles: [], warnings: []))
        #expect(try book.project().check(fix: true).fixedFiles == [])
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
    }

    @Test func fixKeepsCRLFLineEndsAndLeavesFailingStepsAlone() throws {
        let book = ScratchBook()
        let text = "# T\r\n\r\n```swift step\r\nvalue 4\r\n```\r\n\r\n```output\r\n5\r\n```\r\n\r\n```swift step\r\nfail bad\r\n```\r\n"
        try book.write("en/01-t.md", text)
        #expect(throws: BuildError.self) { try book.project().check(fix: true) }
        #expect(try book.read("en/01-t.md") == text.replacingOccurrences(of: "\r\n5\r\n", with: "\r\n4.0\r\n"))
    }

    @Test func translationsMustCarryTheEnglishSteps() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# A\n\n```swift step\nvalue 1\n```\n\n```swift step\nvalue 2\n```\n")
        try book.write("en/02-b.md", "# B\n")
        try book.write("ru/01-a.md", "# А\n\n```swift step\nvalue 1\n```\n\nТекст.\n\n```swift step\nvalue 3\n```\n")
        try book.write("ru/02-b.md", "# Б\n")
        try book.write("et/01-a.md", "# A\n\n```swift step\nvalue 1\n```\n")
        try book.write("et/03-c.md", "# C\n")
        do {
            try book.project().check()
            Issue.record("check should fail")
        } catch {
            #expect(error.description == """
            chapters/ru/01-a.md:9:1: error: step 2 differs from step 2 of chapters/en/01-a.md (line 7); translations carry the same steps as English
                ```swift step
                ^
            chapters/et/01-a.md:6:1: error: step 2 of chapters/en/01-a.md (line 7) is missing here; translations carry the same steps as English
            chapters/en/02-b.md:1:1: error: the chapter has no 'et' translation: expected et/02-b.md
            chapters/et/03-c.md:1:1: error: the chapter has no English original: expected en/03-c.md
            """)
        }
        // Checking one translation alone still compares it with English.
        #expect(throws: BuildError.self) { try book.project(languages: ["ru"]).check() }
        #expect(try book.project(languages: ["en"]).check().chapters == 2)
    }
}
