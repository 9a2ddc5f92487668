import MicroGPT

/// How the interpreter names and checks the Swift types of values. Conversions are as strict as
/// Swift's: an Int never becomes a Double by itself; only a literal does, by its context (see
/// `Interpreter+Literals.swift`).
enum Types {
    /// The Swift spelling of `value`'s type, as messages and signatures show it.
    static func name(of value: Any?) -> String {
        guard let value else { return "Void" }
        switch value {
        case is Int: return "Int"
        case is Double: return "Double"
        case is String: return "String"
        case is Bool: return "Bool"
        case is [Double]: return "[Double]"
        case is [Int]: return "[Int]"
        case is [String]: return "[String]"
        case is [Bool]: return "[Bool]"
        case is [[Double]]: return "[[Double]]"
        case is [[Int]]: return "[[Int]]"
        case is [Value]: return "[Value]"
        case let closure as Closure: return closure.typeName
        case is Interpreter.EmptyArrayLiteral: return "[_]"
        case let pair as Enumerated: return "(offset: Int, element: \(name(of: pair.element)))"
        case let range as IntRange: return range.closed ? "ClosedRange<Int>" : "Range<Int>"
        case let array as [Any]: return array.isEmpty ? "[Any]" : "[\(name(of: array[0]))]"
        default:
            let full = String(describing: type(of: value))
            if full.hasPrefix("Variants<") { return "Variants" }
            return full
        }
    }

    /// The element type of an array type name (`[Double]` -> `Double`), nil for other names.
    static func element(of type: String) -> String? {
        guard type.hasPrefix("["), type.hasSuffix("]") else { return nil }
        return String(type.dropFirst().dropLast())
    }

    /// `value` as the Swift type named `type`, nil when it is not one. Arrays of `Any` whose
    /// elements all have the element type become typed arrays; numbers are never widened.
    static func coerce(_ value: Any, to type: String) -> Any? {
        switch type {
        case "Any": return value
        case "Double": return value is Int ? nil : value as? Double
        case "Int": return value as? Int
        case "String": return value as? String
        case "Bool": return value as? Bool
        case "ClosedRange<Int>":
            guard let r = value as? IntRange, r.closed else { return nil }
            return r.lower...r.upper
        default:
            if type.hasPrefix("(") { return value as? Closure }
            if let element = element(of: type), let array = value as? [Any] {
                if name(of: value) == type { return value }
                var converted: [Any] = []
                for item in array {
                    guard let c = coerce(item, to: element) else { return nil }
                    converted.append(c)
                }
                return typed(converted, as: element) ?? (array.isEmpty ? nil : converted)
            }
            return name(of: value) == type ? value : nil
        }
    }

    /// An array of interpreter values as the Swift array the compiled code would have, so it prints,
    /// converts and dispatches like that array; nil when the elements have different types
    /// (Swift rejects such a literal).
    static func typedArray(_ values: [Any]) -> Any? {
        guard let first = values.first else { return [Any]() }
        let element = name(of: first)
        guard values.allSatisfy({ name(of: $0) == element }) else { return nil }
        return typed(values, as: element) ?? values
    }

    /// `values` as `[element]` for the element types the engine takes; nil for other types.
    static func typed(_ values: [Any], as element: String) -> Any? {
        switch element {
        case "Int": return values.compactMap { $0 as? Int }
        case "Double": return values.compactMap { $0 as? Double }
        case "String": return values.compactMap { $0 as? String }
        case "Bool": return values.compactMap { $0 as? Bool }
        case "[Double]": return values.compactMap { $0 as? [Double] }
        case "[Int]": return values.compactMap { $0 as? [Int] }
        case "Value": return values.compactMap { $0 as? Value }
        default: return nil
        }
    }
}

/// `a..<b` or `a...b` over Int.
struct IntRange: CustomStringConvertible {
    let lower: Int
    let upper: Int
    let closed: Bool
    var values: StrideThrough<Int> { stride(from: lower, through: closed ? upper : upper - 1, by: 1) }
    /// How many Ints it holds (Int.max when that does not fit in an Int).
    var count: Int {
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        if overflow { return .max }
        return closed ? (span == .max ? .max : span + 1) : max(0, span)
    }
    /// As Swift prints ranges: `0..<3`, `1...5`.
    var description: String { closed ? "\(lower)...\(upper)" : "\(lower)..<\(upper)" }
}
