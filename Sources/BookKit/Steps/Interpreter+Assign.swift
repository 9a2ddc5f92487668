import SwiftSyntax

/// Assignments: `x = e`, `x += e`, `xs[i] = e`, `m[i][j] += e`; the new value is typed by the old
/// one. An element set or an array appended to is changed in place when only its variable holds
/// it, as compiled Swift does, so that a loop over an array's elements stays linear.
extension Interpreter {
    func assign(_ infix: InfixOperatorExprSyntax) throws {
        var indices: [(value: Int, node: ExprSyntax)] = []
        var target = infix.leftOperand
        while let element = target.as(SubscriptCallExprSyntax.self) {
            guard element.arguments.count == 1, let argument = element.arguments.first,
                  let i = try evaluate(argument.expression, as: .int) as? Int else {
                throw StepError("an assigned element needs one Int index", at: element)
            }
            indices.insert((i, argument.expression), at: 0)
            target = element.calledExpression
        }
        guard let reference = target.as(DeclReferenceExprSyntax.self) else {
            throw StepError(Unsupported.describe(infix.leftOperand), at: infix.leftOperand, id: .unsupported)
        }
        let name = reference.baseName.text
        let type = try targetType(name, at: reference, indices[...])
        var value = try required(infix.rightOperand, as: type)
        let binary = infix.operator.as(BinaryOperatorExprSyntax.self)
        let op = binary.map { String($0.operator.text.dropLast()) }
        if indices.isEmpty, op == "+", let added = value as? AnyArray, type.element != nil, !type.isIncomplete, types.type(of: value) == type {
            try spend(elements: added.elementCount, at: binary)
            if try update(name, { array in array.appendAnyElements(of: value) }) { return }
        }
        if let binary, let op {
            guard let old = lookup(name).map({ $0.value }) else { return }
            value = try binaryOperator(op, try element(of: old, at: indices[...]), value, at: binary)
        }
        guard let converted = types.coerce(value, to: type) else {
            throw StepError("cannot assign value of type '\(types.type(of: value))' to type '\(type)'", at: infix.rightOperand)
        }
        if indices.count == 1, let index = indices.first?.value,
           try update(name, { array in array.setAnyElement(converted, at: index) }) {
            return
        }
        guard let binding = lookup(name) else { return }
        if !indices.isEmpty, let array = binding.value as? AnyArray { try spend(elements: array.elementCount, at: infix) }
        let updated = try replacing(in: binding.value, at: indices[...], with: converted)
        for i in scopes.indices.reversed() where scopes[i][name] != nil {
            scopes[i][name]?.value = updated
            return
        }
    }

    /// The type of the assigned variable or element (which must exist and be a `var`). A function
    /// of its own, so that no reference to the old value outlives it and keeps an in-place change
    /// from happening.
    private func targetType(_ name: String, at reference: DeclReferenceExprSyntax,
                            _ indices: ArraySlice<(value: Int, node: ExprSyntax)>) throws -> StepType {
        guard let binding = lookup(name) else { throw StepError("cannot find '\(name)' in scope", at: reference) }
        guard binding.mutable else {
            throw StepError("cannot assign to value: '\(name)' is a 'let' constant", at: reference)
        }
        return types.type(of: try element(of: binding.value, at: indices))
    }

    /// Changes the array in variable `name` in place: it is taken out of the variable first, so
    /// that no other reference forces a copy. False (and the variable unchanged) when `change`
    /// refuses the value.
    private func update(_ name: String, _ change: (inout any AnyArray) -> Bool) throws -> Bool {
        guard let scope = scopes.indices.last(where: { scopes[$0][name] != nil }),
              var taken = scopes[scope][name]?.value else { return false }
        scopes[scope][name]?.value = ()
        guard var array = taken as? any AnyArray else {
            scopes[scope][name]?.value = taken
            return false
        }
        taken = ()
        let changed = change(&array)
        scopes[scope][name]?.value = array
        return changed
    }

    private func element(of container: Any, at indices: ArraySlice<(value: Int, node: ExprSyntax)>) throws -> Any {
        guard let first = indices.first else { return container }
        guard let array = container as? AnyArray else {
            throw StepError("value of type '\(types.type(of: container))' has no subscripts", at: first.node)
        }
        guard (0..<array.elementCount).contains(first.value) else {
            throw StepError("index \(first.value) is out of range: the array has \(array.elementCount) elements", at: first.node)
        }
        return try element(of: array.anyElement(at: first.value), at: indices.dropFirst())
    }

    private func replacing(in container: Any, at indices: ArraySlice<(value: Int, node: ExprSyntax)>, with value: Any) throws -> Any {
        guard let first = indices.first, var array = container as? [Any] else { return value }
        array[first.value] = try replacing(in: array[first.value], at: indices.dropFirst(), with: value)
        return types.coerce(array, to: types.type(of: container)) ?? array
    }
}
