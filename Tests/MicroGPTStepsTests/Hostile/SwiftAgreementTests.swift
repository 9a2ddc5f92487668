import BookTestSupport
import Testing

/// Where the interpreter departed from Swift: arrays lost their type when empty, optionals were
/// unwrapped by any use, hexadecimal, binary and octal literals were refused. Each case gives
/// what compiled Swift prints, or Swift's own error for what swiftc rejects.
@Suite(.ownThreads) struct SwiftAgreementTests {
    static let cases: [HostileCase] = [
        .runs("an empty [Int] stays [Int]", "var xs: [Int] = []\nxs += [1]\nxs", "[1]"),
        .runs("an empty [[Int]] stays [[Int]]", "var m: [[Int]] = []\nm += [[2]]\nm", "[[2]]"),
        .runs("Array<Int> is [Int]", "let xs: Array<Int> = []\nxs + [3]", "[3]"),
        .runs("the sum of empty [Int]s is [Int]", "let xs: [Int] = []\nlet ys = xs + xs\nys + [4]", "[4]"),
        .runs("an empty literal takes the other operand's type", "let xs: [Double] = [1]\nxs + []", "[1.0]"),
        .fails("an empty [Double] is not an [Int]", "let xs: [Double] = []\nlet ys: [Int] = []\nxs + ys",
               "12:4 step.failed: binary operator '+' cannot be applied to operands of type '[Double]' and '[Int]'"),
        .fails("an [Int] variable is not a [Double]", "let xs: [Int] = []\nlet ys: [Double] = xs",
               "11:20 step.failed: cannot convert value of type '[Int]' to specified type '[Double]'"),
        .fails("an element of the wrong type", "let xs: [Int] = [1]\nlet m: [[Double]] = [xs]",
               "11:22 step.failed: cannot convert value of type '[Int]' to expected element type '[Double]'"),
        .fails("an empty literal printed", "print([])", "10:7 step.failed: empty collection literal requires an explicit type"),
        .fails("an empty literal passed to a closure", "let f = { x in x }\nf([])", "11:3 step.failed: empty collection literal requires an explicit type"),
        .runs("reversed() is a ReversedCollection, an array where one is asked for",
              "let xs = [1, 2, 3]\nlet ys: [Int] = xs.reversed()\nprint(ys, xs.reversed().map { $0 * 2 }, (0..<2).reversed())\nxs.reversed()",
              "[3, 2, 1] [6, 4, 2] ReversedCollection<Range<Int>>(_base: Range(0..<2))\nReversedCollection<Array<Int>>(_base: [1, 2, 3])"),
        .fails("a float literal's member first in an array literal", "let a = [3.0.squareRoot(), 1.0]",
               "10:10 step.syntax: expected named member of numeric literal"),
        .fails("a throwing call without try in a loop that never runs", "for _ in 0..<0 {\n    let d = Dataset(text: \"a\").tokenizer.encode(\"a\")\n}",
               "11:13 step.failed: call can throw but is not marked with 'try'"),
        .fails("pow of two literals is ambiguous for swiftc", "print(pow(3.0, 2))", "10:7 step.failed: ambiguous use of 'pow'"),
        .runs("pow of two literals where a Double is asked for", "let g: Double = pow(3.0, 2)\ng", "9.0"),
        .runs("first is an optional", "[1, 2].first", "Optional(1)"),
        .runs("first of an empty array is nil", "let xs: [Int] = []\nxs.first", "nil"),
        .runs("an optional String prints quoted", "[\"a\"].last", "Optional(\"a\")"),
        .runs("max() of strings", "[\"b\", \"a\"].max()", "Optional(\"b\")"),
        .runs("an optional in an array", "let xs: [Int] = [5]\n[xs.first, xs.last]", "[Optional(5), Optional(5)]"),
        .fails("an optional is not an Int", "let a = [1, 2].first\na + 1",
               "11:3 step.failed: value of optional type 'Int?' must be unwrapped to a value of type 'Int'"),
        .fails("an optional has no members of its wrapped type", "let a = [1.5].first\na.squareRoot()",
               "11:3 step.failed: value of optional type 'Double?' must be unwrapped to refer to member 'squareRoot' of wrapped base type 'Double'"),
        .fails("an optional argument", "let a = [1.5].first\nrelu(a)",
               "11:6 step.failed: value of optional type 'Double?' must be unwrapped to a value of type 'Double'"),
        .fails("an optional condition", "let b = [true].first\nif b { print(1) }",
               "11:4 step.failed: optional type 'Bool?' cannot be used as a boolean; test for '!= nil' instead"),
        .fails("a loop over an optional", "let m = [[1]].first\nfor x in m { print(x) }",
               "11:10 step.failed: for-in loop requires '[Int]?' to conform to 'Sequence'; did you mean to unwrap optional?"),
        .runs("?? unwraps with a default typed like the optional", "let xs: [Double] = []\nxs.first ?? 0", "0.0"),
        .runs("== compares an optional with a value", "[1, 2].first == 1", "true"),
        .runs("an annotated optional", "let o: Int? = 3\no", "Optional(3)"),
        .runs("hexadecimal, binary and octal literals", "0x1F + 0b101 + 0o17 + 1_000", "1051"),
        .runs("a hexadecimal Double", "let d: Double = 0x10\nd", "16.0"),
        .runs("a negative hexadecimal literal", "-0x10", "-16"),
        .runs("Int.min as a literal", "-9223372036854775808", "-9223372036854775808"),
        .fails("a hexadecimal literal that overflows", "let x = 0x1_0000_0000_0000_0000",
               "10:9 step.failed: integer literal '0x1_0000_0000_0000_0000' overflows when stored into 'Int'"),
        .runs("an element set in place keeps its type", "var xs: [Int] = [1, 2, 3]\nfor i in 0..<3 { xs[i] += 10 }\nxs[0] = 0\nxs += xs\nxs",
              "[0, 12, 13, 0, 12, 13]"),
        .runs("appending in a loop is linear", "var xs: [Double] = []\nfor i in 0..<5000 { xs += [Double(i)] }\nxs.count", "5000"),
    ]

    @Test(arguments: cases) func swiftAgreement(_ hostile: HostileCase) { hostile.check() }
}
