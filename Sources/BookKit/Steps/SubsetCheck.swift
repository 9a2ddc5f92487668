import SwiftSyntax

/// Finds every construct of a step that lies outside the interpreter's subset before the step
/// runs, so that code in a branch or loop that does not run is checked too, and one run reports
/// all of them.
final class SubsetCheck: SyntaxAnyVisitor {
    private(set) var errors: [StepError] = []

    /// The unsupported constructs of `tree`, in source order.
    static func errors(in tree: some SyntaxProtocol) -> [StepError] {
        let check = SubsetCheck(viewMode: .sourceAccurate)
        check.walk(tree)
        return check.errors
    }

    private func reject(_ node: some SyntaxProtocol, _ message: String? = nil) -> SyntaxVisitorContinueKind {
        errors.append(StepError(message ?? Unsupported.describe(node), at: node))
        return .skipChildren
    }

    override func visit(_ node: ExpressionStmtSyntax) -> SyntaxVisitorContinueKind { .visitChildren }
    override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
        if node.whereClause != nil || node.caseKeyword != nil || node.awaitKeyword != nil || node.tryKeyword != nil {
            return reject(node, "only plain 'for x in sequence' loops are supported in steps")
        }
        if !SubsetCheck.isLoopPattern(node.pattern) { return reject(node.pattern, "this loop pattern is not supported in steps") }
        return .visitChildren
    }

    /// `x`, `_`, or `(i, x)` as `enumerated()` gives them.
    private static func isLoopPattern(_ pattern: PatternSyntax) -> Bool {
        if pattern.is(IdentifierPatternSyntax.self) || pattern.is(WildcardPatternSyntax.self) { return true }
        guard let tuple = pattern.as(TuplePatternSyntax.self), tuple.elements.count == 2 else { return false }
        return tuple.elements.allSatisfy { $0.label == nil && ($0.pattern.is(IdentifierPatternSyntax.self) || $0.pattern.is(WildcardPatternSyntax.self)) }
    }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        for binding in node.bindings where !binding.pattern.is(IdentifierPatternSyntax.self) {
            errors.append(StepError("only simple names can be bound in steps", at: binding.pattern))
        }
        return .visitChildren
    }

    override func visit(_ node: PatternBindingSyntax) -> SyntaxVisitorContinueKind {
        node.accessorBlock == nil ? .visitChildren : reject(node, "computed properties are not supported in steps")
    }
    override func visit(_ node: StringLiteralExprSyntax) -> SyntaxVisitorContinueKind {
        if node.openingPounds != nil || node.openingQuote.tokenKind == .multilineStringQuote {
            return reject(node, "only single-line string literals (\"...\") are supported in steps")
        }
        return .visitChildren
    }
    override func visit(_ node: TupleExprSyntax) -> SyntaxVisitorContinueKind {
        node.elements.count == 1 && node.elements.first?.label == nil ? .visitChildren : reject(node)
    }

    override func visit(_ node: TryExprSyntax) -> SyntaxVisitorContinueKind {
        node.questionOrExclamationMark == nil ? .visitChildren : reject(node, "'try?' and 'try!' are not supported in steps; use 'try'")
    }

    override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind {
        node.base == nil ? reject(node) : .visitChildren
    }

    override func visit(_ node: IfExprSyntax) -> SyntaxVisitorContinueKind {
        for condition in node.conditions {
            guard case .expression = condition.condition else {
                return reject(condition, "only Boolean conditions are supported in steps ('if let' and 'case' are not)")
            }
        }
        return .visitChildren
    }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        if node.statements.count != 1 || node.statements.first.map({ if case .expr = $0.item { false } else { true } }) == true {
            return reject(node, "only single-expression closures are supported in steps")
        }
        return .visitChildren
    }

    /// Every other statement, declaration and expression kind is checked against the subset.
    override func visitAny(_ node: Syntax) -> SyntaxVisitorContinueKind {
        if node.is(StmtSyntax.self) || node.is(DeclSyntax.self) { return reject(node) }
        if node.is(ExprSyntax.self), !SubsetCheck.expressions.contains(node.kind) { return reject(node) }
        return .visitChildren
    }

    /// Expression kinds the interpreter runs (those with conditions above are handled there).
    private static let expressions: Set<SyntaxKind> = [
        .integerLiteralExpr, .floatLiteralExpr, .booleanLiteralExpr, .stringLiteralExpr, .arrayExpr,
        .declReferenceExpr, .prefixOperatorExpr, .infixOperatorExpr, .binaryOperatorExpr, .assignmentExpr,
        .ternaryExpr, .functionCallExpr, .subscriptCallExpr, .inOutExpr,
    ]
}
