import Testing
@testable import BookKit

@Test func diagnosticQuotesTheLineWithACaretUnderTheColumn() {
    let d = Diagnostic("expected ')'", at: SourceLocation(file: "a.md", line: 3, column: 5), sourceLine: "dot(a, b")
    #expect(d.description == "a.md:3:5: error: expected ')'\n    dot(a, b\n        ^")
}
