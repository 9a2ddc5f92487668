import BookTestSupport
import Foundation
import Testing
@testable import BookKit

@Suite(.ownThreads) struct ChapterParserTests {
    static let text = """
    # Dot products

    Intro with `plain` code and `=dot(a, b) | 2` inline.

    ```swift step hide-code name=first
    let a: [Double] = [1, 2]
    dot(a, a)
    ```

    ```output
    5.0
    ```

    A multi-line span: ``=a.count +
      1`` and é `= b `.

    ```swift step error hide-output
    undefined()
    ```

    > Quoted ``=a[0]`` here.
    """

    @Test func stepsOptionsAndOutputs() {
        let chapter = ChapterParser.parse(ChapterText(file: "en/01-dot.md", text: Self.text))
        #expect(chapter.diagnostics.isEmpty)
        #expect(chapter.title == "Dot products")
        #expect(chapter.steps.count == 2)
        let first = chapter.steps[0]
        #expect(first.code == "let a: [Double] = [1, 2]\ndot(a, a)")
        #expect(first.options.hideCode && !first.options.hideOutput && !first.options.expectsError)
        #expect(first.options.name == "first")
        #expect(first.origin == SourceLocation(file: "en/01-dot.md", line: 6, column: 1))
        #expect(first.fence.line == 5 && first.endLine == 8)
        #expect(first.output?.text == "5.0")
        #expect(first.output?.fence == SourceLocation(file: "en/01-dot.md", line: 10, column: 1) && first.output?.endLine == 12)
        // Steps, outputs and inline expressions point at their nodes in the chapter's one tree.
        let nodes = Dictionary(uniqueKeysWithValues: chapter.document.nodes.map { ($0.index, $0) })
        #expect(nodes[first.node]?.fenceInfo == "swift step hide-code name=first")
        #expect(nodes[first.output?.node ?? -1]?.literal == "5.0\n")
        #expect(chapter.inlines.map { nodes[$0.node]?.literal } == ["=dot(a, b) | 2", "=a.count + 1", "= b ", "=a[0]"])
        let second = chapter.steps[1]
        #expect(second.options.expectsError && second.options.hideOutput && second.options.name == nil)
        #expect(second.output == nil)
        #expect(chapter.items == [.inline(0), .step(0), .inline(1), .inline(2), .step(1), .inline(3)])
    }

    @Test func inlineExpressionsHaveExactColumns() throws {
        let chapter = ChapterParser.parse(ChapterText(file: "f.md", text: Self.text))
        let inlines = chapter.inlines
        try #require(inlines.count == 4)
        #expect(inlines.map(\.expression) == ["dot(a, b)", "a.count + 1", "b", "a[0]"])
        #expect(inlines.map(\.decimals) == [2, nil, nil, nil])
        // `=dot(a, b) | 2` on line 3: backtick at byte column 29, expression at 31.
        #expect(inlines[0].span == SourceLocation(file: "f.md", line: 3, column: 29))
        #expect(inlines[0].origin == SourceLocation(file: "f.md", line: 3, column: 31))
        #expect(inlines[1].span.line == 14 && inlines[1].span.column == 20)
        #expect(inlines[1].origin.line == 14 && inlines[1].origin.column == 23)
        // After "é" (two bytes): ` `= b ` ` -> backtick at byte 14, `b` at 17.
        #expect(inlines[2].span.line == 15 && inlines[2].span.column == 14)
        #expect(inlines[2].origin.column == 17)
        #expect(inlines[3].span.line == 21 && inlines[3].span.column == 10)
        #expect(inlines[3].origin.column == 13)
    }

    @Test func formatSuffix() {
        func split(_ text: String) -> (String, Int?, WordForms?) {
            let (expression, format) = ChapterParser.splitFormat(text)
            return (expression, format.decimals, format.forms)
        }
        #expect(split("run.finalLoss | 4") == ("run.finalLoss", 4, nil))
        #expect(split("a || b") == ("a || b", nil, nil))
        #expect(split("x | y") == ("x | y", nil, nil))
        #expect(split("run.steps | шаг/шага/шагов") == ("run.steps", nil, WordForms(forms: ["шаг", "шага", "шагов"])))
        #expect(split("x | 2 | step/steps") == ("x", 2, WordForms(forms: ["step", "steps"])))
        #expect(split("n | word: fires/fire") == ("n", nil, WordForms(forms: ["fires", "fire"], wordOnly: true)))
        #expect(split("n | входящего веса / входящих весов") == ("n", nil, WordForms(forms: ["входящего веса", "входящих весов"])))
        // Swift that merely looks like forms stays Swift: one form, digits, calls.
        #expect(split("a || b/c") == ("a || b/c", nil, nil))
        #expect(split("x | steps") == ("x | steps", nil, nil))
        #expect(split("x | a/2") == ("x | a/2", nil, nil))
        #expect(split("x | f(a)/b") == ("x | f(a)/b", nil, nil))
    }

    @Test func problemsAreReportedWithPositions() {
        let text = "No title here.\n\n```output\n1\n```\n\n```swift step shiny name=2x\nlet a = 1\n```\n\n```swift step\nlet b = 2\n"
        let diagnostics = ChapterParser.parse(ChapterText(file: "bad.md", text: text)).diagnostics
        #expect(diagnostics.map(\.id) == [.strayOutput, .unknownStepOption, .badStepName, .unterminatedFence, .missingTitle])
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:1", "7:15", "7:21", "11:1", "1:1"])
        #expect(diagnostics.map(\.description) == [
            "bad.md:3:1: error: an output block must come right after a swift step block\n    ```output\n    ^",
            "bad.md:7:15: error: unknown step option 'shiny'; expected hide-code, hide-output, error, answer or name=ID\n    ```swift step shiny name=2x\n                  ^",
            "bad.md:7:21: error: step name '2x' is not an id: use letters, digits, '-' and '_', starting with a letter\n    ```swift step shiny name=2x\n                        ^",
            "bad.md:11:1: error: unterminated code fence: the ``` opened here is never closed; add a line ``` after the block\n    ```swift step\n    ^",
            "bad.md:1:1: error: the chapter has no title: expected a first-level heading `# Title`\n    No title here.\n    ^",
        ])
    }

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() {
        var bytes = Array("# T\n\nab".utf8)
        bytes.append(0xC3)  // a lead byte followed by no continuation
        bytes += Array("x\n".utf8)
        #expect(throws: Diagnostic(.notUTF8, "the file is not valid UTF-8: byte 0xC3 does not start a valid character; save the file as UTF-8",
                                   at: SourceLocation(file: "u.md", line: 3, column: 3))) {
            try ChapterText(file: "u.md", bytes: Data(bytes))
        }
        #expect(ChapterText.firstInvalidByte(Array("ok é ✓ 🙂".utf8)) == nil)
        #expect(ChapterText.firstInvalidByte([0x61, 0xED, 0xA0, 0x80]) == 1)  // a surrogate
        #expect(ChapterText.firstInvalidByte([0x61, 0xF0, 0x9F]) == 1)  // cut short by the end
    }
}
