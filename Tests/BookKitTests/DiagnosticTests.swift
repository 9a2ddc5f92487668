import Foundation
import Testing
@testable import BookKit

@Test func diagnosticQuotesTheLineWithACaretUnderTheColumn() {
    let d = Diagnostic(.syntax, "expected ')'", at: SourceLocation(file: "a.md", line: 3, column: 5), sourceLine: "dot(a, b")
    #expect(d.description == "a.md:3:5: error: expected ')'\n    dot(a, b\n        ^")
}

@Test func warningsAndNotesSayWhatTheyAre() {
    let d = Diagnostic(.unknownFile, "'intro.md' is not read", at: SourceLocation(file: "c/en/intro.md", line: 1, column: 1),
                       severity: .warning, notes: [Diagnostic.Note("chapters are named like 00-name.md"),
                                                   Diagnostic.Note("English has it", at: SourceLocation(file: "c/en/01-a.md", line: 4, column: 2))])
    #expect(d.description == """
    c/en/intro.md:1:1: warning: 'intro.md' is not read
    note: chapters are named like 00-name.md
    c/en/01-a.md:4:2: note: English has it
    """)
}

@Test func diagnosticsRoundTripThroughJSON() throws {
    let d = Diagnostic(.budget, "step ran longer than its budget", at: SourceLocation(file: "a.md", line: 9, column: 1),
                       sourceLine: "for i in 0..<n {", severity: .error, notes: [Diagnostic.Note("raise --budget")])
    let decoded = try JSONDecoder().decode(Diagnostic.self, from: JSONEncoder().encode(d))
    #expect(decoded == d)
    #expect(decoded.id.rawValue == "step.budget")
}
