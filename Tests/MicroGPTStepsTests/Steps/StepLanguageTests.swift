import BookTestSupport
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// Values, literal typing, operators, bindings, control flow and print, checked against what
/// the same Swift prints when compiled.
@Suite(.ownThreads) struct StepLanguageTests {
    @Test func literalsHaveSwiftsTypesAndPrintLikeSwift() {
        let r = StepRunner()
        #expect(r.text("3") == "3")
        #expect(r.text("2.5") == "2.5")
        #expect(r.text("1_000") == "1000")
        #expect(r.text("true") == "true")
        #expect(r.text("\"hi\"") == "hi")
        #expect(r.text("[1, 2, 3]") == "[1, 2, 3]")
        #expect(r.text("[1, 2.5]") == "[1.0, 2.5]")
        #expect(r.text("[\"a\", \"b\"]") == "[\"a\", \"b\"]")
        #expect(r.text("[[1, 2], [3, 4.5]]") == "[[1.0, 2.0], [3.0, 4.5]]")
        #expect(r.text("0.1 + 0.2") == "0.30000000000000004")
        #expect(r.text("\"tab\\tand \\\"quote\\\" \\u{41}\"") == "tab\tand \"quote\" A")
    }

    @Test func literalsTakeTheirTypeFromTheContext() {
        let r = StepRunner()
        #expect(r.text("let a: [Double] = [1, 2, 3]\na") == "[1.0, 2.0, 3.0]")
        #expect(r.text("let h: Double = 1 / 2\nh") == "0.5")
        #expect(r.text("7 / 2") == "3")
        #expect(r.text("7 / 2 + 0.5") == "4.0")
        #expect(r.text("1 + 2.5") == "3.5")
        #expect(r.text("let x = 3\nx") == "3")
        #expect(r.text("let y = 2.0\ny * 3") == "6.0")
        #expect(r.text("(1 / 2) * y") == "1.0")
        #expect(r.text("let m: [[Double]] = [[1, 0], [0, 1]]\nm") == "[[1.0, 0.0], [0.0, 1.0]]")
        #expect(r.text("[y, 1]") == "[2.0, 1.0]")
        #expect(r.text("var total = 0.0\ntotal += 1\ntotal") == "1.0")
        #expect(r.text("max(1, 2)") == "2")
        #expect(r.text("max(1, 2.5)") == "2.5")
        #expect(r.text("softmax([0, 0])") == "[0.5, 0.5]")
        #expect(r.text("let e: [Double] = []\ne") == "[]")
    }

    @Test func intsAndDoublesDoNotMixWithoutALiteral() {
        let r = StepRunner()
        _ = r.run("let n = 3\nlet d = 2.0")
        #expect(r.text("n * d") == "binary operator '*' cannot be applied to operands of type 'Int' and 'Double'")
        #expect(r.text("let z: Double = n") == "cannot convert value of type 'Int' to specified type 'Double'")
        #expect(r.text("Double(n) * d") == "6.0")
        #expect(r.text("[n, d]") == "heterogeneous collection literal could only be inferred to '[Any]' (elements of types Double, Int)")
        #expect(r.text("let e = []") == "empty collection literal requires an explicit type")
    }

    @Test func operatorsFollowSwiftPrecedence() {
        let r = StepRunner()
        #expect(r.text("1 + 2 * 3") == "7")
        #expect(r.text("(1 + 2) * 3") == "9")
        #expect(r.text("-7 % 3") == "-1")
        #expect(r.text("2 < 3 && 3 <= 3 || false") == "true")
        #expect(r.text("!(1 == 1)") == "false")
        #expect(r.text("\"ab\" + \"c\"") == "abc")
        #expect(r.text("1 > 2 ? 10 : 20") == "20")
        #expect(r.text("1.5 >= 1") == "true")
        #expect(r.text("1 / 0") == "division by zero")
        #expect(r.text("9223372036854775807 + 1") == "arithmetic operation '9223372036854775807 + 1' overflows Int")
    }

    @Test func rangesLoopsAndConditionals() {
        let r = StepRunner()
        #expect(r.text("var s = 0\nfor i in 0..<5 { s += i }\ns") == "10")
        #expect(r.text("var p = 1\nfor i in 1...5 { p *= i }\np") == "120")
        #expect(r.text("for x in [1.5, 2.5] { print(x) }") == "1.5\n2.5")
        #expect(r.text("for (i, w) in [\"a\", \"b\"].enumerated() { print(i, w) }") == "0 a\n1 b")
        #expect(r.text("var k = 0\nfor _ in 0..<3 { k += 2 }\nk") == "6")
        let branch = "let v = 5\nif v > 3 {\n    print(\"big\")\n} else if v > 1 {\n    print(\"mid\")\n} else {\n    print(\"small\")\n}"
        #expect(r.text(branch) == "big")
        #expect(r.text("(0..<4).count") == "4")
        #expect(r.text("0..<3") == "0..<3")
    }

