import Foundation
import SwiftSyntax

extension Library {
    /// The Swift standard library steps use: conversions, abs, max/min, exp, log, sqrt, pow, and
    /// the properties of strings, ranges and numbers.
    func registerStdlib() {
        properties(String.self, ["count": \.count, "isEmpty": \.isEmpty])
        properties(Double.self, ["ulp": \.ulp, "magnitude": \.magnitude])
        for range in [StepType.named("Range", [.int]), .named("ClosedRange", [.int])] {
            properties(IntRange.self, as: range, ["count": \.count, "lowerBound": \.lower, "upperBound": \.upper])
        }
        function("func Double(_ x: Int) -> Double") { a in Double(try a(0) as Int) }
        function("func Double(_ x: Double) -> Double") { a in try a(0) as Double }
        function("func Int(_ x: Int) -> Int") { a in try a(0) as Int }
        function("func Int(_ x: Double) -> Int") { a in
            let x: Double = try a(0)
            guard x.isFinite, abs(x) < 9.2e18 else { throw StepFailure("Double value cannot be converted to Int because it is either infinite, NaN or too large") }
            return Int(x)
        }
        function("func Array(_ xs: [Double]) -> [Double]") { a in try a(0) as [Double] }
        function("func Array(_ xs: [Int]) -> [Int]") { a in try a(0) as [Int] }
        function("func Array(_ xs: [String]) -> [String]") { a in try a(0) as [String] }
        function("func String(_ x: Int) -> String") { a in String(try a(0) as Int) }
        function("func String(describing value: Any) -> String") { a in
            let value: Any = try a(0)
            // The text of a long array is longer still: charged before it is made.
            if let array = value as? AnyArray {
                let (bytes, overflow) = array.elementCount.multipliedReportingOverflow(by: Interpreter.bytesPerDescribedElement)
                try a.allocate(bytes: overflow ? .max : bytes)
            }
            return String(describing: value)
        }
        function("func abs(_ x: Int) -> Int") { a in
            let x: Int = try a(0)
            guard x != .min else { throw StepFailure("abs(Int.min) overflows Int") }
            return abs(x)
        }
        function("func abs(_ x: Double) -> Double") { a in abs(try a(0) as Double) }
        function("func max(_ x: Int, _ y: Int) -> Int") { a in max(try a(0) as Int, try a(1) as Int) }
        function("func max(_ x: Double, _ y: Double) -> Double") { a in max(try a(0) as Double, try a(1) as Double) }
        function("func min(_ x: Int, _ y: Int) -> Int") { a in min(try a(0) as Int, try a(1) as Int) }
        function("func min(_ x: Double, _ y: Double) -> Double") { a in min(try a(0) as Double, try a(1) as Double) }
        function("func exp(_ x: Double) -> Double") { a in Foundation.exp(try a(0) as Double) }
        function("func log(_ x: Double) -> Double") { a in Foundation.log(try a(0) as Double) }
        function("func sqrt(_ x: Double) -> Double") { a in Foundation.sqrt(try a(0) as Double) }
        function("func pow(_ x: Double, _ y: Double) -> Double") { a in Foundation.pow(try a(0) as Double, try a(1) as Double) }
    }
}

extension Library {
    /// Foundation's `pow(_: Decimal, _: Int)` makes `pow(3.0, 2)` ambiguous for swiftc unless the
    /// context asks for a Double; steps have no Decimal, so the call is refused as swiftc does.
    static func foundationAmbiguity(_ name: String, _ call: FunctionCallExprSyntax, hint: StepType?) -> String? {
        guard name == "pow", hint != .double, call.arguments.count == 2, call.trailingClosure == nil,
              let first = call.arguments.first?.expression, let second = call.arguments.last?.expression else { return nil }
        func unsigned(_ expression: ExprSyntax) -> ExprSyntax {
            expression.as(PrefixOperatorExprSyntax.self).map { $0.operator.text == "-" ? $0.expression : expression } ?? expression
        }
        guard unsigned(first).is(FloatLiteralExprSyntax.self), unsigned(second).is(IntegerLiteralExprSyntax.self) else { return nil }
        return "ambiguous use of 'pow'"
    }
}
