/// How the interpreter types and converts values, as strictly as Swift: an Int never becomes a
/// Double by itself; only a literal does, by its context (see `Interpreter+Literals.swift`).
/// Bindings add the names of their own types and the literal types beside them.
public struct TypeSystem {
    /// Names of binding types whose Swift name is not the step name (`Variants<Any>` is `Variants`).
    var names: [ObjectIdentifier: StepType] = [:]
    /// The type a literal takes beside a value of a binding type (a literal beside a `Value` is a Double).
    var literalTypes: [StepType: StepType] = [:]

    /// The step type of `value`.
    func type(of value: Any?) -> StepType {
        guard let value else { return .void }
        switch value {
        case is Int: return .int
        case is Double: return .double
        case is String: return .string
        case is Bool: return .bool
        case is [Double]: return .array(.double)
        case is [Int]: return .array(.int)
        case is [String]: return .array(.string)
        case is [Bool]: return .array(.bool)
        case is [[Double]]: return .array(.array(.double))
        case is [[Int]]: return .array(.array(.int))
        case let closure as Closure: return closure.type
        case is Interpreter.EmptyArrayLiteral: return .array(.inferred)
        case let pair as Enumerated: return .enumerated(type(of: pair.element))
        case let range as IntRange: return .named(range.closed ? "ClosedRange" : "Range", [.int])
        case let array as [Any]: return array.isEmpty ? .array(.any) : .array(type(of: array[0]))
        default:
            let metatype = Swift.type(of: value)
            return names[ObjectIdentifier(metatype)] ?? .named(String(describing: metatype))
        }
    }

    /// The step type of the Swift type `T`.
    func type<T>(_ metatype: T.Type) -> StepType {
        names[ObjectIdentifier(metatype)] ?? .named(String(describing: metatype))
    }

    /// `value` as a value of `type`, nil when it is not one. Arrays of `Any` whose elements all
    /// have the element type become typed arrays; numbers are never widened.
    func coerce(_ value: Any, to type: StepType) -> Any? {
        switch type {
        case .any: return value
        case .double: return value is Int ? nil : value as? Double
        case .int: return value as? Int
        case .string: return value as? String
        case .bool: return value as? Bool
        case .named("ClosedRange", [.int]):
            guard let r = value as? IntRange, r.closed else { return nil }
            return r.lower...r.upper
        case .function: return value as? Closure
        case .array(let element):
            guard let array = value as? [Any] else { return nil }
            if self.type(of: value) == type { return value }
            var converted: [Any] = []
            for item in array {
                guard let c = coerce(item, to: element) else { return nil }
                converted.append(c)
            }
            return Self.typed(converted, as: element) ?? (array.isEmpty ? nil : converted)
        default:
            return self.type(of: value) == type ? value : nil
        }
    }

    /// An array of interpreter values as the Swift array the compiled code would have, so it prints,
    /// converts and dispatches like that array; nil when the elements have different types
    /// (Swift rejects such a literal).
    func typedArray(_ values: [Any]) -> Any? {
        guard let first = values.first else { return [Any]() }
        let element = type(of: first)
        guard values.allSatisfy({ type(of: $0) == element }) else { return nil }
        return Self.typed(values, as: element) ?? values
    }

    /// `values` as `[element]` for Swift's basic element types; nil for other types.
    static func typed(_ values: [Any], as element: StepType) -> Any? {
        switch element {
        case .int: return values.compactMap { $0 as? Int }
        case .double: return values.compactMap { $0 as? Double }
        case .string: return values.compactMap { $0 as? String }
        case .bool: return values.compactMap { $0 as? Bool }
        case .array(.double): return values.compactMap { $0 as? [Double] }
        case .array(.int): return values.compactMap { $0 as? [Int] }
        default: return nil
        }
    }

    /// The type a literal takes beside `value`: `x * 2` with x a Double makes 2 a Double,
    /// `xs + [1]` with xs a [Double] makes [1] a [Double].
    func literalType(besides value: Any) -> StepType? {
        let type = type(of: value)
        switch type {
        case .double, .array(.double), .array(.array(.double)): return type
        default: return literalTypes[type]
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
