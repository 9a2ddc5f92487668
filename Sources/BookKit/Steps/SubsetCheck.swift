import SwiftSyntax

/// The one statement of the step language's rules: every construct of a step that lies outside
/// the interpreter's subset is found here before the step runs, so that code in a branch or loop
/// that does not run is checked too, and one run reports all of them. The interpreter trusts it.
final class SubsetCheck: SyntaxAnyVisitor {
    private(set) var errors: [StepError] = []

    /// The unsupported constructs of `tree`, in source order.
    static func errors(in tree: some SyntaxProtocol) -> [StepError] {
        let check = SubsetCheck(viewMode: .sourceAccurate)
        check.walk(tree)
        return check.errors
    }

    private func reject(_ node: some SyntaxProtocol, _ message: String? = nil) -> SyntaxVisitorContinueKind {
        errors.append(StepError(message ?? Unsupported.describe(node), at: node, id: .unsupported))
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
        if !node.attributes.isEmpty || !node.modifiers.isEmpty {
            return reject(node, "attributes and modifiers on 'let' and 'var' are not supported in steps")
        }
        for binding in node.bindings {
            if !binding.pattern.is(IdentifierPatternSyntax.self) {
                errors.append(StepError("only simple names can be bound in steps", at: binding.pattern, id: .unsupported))
            } else if binding.initializer == nil && binding.accessorBlock == nil {
                errors.append(StepError("'\(binding.pattern.trimmedDescription)' needs a value: write '\(node.bindingSpecifier.text) \(binding.pattern.trimmedDescription) = ...'",
                                        at: binding, id: .unsupported))
            }
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
        for case .expressionSegment(let part) in node.segments {
            if part.expressions.count != 1 || part.expressions.first?.label != nil {
                return reject(part, "only plain interpolations like \\(x) are supported in steps")
            }
        }
        return .visitChildren
    }
    /// swiftc's lexer refuses a float literal's member right after `[` (`[3.0.squareRoot()]`, it
    /// reads `[3.` as the start of another construct); swift-syntax accepts it, steps follow swiftc.
    override func visit(_ node: ArrayExprSyntax) -> SyntaxVisitorContinueKind {
        var leftmost = node.elements.first?.expression
        while let expression = leftmost {
            if let member = expression.as(MemberAccessExprSyntax.self) {
                if let literal = member.base?.as(FloatLiteralExprSyntax.self) {
                    errors.append(StepError("expected named member of numeric literal", at: literal, id: .syntax))
                    return .skipChildren
                }
                leftmost = member.base
            } else if let call = expression.as(FunctionCallExprSyntax.self) {
                leftmost = call.calledExpression
            } else if let element = expression.as(SubscriptCallExprSyntax.self) {
                leftmost = element.calledExpression
            } else if let infix = expression.as(InfixOperatorExprSyntax.self) {
                leftmost = infix.leftOperand
            } else if let ternary = expression.as(TernaryExprSyntax.self) {
                leftmost = ternary.condition
            } else {
                leftmost = nil
            }
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

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if !node.additionalTrailingClosures.isEmpty {
            return reject(node.additionalTrailingClosures, "several trailing closures are not supported in steps")
        }
        let callee = node.calledExpression
        if !callee.is(DeclReferenceExprSyntax.self) && callee.as(MemberAccessExprSyntax.self)?.base == nil {
            return reject(callee, "only calls of named functions and methods are supported in steps")
        }
        for argument in node.arguments {
            if let inOut = argument.expression.as(InOutExprSyntax.self), !inOut.expression.is(DeclReferenceExprSyntax.self) {
                errors.append(StepError("only a variable can be passed with '&' in steps", at: inOut.expression, id: .unsupported))
            }
        }
        return .visitChildren
    }

    override func visit(_ node: InfixOperatorExprSyntax) -> SyntaxVisitorContinueKind {
        guard Self.isAssignment(node.operator) else { return .visitChildren }
        var target = node.leftOperand
        while let element = target.as(SubscriptCallExprSyntax.self) { target = element.calledExpression }
        if !target.is(DeclReferenceExprSyntax.self) {
            errors.append(StepError("only a variable or an element of one can be assigned to in steps", at: node.leftOperand, id: .unsupported))
        }
        return .visitChildren
    }

    /// `=`, `+=`, `-=`, `*=`, `/=`, `%=`.
    static func isAssignment(_ op: ExprSyntax) -> Bool {
        if op.is(AssignmentExprSyntax.self) { return true }
        return ["+=", "-=", "*=", "/=", "%="].contains(op.as(BinaryOperatorExprSyntax.self)?.operator.text ?? "")
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
        if let signature = node.signature, signature.capture != nil || signature.effectSpecifiers != nil {
            return reject(signature, "closure captures and effects are not supported in steps")
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
