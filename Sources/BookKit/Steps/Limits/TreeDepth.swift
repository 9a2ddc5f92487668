import SwiftSyntax

/// The depth of a parsed step, measured without recursion (the tree may be deeper than any
/// recursive walk survives): every later pass (folding, the subset check, positions, the
/// interpreter) recurses once per level, so a tree past `StepLimits` is refused before they run.
enum TreeDepth {
    /// The first node in source order that lies deeper than `StepLimits.depth` levels of
    /// expressions, statements, types and patterns, or (before folding) the operator past
    /// `StepLimits.operators` in one expression.
    static func violation(in tree: some SyntaxProtocol) -> LimitViolation? {
        var pending: [(node: Syntax, level: Int)] = [(Syntax(tree), 0)]
        while let (node, parentLevel) = pending.popLast() {
            let level = parentLevel + (counts(node) ? 1 : 0)
            if level > StepLimits.depth {
                return LimitViolation(message: "code nested too deeply: steps allow at most \(StepLimits.depth) levels of expressions and statements (each link of a chain like 'a.b.c' or 'else if' is one)",
                                      offset: node.positionAfterSkippingLeadingTrivia.utf8Offset)
            }
            if let sequence = node.as(SequenceExprSyntax.self), sequence.elements.count > 2 * StepLimits.operators + 1 {
                let operatorPast = sequence.elements.dropFirst(2 * StepLimits.operators + 1).first ?? sequence.elements.first
                return LimitViolation(message: "expression too long: steps allow at most \(StepLimits.operators) operators in one expression",
                                      offset: (operatorPast.map { Syntax($0) } ?? node).positionAfterSkippingLeadingTrivia.utf8Offset)
            }
            for child in node.children(viewMode: .sourceAccurate).reversed() where child.kind != .token {
                pending.append((child, level))
            }
        }
        return nil
    }

    /// Whether `node` is a level a reader sees (lists and their elements are not).
    private static func counts(_ node: Syntax) -> Bool {
        node.is(ExprSyntax.self) || node.is(StmtSyntax.self) || node.is(DeclSyntax.self) || node.is(TypeSyntax.self) || node.is(PatternSyntax.self)
    }
}
