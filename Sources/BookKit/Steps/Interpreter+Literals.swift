import SwiftSyntax

extension Interpreter {
    /// The operands of a binary operator, each literal typed by the other operand or the context.
    func operands(_ infix: InfixOperatorExprSyntax, op: String, hint: StepType?) throws -> (Any, Any) {
        let operandHint: StepType?
        if Operators.arithmetic.contains(op) {
            operandHint = hint == .double ? hint : nil
        } else if op == "..<" || op == "..." {
            operandHint = .int
        } else {
            operandHint = nil
        }
        let leftKind = literalKinds.of(infix.leftOperand), rightKind = literalKinds.of(infix.rightOperand)
        switch (leftKind, rightKind) {
        case (.some, .none):
            let right = try required(infix.rightOperand, as: operandHint)
            return (try required(infix.leftOperand, as: operandHint ?? types.literalType(besides: right)), right)
        case (.none, .some):
            let left = try required(infix.leftOperand, as: operandHint)
            return (left, try required(infix.rightOperand, as: operandHint ?? types.literalType(besides: left)))
        case (.some(let l), .some(let r)):
            let shared = operandHint ?? (l == .float || r == .float ? StepType.double : nil)
            return (try required(infix.leftOperand, as: shared), try required(infix.rightOperand, as: shared))
        case (.none, .none):
            return (try required(infix.leftOperand, as: operandHint), try required(infix.rightOperand, as: operandHint))
        }
    }

    /// An array literal: elements typed by the hint (`[Double]`), or like Swift infers them
    /// (`[1, 2.5]` is [Double]); an empty literal needs a type from its context.
    func arrayLiteral(_ array: ArrayExprSyntax, hint: StepType?) throws -> Any {
        var elementHint = hint?.element
        if array.elements.isEmpty {
            guard let hint, let element = elementHint else {
                throw StepError("empty collection literal requires an explicit type", at: array)
            }
            return TypeSystem.typed([], as: element) ?? types.coerce([Any](), to: hint) ?? [Any]()
        }
        if elementHint == nil, literalKinds.of(ExprSyntax(array)) == .float,
           let first = array.elements.first {
            elementHint = LiteralKind.doubleType(for: first.expression)
        }
        var values: [Any?] = Array(repeating: nil, count: array.elements.count)
        // Elements that are not literals go first: their types decide the literals' (`[x, 1]`).
        for (i, element) in array.elements.enumerated() where literalKinds.of(element.expression) == nil {
            values[i] = try required(element.expression, as: elementHint)
        }
        let literalHint = elementHint ?? values.lazy.compactMap { $0 }.first.flatMap { types.literalType(besides: $0) }
        for (i, element) in array.elements.enumerated() where values[i] == nil {
            values[i] = try required(element.expression, as: literalHint)
        }
        let elements = values.compactMap { $0 }
        if let element = elementHint, let typed = TypeSystem.typed(elements, as: element) { return typed }
        guard let typed = types.typedArray(elements) else {
            let names = Set(elements.map { types.type(of: $0).description }).sorted().joined(separator: ", ")
            throw StepError("heterogeneous collection literal could only be inferred to '[Any]' (elements of types \(names))", at: array)
        }
        return typed
    }
}
