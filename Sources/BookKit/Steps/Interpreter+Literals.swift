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
            // `xs + []`: an empty literal takes the other operand's type, as in Swift.
            if isEmptyArray(infix.rightOperand) {
                let left = try required(infix.leftOperand, as: operandHint)
                return (left, try required(infix.rightOperand, as: operandHint ?? types.type(of: left)))
            }
            if isEmptyArray(infix.leftOperand) {
                let right = try required(infix.rightOperand, as: operandHint)
                return (try required(infix.leftOperand, as: operandHint ?? types.type(of: right)), right)
            }
            return (try required(infix.leftOperand, as: operandHint), try required(infix.rightOperand, as: operandHint))
        }
    }

    private func isEmptyArray(_ expression: ExprSyntax) -> Bool {
        expression.as(ArrayExprSyntax.self)?.elements.isEmpty == true
    }

    /// An array literal: elements typed by the hint (`[Double]`), or like Swift infers them
    /// (`[1, 2.5]` is [Double]); an empty literal needs a type from its context.
    func arrayLiteral(_ array: ArrayExprSyntax, hint: StepType?) throws -> Any {
        var elementHint = hint?.element.flatMap { $0.isIncomplete ? nil : $0 }
        if array.elements.isEmpty {
            guard let element = elementHint else {
                throw StepError("empty collection literal requires an explicit type", at: array)
            }
            return types.typed([], as: element) ?? [Any]()
        }
        try spend(elements: array.elements.count, at: array)
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
        if let element = elementHint {
            var converted: [Any] = []
            converted.reserveCapacity(elements.count)
            for (value, node) in zip(elements, array.elements) {
                guard let c = types.coerce(value, to: element) else {
                    throw StepError("cannot convert value of type '\(types.type(of: value))' to expected element type '\(element)'", at: node.expression)
                }
                converted.append(c)
            }
            if let typed = types.typed(converted, as: element) { return typed }
        }
        guard let typed = types.typedArray(elements) else {
            let names = Set(elements.map { types.type(of: $0).description }).sorted().joined(separator: ", ")
            throw StepError("heterogeneous collection literal could only be inferred to '[Any]' (elements of types \(names))", at: array)
        }
        return typed
    }
}
