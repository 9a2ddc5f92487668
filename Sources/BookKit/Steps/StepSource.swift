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

    /// Parses `code`; throws a `step.too-deep` diagnostic instead when it nests past `StepLimits`
    /// (checked before each stage that would recurse that deep: the parser, the folder, the rest).
    init(code: String, origin: SourceLocation) throws(Diagnostic) {
        self.code = code
        self.origin = origin
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        self.lines = lines
        func refuse(_ violation: LimitViolation) -> Diagnostic {
            let before = code.utf8.prefix(violation.offset)
            let line = before.lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return StepSource.place(.tooDeep, violation.message, line: line, column: column, origin: origin, lines: lines)
        }
        if let violation = NestingScan.violation(in: code) { throw refuse(violation) }
        var parser = Parser(code, maximumNestingLevel: StepSource.parserNesting)
        tree = SourceFileSyntax.parse(from: &parser)
        if let violation = TreeDepth.violation(in: tree) { throw refuse(violation) }
        var foldErrors: [SwiftDiagnostics.Diagnostic] = []
        folded = OperatorTable.standardOperators.foldAll(tree) { foldErrors.append($0.asDiagnostic) }.as(SourceFileSyntax.self) ?? tree
        if let violation = TreeDepth.violation(in: folded) { throw refuse(violation) }
        self.foldErrors = foldErrors
        converter = SourceLocationConverter(fileName: origin.file, tree: folded)
    }

    /// The parser's own nesting limit, the same in debug and release builds (its default is 20
    /// in debug, 256 in release); `NestingScan` has refused anything deeper already.
    private static let parserNesting = 256

    /// Every syntax error of the step, or nil when it parsed cleanly.
    func syntaxDiagnostics() -> [Diagnostic]? {
        let converter = SourceLocationConverter(fileName: origin.file, tree: tree)
        if let token = unfixableEqual() {
            let location = converter.location(for: token.positionAfterSkippingLeadingTrivia)
            return [place(.syntax, "'=' must have consistent whitespace on both sides", line: location.line, column: location.column)]
        }
        let found = ParseDiagnosticsGenerator.diagnostics(for: tree) + foldErrors
        guard !found.isEmpty else { return nil }
        return found.map { diagnostic in
            let location = diagnostic.location(converter: converter)
            return place(.syntax, diagnostic.message, line: location.line, column: location.column)
        }
    }

    /// A `=` that swift-syntax's diagnostics generator would crash on: the lexer finds it bound
    /// on one side only (an odd character such as U+3000 beside it), while spaces lie on both
    /// sides, so the generator's fix-it has no change and fails its precondition.
    private func unfixableEqual() -> TokenSyntax? {
        for token in tree.tokens(viewMode: .all) where token.tokenDiagnostic?.kind == .equalMustHaveConsistentWhitespaceOnBothSides {
            let spacedBefore = token.previousToken(viewMode: .all)?.trailingTrivia.contains { $0.isSpaceOrTab } ?? false
            if spacedBefore, token.trailingTrivia.contains(where: { $0.isSpaceOrTab }) { return token }
        }
        return nil
    }

    /// A diagnostic at `node`'s first character (after its leading trivia).
    func diagnostic(_ id: DiagnosticID, _ message: String, at node: Syntax) -> Diagnostic {
        let location = converter.location(for: node.positionAfterSkippingLeadingTrivia)
        return place(id, message, line: location.line, column: location.column)
    }

    /// A diagnostic at line:column of the code, moved into the chapter: every line of the code
    /// starts at `origin.column` (an indented code block is indented on each of its lines).
    private func place(_ id: DiagnosticID, _ message: String, line: Int, column: Int) -> Diagnostic {
        StepSource.place(id, message, line: line, column: column, origin: origin, lines: lines)
    }

    private static func place(_ id: DiagnosticID, _ message: String, line: Int, column: Int, origin: SourceLocation,
                              lines: [Substring]) -> Diagnostic {
        let indent = origin.column - 1
        let text = lines.indices.contains(line - 1) && lines[line - 1].utf8.count <= StepLimits.quotedLine
            ? String(repeating: " ", count: indent) + lines[line - 1] : nil
        return Diagnostic(id, message, at: SourceLocation(file: origin.file, line: origin.line + line - 1, column: column + indent),
                          sourceLine: text)
    }
}
