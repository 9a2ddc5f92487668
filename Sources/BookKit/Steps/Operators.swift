import Foundation
import MicroGPT
import SwiftSyntax

/// Swift's operators over the values steps use: Int and Double arithmetic (an Int meeting a
/// Double becomes a Double, as a literal would), comparisons, Bool logic, ranges, and the
/// autograd `Value` with Doubles on either side.
enum Operators {
    static func binary(_ op: String, _ a: Any, _ b: Any, at node: some SyntaxProtocol) throws -> Any {
        switch (a, b) {
        case let (x as Int, y as Int): return try ints(op, x, y, at: node)
        case let (x as Value, y as Value):
            guard x.graph === y.graph else {
                throw StepError("these two values live on different graphs and cannot be combined", at: node)
            }
            return try autograd(op, "two Values", at: node, { x + y }, { x - y }, { x * y }, { x / y })
        case let (x as Value, y):
            if let d = Types.coerce(y, to: "Double") as? Double {
                return try autograd(op, "a Value and a Double", at: node, { x + d }, { x - d }, { x * d }, { x / d })
            }
        case let (x, y as Value):
            if let d = Types.coerce(x, to: "Double") as? Double {
                return try autograd(op, "a Double and a Value", at: node, { d + y }, { d - y }, { d * y }, { d / y })
            }
        case let (x as Bool, y as Bool):
            switch op {
            case "&&": return x && y
            case "||": return x || y
            case "==": return x == y
            case "!=": return x != y
            default: break
            }
        case let (x as String, y as String):
            switch op {
            case "+": return x + y
            case "==": return x == y
            case "!=": return x != y
            case "<": return x < y
            default: break
            }
        case let (x as [Any], y as [Any]) where op == "+":
            return Types.typedArray(x + y)
        default:
            if let x = Types.coerce(a, to: "Double") as? Double, let y = Types.coerce(b, to: "Double") as? Double {
                return try doubles(op, x, y, at: node)
            }
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
            return op == "/" ? x / y : x % y
        case "..<":
            if y < x { throw StepError("range requires lowerBound <= upperBound", at: node) }
            return IntRange(lower: x, upper: y, closed: false)
        case "...":
            if y < x { throw StepError("range requires lowerBound <= upperBound", at: node) }
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
        case ("-", let x as Int): return -x
        case ("-", let x as Double): return -x
        case ("-", let x as Value): return -x
        case ("!", let x as Bool): return !x
        default: throw StepError("unary operator '\(op)' cannot be applied to an operand of type '\(Types.name(of: a))'", at: node)
        }
    }
}
