import Foundation
/// How the interpreter types and converts values, as strictly as Swift: an Int never becomes a
/// Double by itself; only a literal does, by its context (see `LiteralKinds.swift`). An array's
/// type is its static Swift type (an empty `[Int]` stays `[Int]`, see `Metatypes.swift`).
/// Bindings add the names of their own types and the literal types beside them.
public struct TypeSystem {
    /// Names of binding types whose Swift name is not the step name (`Variants<Any>` is `Variants`).
    var names: [ObjectIdentifier: StepType] = [:]
    /// The type a literal takes beside a value of a binding type (a literal beside a `Value` is a Double).
    var literalTypes: [StepType: StepType] = [:]
    /// The Swift type of each binding type, so that arrays of them can be made with their type.
    var metatypes: [StepType: Any.Type] = [:]
    /// The step type of each registered Swift type.
    var registered: [ObjectIdentifier: StepType] = [:]
    /// `staticType` of each Swift type met so far: a nested array's type is read level by level.
    let staticTypes = StaticTypeCache()

    /// Records the binding type `T` and returns its step type.
    mutating func register<T>(_ metatype: T.Type) -> StepType {
        staticTypes.removeAll()
        let type = type(metatype)
        metatypes[type] = metatype
        registered[ObjectIdentifier(metatype)] = type
        return type
    }

    /// The step type of `value`. Arrays are recognised by their metatype before any cast: on Linux
    /// a cast of an array to a class type (`as? Closure`) bridges the whole array to an NSArray.
    func type(of value: Any?) -> StepType {
        guard let value else { return .void }
        let metatype = Swift.type(of: value)
        if metatype is ArrayMetatype.Type {
            if let known = staticType(metatype) { return known }
            guard let array = value as? AnyArray else { return .array(.any) }
            return array.elementCount > 0 ? .array(type(of: array.anyElement(at: 0))) : .array(.any)
        }
        if let known = staticType(metatype) { return known }
        switch value {
        case let closure as Closure: return closure.type
        case is Interpreter.EmptyArrayLiteral: return .array(.inferred)
        case let pair as Enumerated: return .enumerated(type(of: pair.element))
        case let range as IntRange: return .named(range.closed ? "ClosedRange" : "Range", [.int])
        case let optional as StepOptional: return .optional(optional.wrapped)
        default: return names[ObjectIdentifier(metatype)] ?? .named(String(describing: metatype))
        }
    }

    /// The step type of the Swift type `T`.
    func type<T>(_ metatype: T.Type) -> StepType {
        staticType(metatype) ?? names[ObjectIdentifier(metatype)] ?? .named(String(describing: metatype))
    }

    /// `value` as a value of `type`, nil when it is not one. Arrays keep their static types: an
    /// `[Int]` is never a `[Double]`, even when empty; arrays the interpreter built element by
    /// element become typed arrays. Numbers are never widened.
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
        case .optional(let wrapped):
            if let optional = value as? StepOptional { return optional.wrapped == wrapped ? optional : nil }
            return coerce(value, to: wrapped).map { StepOptional($0, wrapped) }
        case .array(let element):
            if let reversed = value as? ReversedSequence { return coerce(reversed.reversedArray, to: type) }
            guard value is AnyArray else { return nil }
            let actual = self.type(of: value)
            let untyped = Swift.type(of: value) == [Any].self
            if actual == type, !untyped || element == .any { return value }
            guard let array = value as? [Any] else { return nil }
            if actual == type { return typed(array, as: element) ?? value }
            // Only an array whose type is not fully known (built from `Any`) or an upcast to [Any]
            // converts element by element; other array types differ as they do in Swift.
            guard element == .any || actual.isIncomplete else { return nil }
            var converted: [Any] = []
            converted.reserveCapacity(array.count)
            for item in array {
                guard let c = coerce(item, to: element) else { return nil }
                converted.append(c)
            }
            return typed(converted, as: element) ?? (array.isEmpty ? nil : converted)
        default:
            return self.type(of: value) == type ? value : nil
        }
    }

    /// An array of interpreter values as the Swift array the compiled code would have, so it prints,
    /// converts and dispatches like that array; `element` types it when it is empty. Nil when the
    /// elements have different types (Swift rejects such a literal).
    func typedArray(_ values: [Any], element: StepType? = nil) -> Any? {
        guard let first = values.first else {
            return element.flatMap { typed([], as: $0) } ?? [Any]()
        }
        let elementType = type(of: first)
        guard values.allSatisfy({ type(of: $0) == elementType }) else { return nil }
        return typed(values, as: elementType) ?? values
    }

    /// `values` as a Swift array of `element`'s Swift type; nil when a value is not of that type
    /// or the type has no Swift counterpart here.
    func typed(_ values: [Any], as element: StepType) -> Any? {
        guard let metatype = metatype(of: element) else { return nil }
        return Metatypes.array(of: metatype, values)
    }

    /// The type a literal takes beside `value`: `x * 2` with x a Double makes 2 a Double,
    /// `xs + [1]` with xs a [Double] makes [1] a [Double], `o ?? 0` with o a Double? makes 0 a Double.
    func literalType(besides value: Any) -> StepType? {
        var type = type(of: value)
        if case .optional(let wrapped) = type { type = wrapped }
        switch type {
        case .double, .array(.double), .array(.array(.double)): return type
        default: return literalTypes[type]
        }
    }
}

/// The memo behind `TypeSystem.staticType` (one per session's library, used on one thread).
/// Shared by every session of a project, and sessions run at once: every read and write is locked.
final class StaticTypeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [ObjectIdentifier: StepType?] = [:]

    /// The cached type of `key`: nil when not cached, `.some(nil)` when cached as no static type.
    subscript(key: ObjectIdentifier) -> StepType?? {
        get { lock.lock(); defer { lock.unlock() }; return known[key] }
        set { lock.lock(); defer { lock.unlock() }; known[key] = newValue }
    }

    func removeAll() { lock.lock(); defer { lock.unlock() }; known.removeAll() }
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
