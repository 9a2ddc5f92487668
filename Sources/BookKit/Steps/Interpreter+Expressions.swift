import Foundation
import SwiftSyntax

extension Interpreter {
    /// The value of an expression; nil for a call that returns Void. `hint` is the type the
    /// context expects (an annotation, a parameter), which types the literals in it as Swift does.
    func evaluate(_ expression: ExprSyntax, as hint: StepType? = nil) throws -> Any? {
        switch expression.as(ExprSyntaxEnum.self) {
        case .integerLiteralExpr(let literal): return try integer(literal, as: hint)
        case .floatLiteralExpr(let literal):
            guard let value = Double(literal.literal.text.replacingOccurrences(of: "_", with: "")) else {
                throw StepError("'\(literal.literal.text)' is not a number steps can read", at: literal)
            }
            return value
        case .booleanLiteralExpr(let literal): return literal.literal.tokenKind == .keyword(.true)
        case .stringLiteralExpr(let literal): return try string(literal)
        case .arrayExpr(let array): return try arrayLiteral(array, hint: hint)
        case .declReferenceExpr(let reference): return try name(reference)
        case .tupleExpr(let tuple) where tuple.elements.count == 1 && tuple.elements.first?.label == nil:
            guard let only = tuple.elements.first else { break }
            return try evaluate(only.expression, as: hint)
        case .tryExpr(let attempt):
            tryDepth += 1
            defer { tryDepth -= 1 }
            return try evaluate(attempt.expression, as: hint)
        case .prefixOperatorExpr(let prefix):
            let op = prefix.operator.text
            if op == "-", let literal = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                return try integer(literal, negated: true, as: hint)
            }
            return try prefixOperator(op, try required(prefix.expression, as: op == "-" ? hint : nil), at: prefix)
        case .infixOperatorExpr(let infix): return try binary(infix, hint: hint)
        case .ternaryExpr(let ternary):
            guard let condition = try self.condition(ternary.condition) else {
                throw StepError("a condition must be a Bool", at: ternary.condition)
            }
            return try evaluate(condition ? ternary.thenExpression : ternary.elseExpression, as: hint)
        case .closureExpr(let closure): return try makeClosure(closure)
        case .functionCallExpr(let call): return try self.call(call, hint: hint)
        case .memberAccessExpr(let member): return try property(member)
        case .subscriptCallExpr(let subscriptCall): return try index(subscriptCall)
        default: break
        }
        throw StepError(Unsupported.describe(expression), at: expression, id: .unsupported)
    }

    /// The value of an expression that must have one.
    func required(_ expression: ExprSyntax, as hint: StepType? = nil) throws -> Any {
        guard let value = try evaluate(expression, as: hint) else {
            throw StepError("this expression has no value (it returns Void)", at: expression)
        }
        return value
    }

    /// An integer literal in any of Swift's forms (`42`, `1_000`, `0x2A`, `0b101010`, `0o52`).
    private func integer(_ literal: IntegerLiteralExprSyntax, negated: Bool = false, as hint: StepType?) throws -> Any {
        var digits = Substring(literal.literal.text.replacingOccurrences(of: "_", with: ""))
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0b", 2), ("0o", 8)] where digits.hasPrefix(prefix) {
            digits = digits.dropFirst(2)
            radix = base
        }
        let signed = (negated ? "-" : "") + digits
        if hint == .double {
            // Swift converts the literal itself, exactly, as a Double (no trip through Int).
            if radix == 10, let value = Double(signed) { return value }
            if radix != 10, let value = Int(signed, radix: radix) { return Double(value) }
        }
        guard let value = Int(signed, radix: radix) else {
            let written = (negated ? "-" : "") + literal.literal.text
            throw StepError("integer literal '\(written)' overflows when stored into '\(hint == .double ? "Double" : "Int")'", at: literal)
        }
        return value
    }

    private func binary(_ infix: InfixOperatorExprSyntax, hint: StepType?) throws -> Any {
        guard let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else {
            throw StepError(Unsupported.describe(infix.operator), at: infix.operator)
        }
        if op == "&&" || op == "||" {
            guard let left = try evaluate(infix.leftOperand) as? Bool else {
                throw StepError("'\(op)' needs Bool operands", at: infix.leftOperand)
            }
            if op == "&&", !left { return false }
            if op == "||", left { return true }
            guard let right = try evaluate(infix.rightOperand) as? Bool else {
                throw StepError("'\(op)' needs Bool operands", at: infix.rightOperand)
            }
            return right
        }
        let (left, right) = try operands(infix, op: op, hint: hint)
        return try binaryOperator(op, left, right, at: infix.operator)
    }

    private func string(_ literal: StringLiteralExprSyntax) throws -> String {
        var text = ""
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let part): text += try unescaped(part.content.text, at: part)
            case .expressionSegment(let part):
                guard let only = part.expressions.first else { throw StepError(Unsupported.describe(part), at: part, id: .unsupported) }
                let piece = try describe(try required(only.expression), at: part)
                try spend(bytes: text.utf8.count + piece.utf8.count, at: part)
                text += piece
            }
        }
        return text
    }

    /// The characters a string segment stands for: `\n`, `\t`, `\"`, `\u{41}` ... decoded.
    private func unescaped(_ source: String, at node: some SyntaxProtocol) throws -> String {
        guard source.contains("\\") else { return source }
        var out = ""
        var rest = Substring(source)
        while let slash = rest.firstIndex(of: "\\") {
            out += rest[..<slash]
            rest = rest[rest.index(after: slash)...]
            guard let code = rest.first else { break }
            rest = rest.dropFirst()
            switch code {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "0": out += "\0"
            case "\\", "\"", "'": out.append(code)
            case "u":
                guard rest.first == "{", let close = rest.firstIndex(of: "}"),
                      let scalar = UInt32(rest[rest.index(after: rest.startIndex)..<close], radix: 16).flatMap(Unicode.Scalar.init) else {
                    throw StepError("invalid unicode escape in string literal", at: node)
                }
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: close)...]
            default: throw StepError("invalid escape sequence '\\\(code)' in string literal", at: node)
            }
        }
        return out + rest
    }

    private func name(_ reference: DeclReferenceExprSyntax) throws -> Any {
        let name = reference.baseName.text
        if let binding = lookup(name) { return binding.value }
        if case .binaryOperator = reference.baseName.tokenKind {
            return Closure(parameterTypes: [.inferred, .inferred], resultType: .inferred, types: types) { [unowned self] args, _ in
                guard args.count == 2 else { throw StepError("'\(name)' takes two operands", at: reference) }
                return try self.binaryOperator(name, args[0], args[1], at: reference)
            }
        }
        if library.functions[name] != nil {
            throw StepError("'\(name)' can only be called in steps; its other uses (like '\(name).member') are not supported", at: reference)
        }
        var message = "cannot find '\(name)' in scope"
        if let near = Suggestions.closest(to: name, among: scopes.flatMap(\.keys) + library.names) {
            message += "; did you mean '\(near)'?"
        }
        throw StepError(message, at: reference)
    }

    private func makeClosure(_ closure: ClosureExprSyntax) throws -> Closure {
        var names: [String] = []
        var parameterTypes: [StepType] = []
        var resultType = StepType.inferred
        if let signature = closure.signature {
            resultType = signature.returnClause.map { StepType($0.type) } ?? .inferred
            switch signature.parameterClause {
            case .simpleInput(let list):
                names = list.map(\.name.text)
                parameterTypes = names.map { _ in .inferred }
            case .parameterClause(let clause):
                names = clause.parameters.map { ($0.secondName ?? $0.firstName).text }
                parameterTypes = clause.parameters.map { $0.type.map(StepType.init) ?? .inferred }
            case nil: break
            }
        }
        guard let body = closure.statements.first, case .expr(let expression) = body.item else {
            throw StepError(Unsupported.describe(closure), at: closure, id: .unsupported)
        }
        let captured = scopes
        let anonymous = names.isEmpty
        let declaredResult: StepType? = resultType == .inferred ? nil : resultType
        return Closure(parameterTypes: anonymous ? [.inferred] : parameterTypes, resultType: resultType, types: types) { [unowned self] args, hint in
            try self.tick()
            self.closureDepth += 1
            defer { self.closureDepth -= 1 }
            if self.closureDepth > StepLimits.closureCalls {
                throw StepError("closures call each other too deeply: steps allow at most \(StepLimits.closureCalls) calls inside each other", at: closure, id: .tooDeep)
            }
            let saved = self.scopes
            self.scopes = captured + [[:]]
            defer { self.scopes = saved }
            if anonymous {
                for (i, arg) in args.enumerated() { self.scopes[self.scopes.count - 1]["$\(i)"] = Binding(value: arg, mutable: false) }
            } else {
                guard args.count == names.count else {
                    throw StepError("this closure takes \(names.count) arguments, got \(args.count)", at: closure)
                }
                for (i, (name, arg)) in zip(names, args).enumerated() {
                    let type = parameterTypes[i]
                    if type != .inferred, self.types.coerce(arg, to: type) == nil {
                        throw StepError("cannot convert value of type '\(self.types.type(of: arg))' to expected argument type '\(type)'", at: closure)
                    }
                    self.scopes[self.scopes.count - 1][name] = Binding(value: arg, mutable: false)
                }
            }
            return try self.evaluate(expression, as: declaredResult ?? hint)
        }
    }

    private func index(_ subscriptCall: SubscriptCallExprSyntax) throws -> Any {
        let base = try required(subscriptCall.calledExpression)
        guard subscriptCall.arguments.count == 1, let argument = subscriptCall.arguments.first else {
            throw StepError("a subscript takes one index", at: subscriptCall)
        }
        if let optional = base as? StepOptional { throw StepError(optional.mustBeUnwrapped, at: subscriptCall.calledExpression) }
        guard let array = base as? AnyArray else {
            throw StepError("value of type '\(types.type(of: base))' has no subscripts", at: subscriptCall.calledExpression)
        }
        let position = try required(argument.expression)
        if let i = position as? Int {
            guard (0..<array.elementCount).contains(i) else {
                throw StepError("index \(i) is out of range: the array has \(array.elementCount) elements", at: argument)
            }
            return array.anyElement(at: i)
        }
        if let range = position as? IntRange {
            let end = range.closed ? range.upper + 1 : range.upper
            guard range.lower >= 0, end <= array.elementCount else {
                throw StepError("range \(range.lower)..<\(end) is out of bounds: the array has \(array.elementCount) elements", at: argument)
            }
            try spend(elements: end - range.lower, at: argument)
            return array.anyElements(in: range.lower..<end)
        }
        throw StepError("an index must be an Int or a range", at: argument)
    }
}

/// "Did you mean" for unknown names: the closest known name by edit distance (a swap of two
/// neighbouring letters counts as one edit), ignoring case first, then counting it.
enum Suggestions {
    static func closest(to name: String, among candidates: [String]) -> String? {
        // A name too long to be a typo of a short one is not compared (the distance is quadratic).
        let limit = max(1, name.count / 3)
        guard name.count <= 64 else { return nil }
        let near = Set(candidates).filter { abs($0.count - name.count) <= limit }
        let scored = near.map { ($0, distance(name.lowercased(), $0.lowercased()), distance(name, $0)) }
        guard let best = scored.min(by: { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }) else { return nil }
        return best.1 <= limit ? best.0 : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