    @Test func arraysSubscriptsAndMembers() {
        let r = StepRunner()
        _ = r.run("var xs: [Double] = [3, 1, 2]\nlet m: [[Double]] = [[1, 2], [3, 4]]")
        #expect(r.text("xs[0]") == "3.0")
        #expect(r.text("m[1][0]") == "3.0")
        #expect(r.text("xs.count") == "3")
        #expect(r.text("xs.max()") == "Optional(3.0)")
        #expect(r.text("xs.min()") == "Optional(1.0)")
        #expect(r.text("xs.first") == "Optional(3.0)")
        #expect(r.text("xs.sorted()") == "[1.0, 2.0, 3.0]")
        #expect(r.text("xs.reduce(0, +)") == "6.0")
        #expect(r.text("[1, 2, 3].reduce(0, +)") == "6")
        #expect(r.text("xs.map { $0 * 2 }") == "[6.0, 2.0, 4.0]")
        #expect(r.text("xs.map { x in x * x }") == "[9.0, 1.0, 4.0]")
        #expect(r.text("xs.filter { $0 > 1.5 }") == "[3.0, 2.0]")
        #expect(r.text("(1...3).map { $0 * $0 }") == "[1, 4, 9]")
        #expect(r.text("[\"a\", \"b\"].joined(separator: \"-\")") == "a-b")
        #expect(r.text("xs[1] = 10\nxs") == "[3.0, 10.0, 2.0]")
        #expect(r.text("xs[2] += 1\nxs[2]") == "3.0")
        #expect(r.text("xs[5]") == "index 5 is out of range: the array has 3 elements")
        #expect(r.text("m[0] = [1]") == "cannot assign to value: 'm' is a 'let' constant")
        #expect(r.text("\"hello\".count") == "5")
    }

    @Test func closuresCaptureAndCall() {
        let r = StepRunner()
        _ = r.run("let square = { (x: Double) in x * x }\nlet k = 3.0")
        #expect(r.text("square(3)") == "9.0")
        #expect(r.text("[1.0, 2.0].map { $0 * k }") == "[3.0, 6.0]")
        #expect(r.text("derivative(at: 3, of: square)") != "")
        #expect(r.text("square(\"a\")") == "cannot convert value of type 'String' to expected argument type 'Double'")
    }

    @Test func printWritesLinesWithSeparatorAndTerminator() {
        let r = StepRunner()
        let outcome = r.run("print(\"a\", 1, 2.5)\nprint(1, 2, separator: \", \", terminator: \";\")\nprint(\"!\")")
        #expect(outcome.printed == "a 1 2.5\n1, 2;!\n")
        #expect(outcome.text == "a 1 2.5\n1, 2;!")
        #expect(outcome.display == nil)
        let both = r.run("print(\"x\")\n42")
        #expect(both.text == "x\n42")
        #expect(both.display == .integer(42))
        #expect(r.text("let n = 2\nprint(\"n = \\(n), half = \\(Double(n) / 4)\")") == "n = 2, half = 0.5")
    }

    @Test func stepsShareOneSessionInOrder() {
        let r = StepRunner()
        #expect(r.run("let a = 2\nvar b = 3").diagnostics.isEmpty)
        #expect(r.text("b += a\nb") == "5")
        #expect(r.text("a * b") == "10")
        #expect(r.errors("let a = 4") == ["10:5: invalid redeclaration of 'a'"])
        #expect(r.errors("a = 4") == ["10:1: cannot assign to value: 'a' is a 'let' constant"])
        #expect(r.session.evaluate(expression: "a + b", at: StepRunner.origin).text == "7")
    }

    @Test func aStepEndingInAStatementHasNoValue() {
        let r = StepRunner()
        let outcome = r.run("var x = 1\nx = 2")
        #expect(outcome.display == nil)
        #expect(outcome.text == "")
        #expect(r.run("x").display == .integer(2))
    }
}

/// Swift's tuples from `enumerated()` and array concatenation.
@Suite(.ownThreads) struct CollectionTests {
    @Test func enumeratedGivesOffsetsAndElements() {
        let r = StepRunner()
        #expect(r.text("[\"a\", \"b\"].enumerated().map { pair in pair.offset }") == "[0, 1]")
        #expect(r.text("[2.5].enumerated().map { $0.element }") == "[2.5]")
        #expect(r.text("[\"a\"].enumerated().first") == "Optional((offset: 0, element: \"a\"))")
    }

    @Test func arraysConcatenateAndAppend() {
        let r = StepRunner()
        #expect(r.text("var ws: [Double] = []\nfor i in 0..<3 { ws += [Double(i)] }\nws") == "[0.0, 1.0, 2.0]")
        #expect(r.text("[1, 2] + [3]") == "[1, 2, 3]")
        #expect(r.text("ws + [1]") == "[0.0, 1.0, 2.0, 1.0]")
        #expect(r.text("ws + [\"a\"]") == "binary operator '+' cannot be applied to operands of type '[Double]' and '[String]'")
    }
}
