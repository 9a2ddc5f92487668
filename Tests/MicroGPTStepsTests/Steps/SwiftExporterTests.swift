import BookTestSupport
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// The exporter writes the Swift that the parity test compiles: steps in one scope, a captured
/// `print`, and each step's last expression recorded as text.
@Suite(.ownThreads) struct SwiftExporterTests {
    static let steps = [
        "let a: [Double] = [1, 2, 3]\nlet b: [Double] = [4, 0, -1]\ndot(a, b)",
        "var total = 0\nfor i in 0..<4 {\n    total += i\n}",
        "print(\"total\", total)\ntotal * 2 // twice",
        "total %= 5",
    ]

    @Test func aChapterBecomesOneFunctionWithEveryStepInOrder() {
        let source = SwiftExporter.source(function: "chapter_sample", steps: Self.steps)
        #expect(source == """
            func chapter_sample() throws -> [String] {
                var stepTexts: [String] = []
                var printed = ""
                func print(_ items: Any..., separator: String = " ", terminator: String = "\\n") {
                    printed += items.map { String(describing: $0) }.joined(separator: separator) + terminator
                }
                // The interpreter's rule: what was printed, then the value; with no value, no final newline.
                func text(_ printed: String, _ value: Any) -> String {
                    value is Void ? String(printed.hasSuffix("\\n") ? printed.dropLast() : printed[...]) : printed + String(describing: value)
                }
                // step 1
                let a: [Double] = [1, 2, 3]
                let b: [Double] = [4, 0, -1]
                let step1Value = dot(a, b)
                stepTexts.append(text(printed, step1Value))
                printed = ""
                // step 2
                var total = 0
                for i in 0..<4 {
                    total += i
                }
                stepTexts.append(text(printed, ()))
                printed = ""
                // step 3
                print("total", total)
                let step3Value = total * 2 // twice
                stepTexts.append(text(printed, step3Value))
                printed = ""
                // step 4
                total %= 5
                stepTexts.append(text(printed, ()))
                printed = ""
                return stepTexts
            }

            """)
    }

    @Test func theInterpreterGivesTheTextsTheExportedFunctionRecords() {
        let r = StepRunner()
        #expect(Self.steps.map { r.text($0) } == ["1.0", "", "total 6\n12", ""])
    }

    @Test func statementsRecordNoValueAndVoidCallsAreLeftToTheCompiledCheck() {
        #expect(SwiftExporter.rewrite("x += 1", resultName: "v").1 == nil)
        #expect(SwiftExporter.rewrite("if x > 1 { print(x) }", resultName: "v").1 == nil)
        #expect(SwiftExporter.rewrite("let y = 2", resultName: "v").1 == nil)
        let call = SwiftExporter.rewrite("g.count\nv.backward()", resultName: "v")
        #expect(call.0 == "g.count\nlet v = v.backward()")
        #expect(call.1 == "v")
    }
}
