import BookTestSupport
import Foundation
import Testing
@testable import BookKit
@testable import MicroGPTSteps
import MicroGPT

/// The step interpreter: Swift's typing and printing, errors at exact positions, the budget.
@Suite(.ownThreads) struct InterpreterTests {
    let session = Session(file: "ch.md", binding: MicroGPTBinding(), context: LibraryContext(chaptersDirectory: URL(fileURLWithPath: "/tmp")),
                          budget: StepBudget(operations: 50_000, time: .seconds(10)))
    let origin = SourceLocation(file: "ch.md", line: 10, column: 1)

    func run(_ code: String) -> StepOutcome { session.run(step: code, at: origin) }

    @Test func literalsAreTypedAsSwiftTypesThem() {
        #expect(run("let a: [Double] = [1, 2, 3]\na").text == "[1.0, 2.0, 3.0]")
        #expect(run("[1, 2, 3]").text == "[1, 2, 3]")
        #expect(run("[1, 2.5]").text == "[1.0, 2.5]")
        #expect(run("1 + 2.5").text == "3.5")
        #expect(run("7 / 2").text == "3")
        #expect(run("let s = \"n = \\(3 * 4)\"\ns").text == "n = 12")
        #expect(run("2 < 3 && !false").text == "true")
    }

    @Test func stepsShareOneSessionLikeNotebookCells() {
        _ = run("var total = 0")
        _ = run("for i in 1...4 { total += i }")
        #expect(run("total").text == "10")
        #expect(run("let total = 1").diagnostics.first?.message == "invalid redeclaration of 'total'")
    }

    @Test func printAndTheLastValueMakeTheText() {
        let outcome = run("print(\"a\", 1, separator: \"-\")\nprint(2.5)\n[\"x\"]")
        #expect(outcome.printed == "a-1\n2.5\n")
        #expect(outcome.text == "a-1\n2.5\n[\"x\"]")
        #expect(run("print(\"only\")").text == "only")
    }

    @Test func closuresLoopsAndArrayMembers() {
        #expect(run("[1.0, 2.0, 3.0].map { x in x * x }").text == "[1.0, 4.0, 9.0]")
        #expect(run("[3, 1, 2].sorted()").text == "[1, 2, 3]")
        #expect(run("[1, 2, 3, 4].filter { $0 % 2 == 0 }.reduce(0, +)").text == "6")
        #expect(run("[5.0, 7.0].max()").text == "Optional(7.0)")
        #expect(run("let xs: [Double] = [1, 2, 3, 4]\nArray(xs[1..<3])").text == "[2.0, 3.0]")
        #expect(run("var w = 0.0\nfor step in 1...3 { w = w + 0.5 }\nif w > 1 { print(\"big\") } else { print(\"small\") }").text == "big")
    }

    @Test func builtinsRunTheEngine() {
        #expect(run("dot([1, 2, 3], [4, 0, -1])").text == "1.0")
        #expect(run("softmax([0, 0])").text == "[0.5, 0.5]")
        #expect(run("derivative(at: 3) { x in x * x }").display == .number(derivative(at: 3) { $0 * $0 }))
        let graph = run("let g = Graph()\nlet a = Value(2, label: \"a\", in: g)\nlet b = Value(3, label: \"b\", in: g)\nlet L = a * b + a\nL.backward()\nprint(a.grad, b.grad)\nL.data")
        #expect(graph.text == "4.0 2.0\n8.0")
        #expect(run("Random(seed: 42).random()").text == "0.6394267984578837")
    }

    @Test func errorsNameTheirPlaceAndWhatWasExpected() {
        let unknown = run("let x = 1\nfrobnicate(x)")
        #expect(unknown.diagnostics.map(\.description) == ["ch.md:11:1: error: cannot find 'frobnicate' in scope\n    frobnicate(x)\n    ^"])
        let typo = run("let values = [1]\nvalus")
        #expect(typo.diagnostics.first?.message == "cannot find 'valus' in scope; did you mean 'values'?")
        let wrong = run("dot([1.0], \"b\")")
        #expect(wrong.diagnostics.first?.location == SourceLocation(file: "ch.md", line: 10, column: 12))
        #expect(run("let k = 1\nk = 2").diagnostics.first?.message == "cannot assign to value: 'k' is a 'let' constant")
        #expect(run("Dataset(path: \"x\")").diagnostics.first?.message == "call can throw but is not marked with 'try'")
        #expect(run("while true { }").diagnostics.first?.message.contains("not supported") == true)
        let syntax = run("let a = [1, 2")
        #expect(syntax.diagnostics.first?.location.line == 10)
        #expect(syntax.diagnostics.first?.message == "expected ']' to end array")
    }

    @Test func indentedCodeKeepsItsColumns() {
        let outcome = session.run(step: "let a = 1\nnope", at: SourceLocation(file: "ch.md", line: 3, column: 5))
        #expect(outcome.diagnostics.first?.location == SourceLocation(file: "ch.md", line: 4, column: 5))
        #expect(outcome.diagnostics.first?.sourceLine == "    nope")
    }

    @Test func aRunawayLoopHitsTheBudget() {
        let outcome = run("var n = 0\nfor i in 0..<1_000_000_000 { n += 1 }")
        #expect(outcome.diagnostics.first?.message == "step ran longer than its budget (50000 operations / 10 s); a loop that never ends?")
        #expect(outcome.diagnostics.first?.location.line == 11)
    }

    @Test func inlineExpressionsAreSingleExpressions() {
        _ = run("let r = 2.5")
        #expect(session.evaluate(expression: "r * 2", at: origin).text == "5.0")
        #expect(session.evaluate(expression: "let q = 1", at: origin).diagnostics.first?.message == "expected a single expression")
    }
}
