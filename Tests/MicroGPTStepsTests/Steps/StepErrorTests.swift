import BookTestSupport
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// Every error a step can give, at its exact chapter line and column, with Swift's wording
/// where Swift has one.
@Suite(.ownThreads) struct StepErrorTests {
    @Test func everySyntaxErrorIsReportedAtItsChapterPosition() {
        let r = StepRunner()
        let outcome = r.run("let a: [Double] = [1, 2\nlet b = (3\nb")
        #expect(outcome.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
            "10:24: expected ']' to end array",
            "11:11: expected ')' to end tuple",
        ])
        #expect(outcome.diagnostics.first?.sourceLine == "let a: [Double] = [1, 2")
        #expect(outcome.diagnostics.last?.sourceLine == "let b = (3")
        #expect(outcome.display == nil)
    }

    @Test func operatorsThatCannotBeChainedAreSyntaxErrors() {
        let r = StepRunner()
        #expect(r.errors("let ok = true\n1 < 2 < 3") == ["11:3: adjacent operators are in non-associative precedence group 'ComparisonPrecedence'"])
    }

    @Test func everyLineIsShiftedByTheOriginColumnOfAnIndentedBlock() {
        let r = StepRunner()
        let origin = SourceLocation(file: "ch.md", line: 4, column: 7)
        #expect(r.errors("foo(1,", at: origin) == ["4:13: expected value in function call", "4:13: expected ')' to end function call"])
        #expect(r.errors("1\nfoo(1,", at: origin) == ["5:13: expected value in function call", "5:13: expected ')' to end function call"])
        let diagnostic = r.run("nope", at: origin).diagnostics.first
        #expect(diagnostic?.location == SourceLocation(file: "ch.md", line: 4, column: 7))
        #expect(diagnostic?.sourceLine == "      nope")
    }

    @Test func unknownNamesSayCannotFindAndSuggestCloseOnes() {
        let r = StepRunner()
        _ = r.run("let values: [Double] = [1, 2]")
        #expect(r.errors("valuse.count") == ["10:1: cannot find 'valuse' in scope; did you mean 'values'?"])
        #expect(r.errors("let x = 1\nsofmax(values)") == ["11:1: cannot find 'sofmax' in scope; did you mean 'softmax'?"])
        #expect(r.errors("frobnicate(values)") == ["10:1: cannot find 'frobnicate' in scope"])
        #expect(r.errors("values.average") == ["10:8: value of type '[Double]' has no member 'average'"])
        #expect(r.errors("Dataset(text: \"a\").cuont") == ["10:20: value of type 'Dataset' has no member 'cuont'; did you mean 'count'?"])
        #expect(r.errors("Graph().backwards()") == ["10:9: value of type 'Graph' has no member 'backwards'"])
    }

    @Test func aWrongCallNamesTheExpectedSignature() {
        let r = StepRunner()
        _ = r.run("let a: [Double] = [1, 2]")
        #expect(r.errors("dot(\"x\", a)") == ["10:5: cannot convert value of type 'String' to expected argument type '[Double]' in call to dot(_: [Double], _: [Double]) -> Double"])
        #expect(r.errors("rounded(\"x\", places: 1)") == ["10:1: no 'rounded' accepts (String, places: Int); expected rounded(_: Double, places: Int) -> Double or rounded(_: [Double], places: Int) -> [Double]"])
        #expect(r.errors("softmax(a, temp: 2)") == ["10:1: no 'softmax' accepts ([Double], temp: Int); expected softmax(_: [Double], temperature: Double) -> [Double]"])
        #expect(r.errors("max(\"a\", 1)") == ["10:1: no 'max' accepts (String, Int); expected max(_: Int, _: Int) -> Int or max(_: Double, _: Double) -> Double"])
        #expect(r.errors("dot(a, [1, 2, 3])") == ["10:1: dot needs vectors of the same length, got 2 and 3"])
    }

    @Test func throwingCallsNeedTryAndTheirErrorsBecomeDiagnostics() {
        let r = StepRunner()
        #expect(r.errors("let d = Dataset(path: \"missing.txt\")") == ["10:9: call can throw but is not marked with 'try'"])
        let errors = r.errors("let d = try Dataset(path: \"missing.txt\")")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("10:13: ") == true)
        #expect(errors.first?.contains("missing.txt") == true)
        #expect(r.errors("try? relu(1)") == ["10:1: 'try?' and 'try!' are not supported in steps; use 'try'"])
    }

    @Test func constructsOutsideTheSubsetAreNamedAtTheirPosition() {
        let r = StepRunner()
        #expect(r.errors("var i = 0\nwhile i < 3 { i += 1 }") == ["11:1: 'while' and 'repeat' loops are not supported in steps; use 'for x in 0..<n'"])
        #expect(r.errors("func f() {}") == ["10:1: functions ('func') are not supported in steps; use a closure: let f = { x in ... }"])
        #expect(r.errors("let d = [\"a\": 1]") == ["10:9: dictionary literals are not supported in steps"])
        #expect(r.errors("let t = (1, 2)") == ["10:9: tuples are not supported in steps"])
        #expect(r.errors("import Foundation") == ["10:1: 'import' is not supported in steps: the engine's module is already imported"])
        #expect(r.errors("let f = { (x: Double) in\n    let y = x\n    return y\n}") == ["10:9: only single-expression closures are supported in steps"])
        #expect(r.errors("let z: Double = .zero") == ["10:17: implicit member expressions (like '.zero') are not supported in steps"])
        #expect(r.errors("let (p, q) = (1, 2)") == ["10:5: only simple names can be bound in steps", "10:14: tuples are not supported in steps"])
    }

    @Test func unsupportedCodeIsFoundBeforeTheStepRunsEvenInBranchesThatDoNotRun() {
        let r = StepRunner()
        let code = "var n = 0\nif false {\n    while n < 3 { n += 1 }\n}\nfor i in 0..<2 where i > 0 { }\nlet f = xs.map(\\.count)\nprint(n)"
        #expect(r.errors(code) == [
            "12:5: 'while' and 'repeat' loops are not supported in steps; use 'for x in 0..<n'",
            "14:1: only plain 'for x in sequence' loops are supported in steps",
            "15:16: key paths are not supported in steps; use a closure",
        ])
        #expect(r.run(code).printed == "")
        #expect(r.errors("if let x = Optional(1) { }") == ["10:4: only Boolean conditions are supported in steps ('if let' and 'case' are not)"])
        #expect(r.errors("for var i in 0..<2 { }") == ["10:5: this loop pattern is not supported in steps"])
    }

    @Test func redeclaringALetInTheSessionIsAnError() {
        let r = StepRunner()
        _ = r.run("let a = 1")
        #expect(r.errors("\nvar a = 2") == ["11:5: invalid redeclaration of 'a'"])
        #expect(r.errors("let b = 1, b = 2") == ["10:12: invalid redeclaration of 'b'"])
        #expect(r.text("for a in 0..<2 { print(a) }") == "0\n1")
    }

    @Test func aRunawayLoopHitsTheBudgetAtTheLoop() {
        let r = StepRunner(budget: StepBudget(operations: 1_000, time: .seconds(60)))
        let message = "step ran longer than its budget (1000 operations / 60 s); a loop that never ends?"
        #expect(r.errors("var s = 0\nfor i in 0..<1_000_000_000 {\n    s += i\n}") == ["11:1: \(message)"])
        #expect(r.errors("for i in 0..<10 {\n    for j in 0..<1_000_000 { }\n}") == ["11:5: \(message)"])
        #expect(r.errors("let big = (0..<1_000_000_000).map { $0 * 2 }") == ["10:1: \(message)"])
        // The budget is per step: the next step runs in full.
        #expect(r.text("var t = 0\nfor i in 0..<100 { t += i }\nt") == "4950")
    }

    @Test func aTimeBudgetStopsALongStep() {
        let r = StepRunner(budget: StepBudget(operations: .max, time: .zero))
        #expect(r.errors("for i in 0..<1_000_000_000 { }") == ["10:1: step ran longer than its budget (9223372036854775807 operations / 0 s); a loop that never ends?"])
    }

    @Test func runtimeErrorsPointAtTheirExpression() {
        let r = StepRunner()
        _ = r.run("let xs: [Int] = [1, 2]")
        #expect(r.errors("let n = 1\nn + xs[2]") == ["11:8: index 2 is out of range: the array has 2 elements"])
        #expect(r.errors("xs + 1") == ["10:4: binary operator '+' cannot be applied to operands of type '[Int]' and 'Int'"])
        #expect(r.errors("if xs.count { }") == ["10:4: a condition must be a Bool"])
        #expect(r.errors("let v = print(1)") == ["10:9: 'v' would hold no value (the expression returns Void)"])
    }
}
