import Foundation
import SwiftSyntax

extension Interpreter {
    /// The value of an expression; nil for a call that returns Void.
    func evaluate(_ expression: ExprSyntax) throws -> Any? {
        try tick()
        if let literal = expression.as(IntegerLiteralExprSyntax.self) {
            guard let value = Int(literal.literal.text.replacingOccurrences(of: "_", with: "")) else {
                throw StepError("integer literal '\(literal.literal.text)' overflows Int", at: literal)
            }
            return value
        }
        if let literal = expression.as(FloatLiteralExprSyntax.self) {
            guard let value = Double(literal.literal.text.replacingOccurrences(of: "_", with: "")) else {
                throw StepError("'\(literal.literal.text)' is not a number steps can read", at: literal)
            }
            return value
        }
        if let literal = expression.as(BooleanLiteralExprSyntax.self) { return literal.literal.tokenKind == .keyword(.true) }
        if let literal = expression.as(StringLiteralExprSyntax.self) { return try string(literal) }
        if let array = expression.as(ArrayExprSyntax.self) {
            return Types.typedArray(try array.elements.map { try required($0.expression) })
        }
        if let reference = expression.as(DeclReferenceExprSyntax.self) { return try name(reference) }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return try evaluate(only.expression)
        }
        if let attempt = expression.as(TryExprSyntax.self) {
            if attempt.questionOrExclamationMark != nil {
                throw StepError("'try?' and 'try!' are not supported in steps; use 'try'", at: attempt)
            }
            tryDepth += 1
            defer { tryDepth -= 1 }
            return try evaluate(attempt.expression)
        }
        if let prefix = expression.as(PrefixOperatorExprSyntax.self) {
            return try Operators.prefix(prefix.operator.text, try required(prefix.expression), at: prefix)
        }
        if let infix = expression.as(InfixOperatorExprSyntax.self) {
            guard let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else {
                throw StepError("this operator is not supported here", at: infix.operator)
            }
            let left = try required(infix.leftOperand)
            if op == "&&", left as? Bool == false { return false }
            if op == "||", left as? Bool == true { return true }
            return try Operators.binary(op, left, try required(infix.rightOperand), at: infix.operator)
        }
        if let ternary = expression.as(TernaryExprSyntax.self) {
            guard let condition = try evaluate(ternary.condition) as? Bool else {
                throw StepError("a condition must be a Bool", at: ternary.condition)
            }
            return try evaluate(condition ? ternary.thenExpression : ternary.elseExpression)
        }
        if let closure = expression.as(ClosureExprSyntax.self) { return try makeClosure(closure) }
        if let call = expression.as(FunctionCallExprSyntax.self) { return try self.call(call) }
        if let member = expression.as(MemberAccessExprSyntax.self) { return try property(member) }
        if let subscriptCall = expression.as(SubscriptCallExprSyntax.self) { return try index(subscriptCall) }
        throw StepError("this kind of expression is not supported in steps", at: expression)
    }

    /// The value of an expression that must have one.
    func required(_ expression: ExprSyntax) throws -> Any {
        guard let value = try evaluate(expression) else {
            throw StepError("this expression has no value (it returns Void)", at: expression)
        }
        return value
    }

    private func string(_ literal: StringLiteralExprSyntax) throws -> String {
        var text = ""
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let part): text += part.content.text
            case .expressionSegment(let part):
                guard part.expressions.count == 1, let only = part.expressions.first, only.label == nil else {
                    throw StepError("only plain interpolations like \\(x) are supported in steps", at: part)
                }
                text += String(describing: try required(only.expression))
            }
        }
        return text
    }

    private func name(_ reference: DeclReferenceExprSyntax) throws -> Any {
        let name = reference.baseName.text
        if let binding = lookup(name) { return binding.value }
        if case .binaryOperator = reference.baseName.tokenKind {
            return Closure(parameterCount: 2) { args in try Operators.binary(name, args[0], args[1], at: reference) }
        }
        var message = "cannot find '\(name)' in scope"
        if let near = Suggestions.closest(to: name, among: scopes.flatMap(\.keys) + library.names) {
            message += "; did you mean '\(near)'?"
        }
        throw StepError(message, at: reference)
    }

    private func makeClosure(_ closure: ClosureExprSyntax) throws -> Closure {
        var names: [String] = []
        if let signature = closure.signature {
            switch signature.parameterClause {
            case .simpleInput(let list): names = list.map(\.name.text)
            case .parameterClause(let clause): names = clause.parameters.map { ($0.secondName ?? $0.firstName).text }
            case nil: break
            }
        }
        guard closure.statements.count == 1, let body = closure.statements.first, case .expr(let expression) = body.item else {
            throw StepError("only single-expression closures are supported in steps", at: closure)
        }
        let captured = scopes
        let count = names.isEmpty ? 1 : names.count
        return Closure(parameterCount: count) { [unowned self] args in
            let saved = self.scopes
            self.scopes = captured + [[:]]
            defer { self.scopes = saved }
            if names.isEmpty {
                for (i, arg) in args.enumerated() { self.scopes[self.scopes.count - 1]["$\(i)"] = Binding(value: arg, mutable: false) }
            } else {
                for (name, arg) in zip(names, args) { self.scopes[self.scopes.count - 1][name] = Binding(value: arg, mutable: false) }
            }
            return try self.evaluate(expression)
        }
    }

    private func index(_ subscriptCall: SubscriptCallExprSyntax) throws -> Any {
        let base = try required(subscriptCall.calledExpression)
        guard subscriptCall.arguments.count == 1, let argument = subscriptCall.arguments.first else {
            throw StepError("a subscript takes one index", at: subscriptCall)
        }
        guard let array = base as? [Any] else {
            throw StepError("value of type '\(Types.name(of: base))' has no subscripts", at: subscriptCall.calledExpression)
        }
        let position = try required(argument.expression)
        if let i = position as? Int {
            guard array.indices.contains(i) else {
                throw StepError("index \(i) is out of range: the array has \(array.count) elements", at: argument)
            }
            return array[i]
        }
        if let range = position as? IntRange {
            let end = range.closed ? range.upper + 1 : range.upper
            guard range.lower >= 0, end <= array.count else {
                throw StepError("range \(range.lower)..<\(end) is out of bounds: the array has \(array.count) elements", at: argument)
            }
            return Types.typedArray(Array(array[range.lower..<end]))
        }
        throw StepError("an index must be an Int or a range", at: argument)
    }
}

/// "Did you mean" for unknown names: the closest known name by edit distance.
enum Suggestions {
    static func closest(to name: String, among candidates: [String]) -> String? {
        let scored = Set(candidates).map { ($0, distance(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(1, name.count / 3) ? best.0 : nil
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
