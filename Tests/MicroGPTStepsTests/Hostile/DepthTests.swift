import BookTestSupport
import Foundation
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// Code nested or chained past `StepLimits` is refused with `step.too-deep` at the first place
/// past the limit, before swift-syntax's parser (which crashed or took exponential time on it),
/// the folder, the checks or the interpreter recurse into it. Code at the limits runs.
@Suite(.ownThreads) struct DepthTests {
    static let nesting = "code nested too deeply: steps allow at most 32 levels of brackets, parentheses, braces, interpolations, generic arguments and 'try' or 'await'"
    static let squares = "code nested too deeply: steps allow at most 10 levels of square brackets"
    static let depth = "code nested too deeply: steps allow at most 2000 levels of expressions and statements (each link of a chain like 'a.b.c' or 'else if' is one)"
    static let operators = "expression too long: steps allow at most 1000 operators in one expression"

    static let cases: [HostileCase] = [
        .fails("11 nested square brackets", "let x = " + repeated("[", 11) + "1" + repeated("]", 11), "10:19 step.too-deep: \(squares)"),
        .fails("1,000 nested square brackets", "let x = " + repeated("[", 1000) + "1" + repeated("]", 1000), "10:19 step.too-deep: \(squares)"),
        .fails("nested brackets in a branch that never runs", "if false {\nlet x: [Double] = " + repeated("[", 24) + "1" + repeated("]", 24) + "\n}",
               "11:29 step.too-deep: \(squares)"),
        .runs("10 nested square brackets", "let x = " + repeated("[", 10) + "1" + repeated("]", 10) + "\nx.count", "1"),
        .fails("33 nested parentheses", "let x = " + repeated("(", 33) + "1" + repeated(")", 33), "10:41 step.too-deep: \(nesting)"),
        .runs("32 nested parentheses", "let x = " + repeated("(", 32) + "1" + repeated(")", 32) + "\nx", "1"),
        .fails("33 nested braces", repeated("if true { ", 33) + "print(1)" + repeated(" }", 33), "10:329 step.too-deep: \(nesting)"),
        .fails("33 nested interpolations", "let x = " + repeated("\"\\(", 33) + "1" + repeated(")\"", 33), "10:107 step.too-deep: \(nesting)"),
        .fails("1,000 generic brackets", "let a = 1\nlet x = " + repeated("a<", 1000) + "a" + repeated(">", 1000), "11:74 step.too-deep: \(nesting)"),
        .fails("5,000 'try' in a row", "let x = " + repeated("try ", 5000) + "relu(1)", "10:137 step.too-deep: \(nesting)"),
        .fails("50 'await' in a row", "let x = " + repeated("await ", 50) + "relu(1)", "10:201 step.too-deep: \(nesting)"),
        .fails("33 nested #if blocks", repeated("#if A\n", 33) + repeated("#endif\n", 33), "42:1 step.too-deep: \(nesting)"),
        .fails("33 nested closures", "let f = " + repeated("{ _ in ", 33) + "1" + repeated(" }", 33), "10:233 step.too-deep: \(nesting)"),
        .fails("1,001 operators", "let x = " + Array(repeating: "1", count: 1002).joined(separator: " + "), "10:4011 step.too-deep: \(operators)"),
        .fails("5,000 operators", "let x = " + Array(repeating: "1", count: 5_001).joined(separator: " + "), "10:4011 step.too-deep: \(operators)"),
        .runs("1,000 operators run in linear time", "let a = 1\nlet x = " + Array(repeating: "a", count: 1001).joined(separator: " + ") + "\nx", "1001"),
        .fails("2,000 chained '? :'", "let x = " + repeated("true ? 1 : ", 2_000) + "0", "10:11014 step.too-deep: \(operators)"),
        .runs("1,000 chained '? :'", "let x = " + repeated("false ? 1 : ", 1000) + "2\nx", "2"),
        .fails("a member chain 2,001 long", "let s = \"a\"\nlet x = s" + repeated(".count", 2001), "11:9 step.too-deep: \(depth)"),
        .fails("a subscript chain 5,000 long", "let a = [1]\nlet x = a" + repeated("[0]", 5000), "11:9 step.too-deep: \(depth)"),
        .fails("an optional type 2,001 deep", "let x: Int" + repeated("?", 2001) + " = 1", "10:8 step.too-deep: \(depth)"),
        .fails("2,001 'else if'", "var x = 0\nif x == 1 { x = 1 }" + repeated(" else if x == 1 { x = 1 }", 2001), "11:49929 step.too-deep: \(depth)"),
        .runs("200 'else if' run", "var x = 0\nif x == 1 { x = 1 }" + repeated(" else if x == 1 { x = 1 }", 200) + " else { x = 2 }\nx", "2"),
        .runs("brackets in comments and strings are not nesting",
              "// " + repeated("[", 50) + "\n/* " + repeated("(", 50) + " /* nested */ */\nlet s = \"" + repeated("[(", 40) + "\"\ns.count", "80"),
        .fails("a raw string's \\( is text, not nesting", "let s = #\"" + repeated("\\(", 40) + "\"#\ns.count",
               "10:9 step.unsupported: only single-line string literals (\"...\") are supported in steps"),
        .runs("500 sibling arrays are not nested", "let m = [" + Array(repeating: "[1]", count: 500).joined(separator: ", ") + "]\nm.count", "500"),
        .fails("1,001 closures calling each other", "let f0 = { (x: Int) in x }\n" + (1...1000).map { "let f\($0) = { (x: Int) in f\($0 - 1)(x) }" }.joined(separator: "\n") + "\nf1000(1)",
               "10:10 step.too-deep: closures call each other too deeply: steps allow at most 1000 calls inside each other"),
        .runs("an array nested 1,000 deep by statements", "let a0 = [1]\n" + (1...1000).map { "let a\($0) = [a\($0 - 1)]" }.joined(separator: "\n") + "\na1000.count", "1"),
        .runs("a name 100,000 letters long is not compared for suggestions", "let " + repeated("q", 100_000) + " = 1\n1", "1"),
        .fails("an unknown name 100,000 letters long", repeated("q", 100_000), "10:1 step.failed: cannot find '\(repeated("q", 100_000))' in scope"),
        .fails("a '=' beside an odd space (swift-syntax's diagnostics crashed on it)", "let x \u{3000}= 1",
               "10:10 step.syntax: '=' must have consistent whitespace on both sides"),
        .runs("1,000 statements", "var a = 0\n" + repeated("a += 1\n", 1000) + "a", "1000"),
    ]

    @Test(arguments: cases) func hostileDepth(_ hostile: HostileCase) { hostile.check() }
}

/// A step of garbage has an error every few characters: a step reports its first 100, and the
/// last says how many more there are; a line too long to quote is not quoted.
@Suite(.ownThreads) struct DiagnosticFloodTests {
    @Test func aStepReportsAtMostOneHundredErrors() {
        let session = Session(file: "ch.md", binding: MicroGPTBinding(),
                              context: LibraryContext(chaptersDirectory: FileManager.default.temporaryDirectory))
        let outcome = session.run(step: repeated("x! ", 300), at: SourceLocation(file: "ch.md", line: 10, column: 1))
        #expect(outcome.diagnostics.count == 100)
        #expect(outcome.diagnostics.last?.notes.map(\.message) == ["199 more errors in this step are not shown"])
        #expect(outcome.diagnostics.first?.sourceLine == repeated("x! ", 300))
        let long = session.run(step: repeated("x! ", 400), at: SourceLocation(file: "ch.md", line: 10, column: 1))
        #expect(long.diagnostics.first?.sourceLine == nil)
        #expect(long.diagnostics.first?.location == SourceLocation(file: "ch.md", line: 10, column: 3))
    }
}
