import SwiftSyntax

extension Interpreter {
    /// `a op b`: Swift's own operators, then those a binding registered for its types. Operators
    /// that copy (array and string `+`) are charged for what they copy.
    func binaryOperator(_ op: String, _ a: Any, _ b: Any, at node: some SyntaxProtocol) throws -> Any {
        if a is StepOptional || b is StepOptional || op == "??" { return try optionalOperator(op, a, b, at: node) }
        if op == "+" {
            if let x = a as? AnyArray, let y = b as? AnyArray {
                try spend(elements: x.elementCount + y.elementCount, at: node)
            } else if let x = a as? String, let y = b as? String {
                try spend(bytes: x.utf8.count + y.utf8.count, at: node)
            }
        }
        if op == "+", var joined = a as? any AnyArray, b is AnyArray {
            // Arrays of one static type join at native speed (no trip through `[Any]`).
            let type = types.type(of: a)
            if !type.isIncomplete, type == types.type(of: b), joined.appendAnyElements(of: b) { return joined }
        }
        if let result = try Operators.binary(op, a, b, types: types, at: node) { return result }
        if let apply = library.operators[OperatorKey(op: op, left: types.type(of: a), right: types.type(of: b))] {
            do { return try apply(a, b) } catch let error as StepFailure { throw StepError(error.description, at: node) }
        }
        throw StepError("binary operator '\(op)' cannot be applied to operands of type '\(types.type(of: a))' and '\(types.type(of: b))'", at: node)
    }

    /// `??`, `==` and `!=` take optionals as Swift does; any other operator needs them unwrapped.
    private func optionalOperator(_ op: String, _ a: Any, _ b: Any, at node: some SyntaxProtocol) throws -> Any {
        let left = a as? StepOptional, right = b as? StepOptional
        let mismatch = StepError("binary operator '\(op)' cannot be applied to operands of type '\(types.type(of: a))' and '\(types.type(of: b))'", at: node)
        switch op {
        case "??":
            guard let left else { return a }
            if let right {
                guard right.wrapped == left.wrapped else { throw mismatch }
                return left.value == nil ? right : left
            }
            guard let fallback = types.coerce(b, to: left.wrapped) else { throw mismatch }
            return left.value ?? fallback
        case "==", "!=":
            guard (left?.wrapped ?? types.type(of: a)) == (right?.wrapped ?? types.type(of: b)) else { throw mismatch }
            let x: Any? = left.map { $0.value } ?? a, y: Any? = right.map { $0.value } ?? b
            guard let x, let y else { return (x == nil && y == nil) == (op == "==") }
            return try binaryOperator(op, x, y, at: node)
        default:
            let optional = left ?? right ?? StepOptional(nil, .any)
            throw StepError(optional.mustBeUnwrapped, at: node)
        }
    }

    /// `op a`: Swift's own prefix operators, then a binding's.
    func prefixOperator(_ op: String, _ a: Any, at node: some SyntaxProtocol) throws -> Any {
        if let optional = a as? StepOptional { throw StepError(optional.mustBeUnwrapped, at: node) }
        if let result = try Operators.prefix(op, a, at: node) { return result }
        if let apply = library.operators[OperatorKey(op: op, left: types.type(of: a), right: nil)] {
            do { return try apply(a, nil) } catch let error as StepFailure { throw StepError(error.description, at: node) }
        }
        throw StepError("unary operator '\(op)' cannot be applied to an operand of type '\(types.type(of: a))'", at: node)
    }
}

/// Swift's operators over the standard values steps use, as strictly typed as Swift: Int with Int,
/// Double with Double (a literal beside a Double is already a Double, see LiteralKind),
/// comparisons, Bool logic, ranges, array and string concatenation.
enum Operators {
    /// The operators whose literal operands take the other operand's type.
    static let arithmetic: Set<String> = ["+", "-", "*", "/", "%"]

    /// The result, or nil when these operands are not Swift basics this operator takes.
    static func binary(_ op: String, _ a: Any, _ b: Any, types: TypeSystem, at node: some SyntaxProtocol) throws -> Any? {
        switch (a, b) {
        case let (x as Int, y as Int): return try ints(op, x, y, at: node)
        case let (x as Double, y as Double): return try doubles(op, x, y, at: node)
        case let (x as Bool, y as Bool):
            switch op {
            case "==": return x == y
            case "!=": return x != y
            default: break
            }
        case let (x as [Any], y as [Any]) where op == "+":
            // Array concatenation (`xs += [v]` appends), between arrays of one element type; an
            // array built from `Any` takes the other's type.
            let tx = types.type(of: a), ty = types.type(of: b)
            if tx == ty || tx.isIncomplete || ty.isIncomplete,
               let joined = types.typedArray(x + y, element: (tx.isIncomplete ? ty : tx).element) {
                return joined
            }
        case let (x as String, y as String):
            if op == "+" { return x + y }
            if ["==", "!=", "<", "<=", ">", ">="].contains(op) { return try compare(op, x, y, at: node) }
        default: break
        }
        return nil
    }

    private static func ints(_ op: String, _ x: Int, _ y: Int, at node: some SyntaxProtocol) throws -> Any {
        switch op {
        case "+", "-", "*":
            let (result, overflow) = op == "+" ? x.addingReportingOverflow(y) : op == "-" ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
            if overflow { throw StepError("arithmetic operation '\(x) \(op) \(y)' overflows Int", at: node) }
            return result
        case "/", "%":
            if y == 0 { throw StepError("division by zero", at: node) }
            let (result, overflow) = op == "/" ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
            if overflow { throw StepError("arithmetic operation '\(x) \(op) \(y)' overflows Int", at: node) }
            return result
        case "..<":
            if y < x { throw StepError("range requires lowerBound <= upperBound", at: node) }
            return IntRange(lower: x, upper: y, closed: false)
        case "...":
            if y < x { throw StepError("range requires lowerBound <= upperBound", at: node) }
            if y == .max { throw StepError("a closed range cannot end at Int.max in steps", at: node) }
            return IntRange(lower: x, upper: y, closed: true)
        default: return try compare(op, x, y, at: node)
        }
    }

    private static func doubles(_ op: String, _ x: Double, _ y: Double, at node: some SyntaxProtocol) throws -> Any {
        switch op {
        case "+": return x + y
        case "-": return x - y
        case "*": return x * y
        case "/": return x / y
        case "%": throw StepError("'%' is unavailable for Double: use truncatingRemainder(dividingBy:)", at: node)
        default: return try compare(op, x, y, at: node)
        }
    }

    private static func compare<T: Comparable>(_ op: String, _ x: T, _ y: T, at node: some SyntaxProtocol) throws -> Any {
        switch op {
        case "==": return x == y
        case "!=": return x != y
        case "<": return x < y
        case "<=": return x <= y
        case ">": return x > y
        case ">=": return x >= y
        default: throw StepError("operator '\(op)' is not supported in steps", at: node)
        }
    }

    /// The result, or nil when `a` is not a Swift basic this operator takes.
    static func prefix(_ op: String, _ a: Any, at node: some SyntaxProtocol) throws -> Any? {
        switch (op, a) {
        case ("-", let x as Int):
            guard x != .min else { throw StepError("arithmetic operation '-\(x)' overflows Int", at: node) }
            return -x
        case ("-", let x as Double): return -x
        case ("!", let x as Bool): return !x
        default: return nil
        }
    }
}
