import MicroGPT

/// How the interpreter names the type of a value in messages and signatures: as Swift writes it.
enum Types {
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
        case is [[Double]]: return "[[Double]]"
        case is [Value]: return "[Value]"
        case is Closure: return "closure"
        case is IntRange: return "Range<Int>"
        case let array as [Any]: return array.isEmpty ? "[Any]" : "[\(name(of: array[0]))]"
        default:
            let full = String(describing: type(of: value))
            if full.hasPrefix("Variants<") { return "Variants" }
            return full
        }
    }

    /// `value` as the Swift type named `type`, converting the way literals convert (Int to Double,
    /// arrays element by element); nil when it cannot be one.
    static func coerce(_ value: Any, to type: String) -> Any? {
        switch type {
        case "Double":
            if let d = value as? Double { return d }
            if let i = value as? Int { return Double(i) }
            return nil
        case "Int": return value as? Int
        case "String": return value as? String
        case "Bool": return value as? Bool
        case "[Double]":
            if let d = value as? [Double] { return d }
            return elements(value, "Double").map { $0.compactMap { $0 as? Double } }
        case "[Int]":
            if let i = value as? [Int] { return i }
            return elements(value, "Int").map { $0.compactMap { $0 as? Int } }
        case "[String]":
            if let s = value as? [String] { return s }
            return elements(value, "String").map { $0.compactMap { $0 as? String } }
        case "[[Double]]":
            if let m = value as? [[Double]] { return m }
            return elements(value, "[Double]").map { $0.compactMap { $0 as? [Double] } }
        case "[Value]":
            if let v = value as? [Value] { return v }
            return elements(value, "Value").map { $0.compactMap { $0 as? Value } }
        case "Any": return value
        case "ClosedRange<Int>":
            if let r = value as? IntRange, r.closed { return r.lower...r.upper }
            return nil
        default:
            if type.hasPrefix("(") { return value as? Closure }
            return name(of: value) == type ? value : nil
        }
    }

    private static func elements(_ value: Any, _ type: String) -> [Any]? {
        guard let array = value as? [Any] else { return nil }
        var out: [Any] = []
        out.reserveCapacity(array.count)
        for element in array {
            guard let converted = coerce(element, to: type) else { return nil }
            out.append(converted)
        }
        return out
    }

    /// An array of interpreter values with the most specific Swift element type, so it prints
    /// and converts as the compiled array would.
    static func typedArray(_ values: [Any]) -> Any {
        guard !values.isEmpty else { return [Double]() }
        if values.allSatisfy({ $0 is Int }) { return values.compactMap { $0 as? Int } }
        if values.allSatisfy({ $0 is Double || $0 is Int }) { return values.compactMap { coerce($0, to: "Double") as? Double } }
        if values.allSatisfy({ $0 is String }) { return values.compactMap { $0 as? String } }
        if values.allSatisfy({ $0 is Bool }) { return values.compactMap { $0 as? Bool } }
        if values.allSatisfy({ $0 is [Double] || $0 is [Int] }) { return values.compactMap { coerce($0, to: "[Double]") as? [Double] } }
        if values.allSatisfy({ $0 is Value }) { return values.compactMap { $0 as? Value } }
        return values
    }
}

/// `a..<b` or `a...b` over Int.
struct IntRange {
    let lower: Int
    let upper: Int
    let closed: Bool
    var values: StrideThrough<Int> { stride(from: lower, through: closed ? upper : upper - 1, by: 1) }
    var count: Int { max(0, (closed ? upper + 1 : upper) - lower) }
}
