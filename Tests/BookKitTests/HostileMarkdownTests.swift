import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// Hostile chapters, read: each is a chapter's text and exactly what the parser must say of it
/// (`id line:column severity`, in order) and how many steps it finds. Nothing here runs a step.
@Suite(.ownThreads) struct HostileMarkdownTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let text: String
        let diagnostics: [String]
        let steps: Int
        var description: String { name }
        init(_ name: String, _ text: String, _ diagnostics: [String] = [], steps: Int = 0) {
            (self.name, self.text, self.diagnostics, self.steps) = (name, text, diagnostics, steps)
        }
    }

    static let t = "# T\n\n"

    /// Info strings that look like a step (or an output block) and are not one.
    static let almostSteps: [Case] = [
        Case("capital Swift", t + "```Swift step\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("capital Step, two spaces", t + "```swift  Step\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("dash", t + "```swift-step\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("underscore", t + "```swift_step hide-code\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("dot", t + "```swift.step\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("one word", t + "```swiftstep\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("shouting", t + "```SWIFT STEP\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("plural", t + "```swift steps\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("braces", t + "``` {swift step}\nx\n```\n", ["chapter.almost-step 3:5 warning"]),
        Case("no-break space", t + "```swift\u{A0}step\nx\n```\n", ["chapter.almost-step 3:4 warning"]),
        Case("tildes", t + "~~~~Swift step\nx\n~~~~\n", ["chapter.almost-step 3:5 warning"]),
        Case("indented four spaces", t + "    ```swift step\n    x\n    ```\n", ["chapter.almost-step 3:5 warning"]),
        Case("indented by a tab", t + "\t```swift step\n\tx\n", ["chapter.almost-step 3:2 warning"]),
        Case("two tabs in a list item", t + "- a\n\n\t\t```swift step\n\t\tx\n", ["chapter.almost-step 5:2 warning"]),
        Case("a tab and spaces in a list item", t + "- a\n\n\t  ```swift step\n\t  x\n", ["chapter.almost-step 5:4 warning"]),
        Case("two tabs after a quote marker", t + ">\t\t```swift step\n", ["chapter.almost-step 3:3 warning"]),
        Case("indented output", t + "```swift step\nx\n```\n\n    ```output\n    1\n    ```\n", ["chapter.almost-output 7:5 warning"], steps: 1),
        Case("Output", t + "```swift step\nx\n```\n\n```Output\n1\n```\n", ["chapter.almost-output 7:4 warning"], steps: 1),
        Case("outputs", t + "```swift step\nx\n```\n\n```outputs\n1\n```\n", ["chapter.almost-output 7:4 warning"], steps: 1),
        Case("a real step is no warning", t + "```swift step\nx\n```\n", steps: 1),
        Case("a real step with two spaces", t + "```swift  step hide-code\nx\n```\n", steps: 1),
        Case("a step in tildes", t + "~~~ swift step\nx\n~~~\n", steps: 1),
        Case("plain swift is code", t + "```swift\nx\n```\n"),
        Case("swift stepper is another word", t + "```swift stepper\nx\n```\n"),
        Case("indented plain code", t + "    let x = 1\n"),
    ]

    /// Fences that tabs and line ends make hard to read.
    static let fences: [Case] = [
        Case("tab-indented fence in a list item", t + "- item\n\n\t```swift step\n\tx\n\t```\n", steps: 1),
        Case("tab-indented fence in an ordered item", t + "1. item\n\n \t```swift step\n \tx\n \t```\n", steps: 1),
        Case("tab-indented tildes in a list item", t + "- a\n\n\t~~~swift step\n\tx\n\t~~~\n", steps: 1),
        Case("tab after a quote marker", t + ">\t```swift step\n>\tx\n>\t```\n", steps: 1),
        Case("a closing fence followed by a tab", t + "```swift step\nx\n```\t\n", steps: 1),
        Case("unterminated in a list item still reported", t + "- item\n\n\t```swift step\n\tx\n",
             ["chapter.unterminated-fence 5:2 error"], steps: 1),
        Case("CR-only line ends", "# T\r\r```swift step\rx\r```\r\r```output\r1\r```\r", steps: 1),
        Case("CR-only, unterminated", "# T\r\r```swift step\rx\r", ["chapter.unterminated-fence 3:1 error"], steps: 1),
        Case("CRLF", "# T\r\n\r\n```swift step\r\nx\r\n```\r\n", steps: 1),
        Case("mixed line ends", "# T\r\n\n```swift step\rx\n```\r\n", steps: 1),
        Case("CR-only title", "# T\rText.\r"),
        Case("CR-only, no title", "Text.\r```swift step\rx\r```\r", ["chapter.missing-title 1:1 error"], steps: 1),
        Case("CR-only, bad option", "# T\r\r```swift step nope\rx\r```\r", ["chapter.unknown-step-option 3:15 error"], steps: 1),
    ]

    /// Step names that would share an id with the page itself.
    static let reservedNames: [Case] = ["content", "sidebar", "sidebar-title", "toc-side-title", "toc-inline-title",
                                        "chart-0123456789abcdef", "slider-x"].map { name in
        Case("name=\(name)", t + "```swift step hide-code name=\(name)\nx\n```\n", ["chapter.reserved-step-name 3:25 error"], steps: 1)
    } + [
        Case("a name like a heading is fine", t + "## Intro\n\n```swift step name=intro\nx\n```\n", steps: 1),
        Case("Content with a capital is another id", t + "```swift step name=Content\nx\n```\n", steps: 1),
    ]

    /// Links and images whose target a page may not carry, and ones it may.
    static let links: [Case] = [
        Case("javascript", t + "A [link](javascript:alert(1)).\n", ["chapter.unsafe-link 3:10 warning"]),
        Case("any case", t + "A [link](JaVaScRiPt:alert(1)).\n", ["chapter.unsafe-link 3:10 warning"]),
        Case("vbscript", t + "A [link](vbscript:msgbox).\n", ["chapter.unsafe-link 3:10 warning"]),
        Case("data", t + "A [link](data:text/html;base64,PHNjcmlwdD4=).\n", ["chapter.unsafe-link 3:10 warning"]),
        Case("file", t + "A [link](file:///etc/passwd).\n", ["chapter.unsafe-link 3:10 warning"]),
        Case("entity-obscured", t + "A [link](&#106;avascript:alert(1)).\n", ["chapter.unsafe-link 3:3 warning"]),
        Case("named entity colon", t + "A [link](javascript&colon;alert(1)).\n", ["chapter.unsafe-link 3:3 warning"]),
        Case("entity tab inside", t + "A [link](java&#9;script:alert(1)).\n", ["chapter.unsafe-link 3:3 warning"]),
        Case("percent-obscured", t + "A [link](%6Aavascript:alert(1)).\n", ["chapter.unsafe-link 3:10 warning"]),
        Case("leading control in brackets", t + "A [link](<\u{1}javascript:alert(1)>).\n", ["chapter.unsafe-link 3:11 warning"]),
        Case("leading spaces in brackets", t + "A [link](<  javascript:alert(1)>).\n", ["chapter.unsafe-link 3:13 warning"]),
        Case("autolink", t + "See <javascript:alert(1)>.\n", ["chapter.unsafe-link 3:6 warning"]),
        Case("reference definition", t + "A [link][r].\n\n[r]: javascript:alert(1)\n", ["chapter.unsafe-link 3:3 warning"]),
        Case("in a heading", t + "## A [link](javascript:x)\n", ["chapter.unsafe-link 3:13 warning"]),
        Case("in a list", t + "- a [link](javascript:x)\n", ["chapter.unsafe-link 3:12 warning"]),
        Case("in a table", t + "| a |\n|---|\n| [x](javascript:y) |\n", ["chapter.unsafe-link 5:7 warning"]),
        Case("twice in a line", t + "[a](javascript:x) and [b](javascript:x)\n",
             ["chapter.unsafe-link 3:5 warning", "chapter.unsafe-link 3:27 warning"]),
        Case("image javascript", t + "![pic](javascript:alert(1))\n", ["chapter.unsafe-link 3:8 warning"]),
        Case("image svg data", t + "![pic](data:image/svg+xml;base64,PHN2Zz4=)\n", ["chapter.unsafe-link 3:8 warning"]),
        Case("image html data", t + "![pic](data:text/html,x)\n", ["chapter.unsafe-link 3:8 warning"]),
        Case("image png data is fine", t + "![pic](data:image/png;base64,iVBORw0KGgo=)\n"),
        Case("https, mailto, relative and fragments are fine",
             t + "[a](https://x.org) [b](http://x.org) [c](mailto:a@b.c) [d](02-x.html#y) [e](#z) [f](../ru/) [g](//x.org)\n"),
    ]

    static let cases = almostSteps + fences + reservedNames + links

    @Test(arguments: cases)
    func aHostileChapterGetsExactlyItsDiagnostics(_ test: Case) {
        let chapter = ChapterParser.parse(ChapterText(file: "ch.md", text: test.text))
        let found = chapter.diagnostics.map { "\($0.id) \($0.location.line):\($0.location.column) \($0.severity.rawValue)" }
        #expect(found == test.diagnostics, "\(test.name)")
        #expect(chapter.steps.count == test.steps, "\(test.name)")
    }

    @Test func aWarningSaysWhatWasMeant() {
        let chapter = ChapterParser.parse(ChapterText(file: "ch.md", text: Self.t + "```Swift step\nx\n```\n"))
        #expect(chapter.diagnostics.first?.message == "'Swift step' is not a step, so this block is shown as code and never runs: a step's info string starts with `swift step`, lowercase, the two words separated by a space")
        let link = ChapterParser.parse(ChapterText(file: "ch.md", text: Self.t + "[a](<\u{1b}javascript:x>)\n"))
        #expect(link.diagnostics.first?.message == "'\\u{1b}javascript:x' may not stand in a page: links may go to http, https or mailto addresses or to relative targets; the link is shown as plain text")
    }

    /// Backtick runs that open, close, nest and escape: each code span cmark finds is found at
    /// its place in the text, byte for byte.
    @Test(arguments: ["\\``x`", "`` ` ``", "```a`` `b`", "`a\\`b`", "``a` `b``", "`a`` ``b`", "x ` y `` z ``` w",
                      "`=1` `` `=2` `` ```=3```", "``\n=a\n``", "\\`=no` `=yes`", "`a`\r`b`", "> `a\n> b`"])
    func everyCodeSpanIsFoundWhereItStands(_ text: String) {
        let source = ChapterText(file: "ch.md", text: text)
        let document = MarkdownParser.parse(text, lines: source.lines)
        for node in document.nodes where node.kind == .code {
            let bytes = node.literalPositions.map { point -> UInt8 in
                let line = Array((source.line(point.line) ?? "").utf8)
                return point.column - 1 < line.count ? line[point.column - 1] : 0x20
            }
            #expect(String(decoding: bytes, as: UTF8.self) == node.literal, "\(text.debugDescription): \(node.literal)")
        }
    }

    @Test func aCROnlyChapterReadsLikeItsLFTwin() {
        let lf = "# T\n\nText `=1`.\n\n```swift step name=a\nlet x = 1\nx\n```\n\n```output\n1\n```\n"
        let cr = ChapterParser.parse(ChapterText(file: "ch.md", text: lf.replacingOccurrences(of: "\n", with: "\r")))
        let twin = ChapterParser.parse(ChapterText(file: "ch.md", text: lf))
        #expect(cr.steps == twin.steps && cr.inlines == twin.inlines && cr.title == twin.title)
        #expect(cr.source.lines == twin.source.lines)
    }
}
