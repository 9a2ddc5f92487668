import Foundation
import Testing
@testable import BookKit

@Test func zzProbe2() throws {
    let steps = [
        "let xs: [Double] = [1, 2, 3]\nxs.map { $0 / 2 }",
        "var total = 0.0\nfor x in xs { total += x * x }\ntotal",
        "let r = Random(seed: 42)\n(0..<3).map { _ in r.random() }",
        "let p = softmax([1, 2, 3])\np.max()",
        "\"\\(rounded(0.123456, places: 3)) and \\(xs)\"",
        "xs.reduce(0, +) / Double(xs.count)",
        "(1...3).map { Double($0) }",
        "max(xs.count, 2)",
        "1e-3 * 2",
        "let g = Graph()\nlet a = Value(2, label: \"a\", in: g)\nlet b = Value(-3, label: \"b\", in: g)\nlet c = (a * b + 1).named(\"c\")\nc.backward()\nc.expressionGraph",
        "print(a, b, separator: \" | \")\nprint(\"no newline\", terminator: \"\")",
        "let s: [Double] = [1, 2]\nvary(\"t\", over: [0.5, 1, 2], default: 1) { t in softmax(s, temperature: t) }",
        "var m: [[Double]] = [[1, 2], [3, 4]]\nm[1][0] += 10\nm",
        "let half = 1 / 2\nlet halfD: Double = 1 / 2\nprint(half, halfD)\nxs.count > 2 ? \"many\" : \"few\"",
        "xs.enumerated().map { pair in pair.offset }",
        "-xs[0] + 2",
        "[1, 2, 3].filter { $0 % 2 == 1 }.count",
        "let e: [Int] = []\ne.max()",
        "xs.first",
        "[\"b\", \"a\"].sorted()",
        "let rr = Random(seed: 1)\nvar ws: [Double] = []\nfor _ in 0..<3 { ws += [rr.gauss(0, 1)] }\nws",
        "exp(1) - 2.718281828459045",
        "rounded(softmax([2, 1, 0.5]), places: 3)",
        "derivative(at: 2) { x in x * x * x }",
    ]
    let context = LibraryContext(chaptersDirectory: URL(fileURLWithPath: "/tmp"))
    let session = Session(file: "probe.md", context: context)
    var texts: [String] = []
    for step in steps {
        let o = session.run(step: step, at: BookKit.SourceLocation(file: "p", line: 1, column: 1))
        texts.append(o.diagnostics.isEmpty ? o.text : "ERROR " + o.diagnostics.map { $0.message }.joined())
    }
    try SwiftExporter.file(function: "probe", steps: steps).write(toFile: "/tmp/parity2/Exported.swift", atomically: true, encoding: .utf8)
    try "for t in try probe() { print(t.replacingOccurrences(of: \"\\n\", with: \"⏎\")) }\n".write(toFile: "/tmp/parity2/main.swift", atomically: true, encoding: .utf8)
    try texts.map { $0.replacingOccurrences(of: "\n", with: "⏎") }.joined(separator: "\n").appending("\n").write(toFile: "/tmp/parity2/interpreted.txt", atomically: true, encoding: .utf8)
}
