import SwiftDiagnostics
import SwiftOperators
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// A step's code parsed as Swift, with its positions mapped into the chapter.
struct StepSource {
    let code: String
    let origin: SourceLocation
    let tree: SourceFileSyntax
    /// The tree with operators folded by precedence (`a + b * c` as `a + (b * c)`).
    let folded: SourceFileSyntax
    private let converter: SourceLocationConverter
    private let lines: [Substring]
    /// Operators that cannot be folded (`1 < 2 < 3`), as Swift reports them.
    private let foldErrors: [SwiftDiagnostics.Diagnostic]

    init(code: String, origin: SourceLocation) {
        self.code = code
        self.origin = origin
        tree = Parser.parse(source: code)
        var foldErrors: [SwiftDiagnostics.Diagnostic] = []
        folded = OperatorTable.standardOperators.foldAll(tree) { foldErrors.append($0.asDiagnostic) }.as(SourceFileSyntax.self) ?? tree
        self.foldErrors = foldErrors
        converter = SourceLocationConverter(fileName: origin.file, tree: folded)
        lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// Every syntax error of the step, or nil when it parsed cleanly.
    func syntaxDiagnostics() -> [Diagnostic]? {
        let found = ParseDiagnosticsGenerator.diagnostics(for: tree) + foldErrors
        guard !found.isEmpty else { return nil }
        return found.map { diagnostic in
            let location = diagnostic.location(converter: SourceLocationConverter(fileName: origin.file, tree: tree))
            return place(.syntax, diagnostic.message, line: location.line, column: location.column)
        }
    }

    /// A diagnostic at `node`'s first character (after its leading trivia).
    func diagnostic(_ id: DiagnosticID, _ message: String, at node: Syntax) -> Diagnostic {
        let location = converter.location(for: node.positionAfterSkippingLeadingTrivia)
        return place(id, message, line: location.line, column: location.column)
    }

    /// A diagnostic at line:column of the code, moved into the chapter: every line of the code
    /// starts at `origin.column` (an indented code block is indented on each of its lines).
    private func place(_ id: DiagnosticID, _ message: String, line: Int, column: Int) -> Diagnostic {
        let indent = origin.column - 1
        let text = lines.indices.contains(line - 1) ? String(repeating: " ", count: indent) + lines[line - 1] : nil
        return Diagnostic(id, message, at: SourceLocation(file: origin.file, line: origin.line + line - 1, column: column + indent),
                          sourceLine: text)
    }
}
