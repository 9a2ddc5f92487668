import SwiftSyntax

/// Swift types a literal by its context: `let x: Double = 1 / 2` is 0.5, `1 + 2.5` is 3.5,
/// `dot(a, [1, 2])` passes [Double]. The interpreter does the same with a type hint that flows
/// from annotations, parameters and the other operand into literal expressions.
enum LiteralKind: Equatable {
    /// Only integer literals (and operators between them): Int unless the context says Double.
    case integer
    /// At least one float literal: Double.
    case float

    /// The Double type for this literal's shape: `Double`, `[Double]`, `[[Double]]`.
    static func doubleType(for expression: ExprSyntax) -> StepType {
        var type = StepType.double
        var shape = expression
        var depth = 0
        while let array = shape.as(ArrayExprSyntax.self), let first = array.elements.first {
            shape = first.expression
            depth += 1
        }
        for _ in 0..<depth { type = .array(type) }
        return type
    }
}

/// The literal kind of each expression of the steps, computed once per node: the interpreter
/// asks for the kinds of both operands at every level of an expression, which without this
/// memo is quadratic in its length (and made nested literals exponential with re-evaluation).
final class LiteralKinds {
    /// By node; the node is kept so that its tree stays alive and its id cannot be reused.
    private var known: [SyntaxIdentifier: (node: Syntax, kind: LiteralKind?)] = [:]

    /// Forgets every node (at the start of a step: trees of earlier steps need not stay alive).
    func forget() { known.removeAll(keepingCapacity: true) }

    /// The kind of a literal-only expression (`2`, `-1.5`, `(1 + 2) / 3`, `[1, 2.5]`); nil when
    /// any part of it is not a literal.
    func of(_ expression: ExprSyntax) -> LiteralKind? {
        if let hit = known[expression.id] { return hit.kind }
        let kind = compute(expression)
        known[expression.id] = (Syntax(expression), kind)
        return kind
    }

    private func compute(_ expression: ExprSyntax) -> LiteralKind? {
        if expression.is(IntegerLiteralExprSyntax.self) { return .integer }
        if expression.is(FloatLiteralExprSyntax.self) { return .float }
        if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
            return of(prefix.expression)
        }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return of(only.expression)
        }
        if let infix = expression.as(InfixOperatorExprSyntax.self),
           let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, Operators.arithmetic.contains(op) {
            guard let left = of(infix.leftOperand), let right = of(infix.rightOperand) else { return nil }
            return left == .float || right == .float ? .float : .integer
        }
        if let array = expression.as(ArrayExprSyntax.self), !array.elements.isEmpty {
            var kind = LiteralKind.integer
            for element in array.elements {
                guard let k = of(element.expression) else { return nil }
                if k == .float { kind = .float }
            }
            return kind
        }
        return nil
    }
}
