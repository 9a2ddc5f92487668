import Testing
@testable import BookKit

/// The exporter writes the Swift that the parity test compiles: steps in one scope, a captured
/// `print`, and each step's last expression recorded as text.
@Suite struct SwiftExporterTests {
    static let steps = [
        "let a: [Double] = [1, 2, 3]\nlet b: [Double] = [4, 0, -1]\ndot(a, b)",
        "var total = 0\nfor i in 0..<4 {\n    total += i\n}",
        "print(\"total\", total)\ntotal * 2 // twice",
        "total = 1",
    ]

    @Test func aChapterBecomesOneFunctionWithEveryStepInOrder() {
        let source = SwiftExporter.file(function: "chapter_sample", steps: Self.steps)
        let expected = SwiftExporter.header + "\n" + """
            func chapter_sample() throws -> [String] {
            var bookTexts: [String] = []
            var bookPrinted = ""
            func print(_ items: Any..., separator: String = " ", terminator: String = "\\n") {
                bookPrinted += items.map { String(describing: $0) }.joined(separator: separator) + terminator
            }
            // step 1
            let a: [Double] = [1, 2, 3]
            let b: [Double] = [4, 0, -1]
            let bookValue1 = dot(a, b)
            bookTexts.append(bookStepText(bookPrinted, bookStepValue(bookValue1))); bookPrinted = ""
            // step 2
            var total = 0
            for i in 0..<4 {
                total += i
            }
            bookTexts.append(bookStepText(bookPrinted, nil)); bookPrinted = ""
            // step 3
            print("total", total)
            let bookValue3 = total * 2 // twice
            bookTexts.append(bookStepText(bookPrinted, bookStepValue(bookValue3))); bookPrinted = ""
            // step 4
            total = 1
            bookTexts.append(bookStepText(bookPrinted, nil)); bookPrinted = ""
            return bookTexts
            }

            """
        #expect(source == expected)
    }

    @Test func theInterpreterGivesTheTextsTheExportedFunctionRecords() {
        let r = StepRunner()
        #expect(Self.steps.map { r.text($0) } == ["1.0", "", "total 6\n12", ""])
    }

    @Test func originsBecomeSourceLocationsSoCompileErrorsPointAtTheChapter() {
        let step = SwiftExporter.Step(code: "relu(-1)", origin: SourceLocation(file: "chapters/en/00.md", line: 12, column: 1))
        let source = SwiftExporter.file(chapters: [(SwiftExporter.functionName(for: "00-foundations"), [step])])
        #expect(source.contains("func chapter_00_foundations() throws -> [String] {"))
        #expect(source.contains("#sourceLocation(file: \"chapters/en/00.md\", line: 12)\nlet bookValue1 = relu(-1)\n"))
        #expect(source.contains("bookStepValue(bookValue1))); bookPrinted = \"\"\n#sourceLocation()\n"))
    }

    @Test func voidCallsAndStatementsRecordNoValue() {
        #expect(SwiftExporter.split("x += 1", name: "v").value == nil)
        #expect(SwiftExporter.split("if x > 1 { print(x) }", name: "v").value == nil)
        #expect(SwiftExporter.split("let y = 2", name: "v").value == nil)
        // A Void call is recorded, and the helper's Void overload turns it into no value.
        #expect(SwiftExporter.split("g.count\nv.backward()", name: "v") == (body: "g.count\nlet v = v.backward()", value: "v"))
    }
}
