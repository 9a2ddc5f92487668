import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// `book check --fix` on hostile line ends and containers: each case is a chapter's bytes and
/// exactly the bytes it must have after the fix (only output blocks change, every other line
/// keeps its own line end), and the fixed chapter then checks clean.
@Suite(.ownThreads) struct HostileFixTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let before: String
        let after: String
        var description: String { name }
        init(_ name: String, _ before: String, _ after: String) { (self.name, self.before, self.after) = (name, before, after) }
    }

    static let cases: [Case] = [
        Case("mixed CRLF and LF, a wrong block",
             "# T\r\n\nText.\r\n\n```swift step\r\nsay 2\n```\r\n\n```output\r\nwrong\n```\nEnd\r\n",
             "# T\r\n\nText.\r\n\n```swift step\r\nsay 2\n```\r\n\n```output\r\n2\r\n```\nEnd\r\n"),
        Case("mixed, a missing block takes the step's line end",
             "# T\n\n```swift step\r\nsay 1\n```\r\nNext\n",
             "# T\n\n```swift step\r\nsay 1\n```\r\n\r\n```output\r\n1\r\n```\r\n\r\nNext\n"),
        Case("CR only, a missing block", "# T\r\r```swift step\rsay 1\r```\r",
             "# T\r\r```swift step\rsay 1\r```\r\r```output\r1\r```\r"),
        Case("CR only, a wrong block", "# T\r\r```swift step\rsay 1\r```\r\r```output\r2\r```\r",
             "# T\r\r```swift step\rsay 1\r```\r\r```output\r1\r```\r"),
        Case("CRLF only", "# T\r\n\r\n```swift step\r\nsay 1\r\n```\r\n",
             "# T\r\n\r\n```swift step\r\nsay 1\r\n```\r\n\r\n```output\r\n1\r\n```\r\n"),
        Case("a step on the last line, no line end", "# T\n\n```swift step\nsay 1\n```",
             "# T\n\n```swift step\nsay 1\n```\n\n```output\n1\n```"),
        Case("an output block on the last line, no line end", "# T\n\n```swift step\nsay 1\n```\n\n```output\n2\n```",
             "# T\n\n```swift step\nsay 1\n```\n\n```output\n1\n```"),
        Case("CRLF step on the last line", "# T\r\n\r\n```swift step\r\nsay 1\r\n```",
             "# T\r\n\r\n```swift step\r\nsay 1\r\n```\r\n\r\n```output\r\n1\r\n```"),
        Case("tab-indented fence in a list item", "# T\n\n1. item\n\n \t```swift step\n \tsay 1\n \t```\n",
             "# T\n\n1. item\n\n \t```swift step\n \tsay 1\n \t```\n\n \t```output\n \t1\n \t```\n"),
        Case("a step in a quote", "# T\n\n> ```swift step\n> say 1\n> ```\n",
             "# T\n\n> ```swift step\n> say 1\n> ```\n>\n> ```output\n> 1\n> ```\n"),
        Case("a quoted step with text after", "# T\n\n> ```swift step\n> say 1\n> ```\n> More.\n",
             "# T\n\n> ```swift step\n> say 1\n> ```\n>\n> ```output\n> 1\n> ```\n>\n> More.\n"),
        Case("backticks in the result", "# T\n\n```swift step\nsay a ``` b\n```\n",
             "# T\n\n```swift step\nsay a ``` b\n```\n\n````output\na ``` b\n````\n"),
        Case("a byte order mark stays", "\u{FEFF}# T\n\n```swift step\nsay 1\n```\n",
             "\u{FEFF}# T\n\n```swift step\nsay 1\n```\n\n```output\n1\n```\n"),
        Case("tildes and a long fence", "# T\n\n~~~~swift step\nsay 1\n~~~~\n\n~~~output\n9\n~~~\n",
             "# T\n\n~~~~swift step\nsay 1\n~~~~\n\n```output\n1\n```\n"),
        Case("two steps, CR and LF", "# T\r\r```swift step\rsay 1\r```\r\n\n```swift step\nsay 2\n```\n\n```output\nx\n```\n",
             "# T\r\r```swift step\rsay 1\r```\r\n\r```output\r1\r```\r\n\n```swift step\nsay 2\n```\n\n```output\n2\n```\n"),
        Case("a right block is left alone", "# T\r\n\n```swift step\nsay 1\n```\r\n\n```output\r\n1\r\n```\r\n",
             "# T\r\n\n```swift step\nsay 1\n```\r\n\n```output\r\n1\r\n```\r\n"),
        Case("an almost-step is not given a block", "# T\n\n```Swift step\nsay 1\n```\n", "# T\n\n```Swift step\nsay 1\n```\n"),
    ]

    @Test(arguments: cases)
    func fixChangesOnlyOutputBlocksByteForByte(_ test: Case) throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", test.before)
        let report = try book.project().check(fix: true)
        let url = book.chapters.appendingPathComponent("en/01-a.md")
        let after = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(Array(after.utf8) == Array(test.after.utf8), "\(test.name): \(after.debugDescription)")
        #expect(report.fixedFiles == (test.before == test.after ? [] : ["chapters/en/01-a.md"]))
        #expect(throws: Never.self, "\(test.name): the fixed chapter checks clean") { try book.project().check() }
    }

    @Test func aCROnlyChapterIsCheckedAtItsOwnLines() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# T\r\rText `=2`.\r\r```swift step\rsay 1\r```\r\r```output\r2\r```\r")
        do throws(BuildError) {
            try book.project().check()
            Issue.record("the wrong block should be reported")
        } catch {
            guard case .diagnostics(let found) = error else { Issue.record("\(error)"); return }
            #expect(found.map { "\($0.id) \($0.location.line):\($0.location.column)" } == ["check.output-mismatch 9:1"])
        }
    }

    @Test func aCROnlyChapterBuildsWithItsStepsRun() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# T\r\rText `=2`.\r\r```swift step\rsay ran\r```\r")
        let report = try book.project().build()
        #expect(report.steps == 1)
        let page = try String(contentsOf: book.output.appendingPathComponent("en/01-a.html"), encoding: .utf8)
        #expect(page.contains("<pre class=\"output\">ran</pre>") && page.contains("<p>Text 2.</p>"))
    }

    @Test func fixWritesThroughALinkAndTheLinkStays() throws {
        let book = ScratchBook()
        try book.write("real.md", "# T\n\n```swift step\nsay 1\n```\n")
        try FileManager.default.createDirectory(at: book.chapters.appendingPathComponent("en"), withIntermediateDirectories: true)
        let link = book.chapters.appendingPathComponent("en/01-a.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../real.md")
        try book.project().check(fix: true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../real.md")
        #expect(try book.read("real.md") == "# T\n\n```swift step\nsay 1\n```\n\n```output\n1\n```\n")
    }

    @Test func warningsReachTheReports() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# T\n\n```swift-step\nsay 1\n```\n\n[x](javascript:alert(1))\n")
        let built = try book.project().build()
        #expect(built.warnings.map { "\($0.id) \($0.location)" } == ["chapter.almost-step chapters/en/01-a.md:3:4",
                                                                     "chapter.unsafe-link chapters/en/01-a.md:7:5"])
        let checked = try book.project().check()
        #expect(checked.warnings.map(\.id) == [.almostStep, .unsafeLink])
    }
}
