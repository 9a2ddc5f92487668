import Foundation
import MicroGPT
import SwiftSyntax

/// Swift's operators over the values steps use, as strictly typed as Swift: Int with Int,
/// Double with Double (a literal beside a Double is already a Double, see LiteralKind),
/// comparisons, Bool logic, ranges, and the autograd `Value` with Values or Doubles.
enum Operators {
    /// The operators whose literal operands take the other operand's type.
    static let arithmetic: Set<String> = ["+", "-", "*", "/", "%"]

    static func binary(_ op: String, _ a: Any, _ b: Any, at node: some SyntaxProtocol) throws -> Any {
        switch (a, b) {
        case let (x as Int, y as Int): return try ints(op, x, y, at: node)
        case let (x as Double, y as Double): return try doubles(op, x, y, at: node)
        case let (x as Value, y as Value):
            guard x.graph === y.graph else {
                throw StepError("these two values live on different graphs and cannot be combined", at: node)
            }
            return try autograd(op, "two Values", at: node, { x + y }, { x - y }, { x * y }, { x / y })
        case let (x as Value, y as Double):
            return try autograd(op, "a Value and a Double", at: node, { x + y }, { x - y }, { x * y }, { x / y })
        case let (x as Double, y as Value):
            return try autograd(op, "a Double and a Value", at: node, { x + y }, { x - y }, { x * y }, { x / y })
        case let (x as Bool, y as Bool):
            switch op {
            case "==": return x == y
            case "!=": return x != y
            default: break
            }
        case let (x as [Any], y as [Any]) where op == "+":
            // Array concatenation (`xs += [v]` appends), between arrays of one element type.
            if x.isEmpty || y.isEmpty || Types.name(of: a) == Types.name(of: b), let joined = Types.typedArray(x + y) {
                return joined
            }
        case let (x as String, y as String):
            if op == "+" { return x + y }
            if ["==", "!=", "<", "<=", ">", ">="].contains(op) { return try compare(op, x, y, at: node) }
        default: break
        }
        throw StepError("binary operator '\(op)' cannot be applied to operands of type '\(Types.name(of: a))' and '\(Types.name(of: b))'", at: node)
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

    /// `+ - * /` where a Value meets a Value or a Double (in either order): `what` names the pair.
    private static func autograd(_ op: String, _ what: String, at node: some SyntaxProtocol,
                                 _ add: () -> Value, _ subtract: () -> Value,
                                 _ multiply: () -> Value, _ divide: () -> Value) throws -> Any {
        switch op {
        case "+": return add()
        case "-": return subtract()
        case "*": return multiply()
        case "/": return divide()
        default: throw StepError("operator '\(op)' cannot be applied to \(what)", at: node)
        }
    }

    static func prefix(_ op: String, _ a: Any, at node: some SyntaxProtocol) throws -> Any {
        switch (op, a) {
        case ("-", let x as Int):
            guard x != .min else { throw StepError("arithmetic operation '-\(x)' overflows Int", at: node) }
            return -x
        case ("-", let x as Double): return -x
        case ("-", let x as Value): return -x
        case ("!", let x as Bool): return !x
        default: throw StepError("unary operator '\(op)' cannot be applied to an operand of type '\(Types.name(of: a))'", at: node)
        }
    }
}
