import Foundation
import SwiftSyntax

/// The members of Swift's arrays and ranges that steps use, which take their element types from the
/// receiver (the fixed ones, like `String.count`, are registered in `Stdlib.swift`). Results keep
/// Swift's types where the text shows them (`first` and `max()` are optionals, as in Swift).
enum CollectionMembers {
    static func property(_ name: String, of value: Any, types: TypeSystem) throws -> Any?? {
        let receiver = (value as? ReversedSequence)?.reversedArray ?? value
        if let pair = receiver as? Enumerated {
            switch name {
            case "offset": return .some(pair.offset)
            case "element": return .some(pair.element)
            default: return nil
            }
        }
        guard let array = receiver as? AnyArray else { return nil }
        let count = array.elementCount
        switch name {
        case "count": return .some(count)
        case "isEmpty": return .some(count == 0)
        case "first": return .some(StepOptional(count > 0 ? array.anyElement(at: 0) : nil, types.type(of: receiver).element ?? .any))
        case "last": return .some(StepOptional(count > 0 ? array.anyElement(at: count - 1) : nil, types.type(of: receiver).element ?? .any))
        case "indices": return .some(IntRange(lower: 0, upper: count, closed: false))
        default: return nil
        }
    }

    typealias Argument = Interpreter.Argument

    static func method(_ name: String, of value: Any, _ arguments: [Argument], in interpreter: Interpreter,
                       at node: MemberAccessExprSyntax) throws -> Any?? {
        if let reversed = value as? ReversedSequence, name == "reversed", arguments.isEmpty { return .some(reversed.baseValue) }
        let receiver = (value as? ReversedSequence)?.reversedArray ?? value
        let values = arguments.map(\.value)
        if let number = receiver as? Double {
            switch (name, values.count) {
            case ("squareRoot", 0): return .some(number.squareRoot())
            case ("rounded", 0): return .some(number.rounded())
            default: return nil
            }
        }
        // `contains` on an array of strings or numbers compares natively: charged the same, and
        // no element boxed (a data set's 32,000 names, asked once per sample).
        if name == "contains", values.count == 1, let found = nativeContains(receiver, values[0]) {
            try interpreter.spend(elements: found.count, at: node)
            return .some(found.result)
        }
        let source: [Any]
        let element: StepType
        if let range = receiver as? IntRange {
            try interpreter.reserve(range.count)
            try interpreter.spend(elements: range.count, at: node)
            source = range.values.map { $0 }
            element = .int
        } else if let array = receiver as? [Any] {
            source = array
            element = interpreter.types.type(of: receiver).element ?? .any
        } else {
            return nil
        }
        // Every method here makes or walks an array as long as the receiver.
        if !(receiver is IntRange) { try interpreter.spend(elements: source.count, at: node) }
        func closure(_ i: Int) throws -> Closure {
            guard i < values.count, let closure = values[i] as? Closure else {
                throw StepError("'\(name)' needs a closure here", at: node.declName)
            }
            return closure
        }
        func typed(_ elements: [Any], as type: StepType? = nil) throws -> Any {
            guard let array = interpreter.types.typedArray(elements, element: type) else {
                throw StepError("the closure returns values of different types", at: node)
            }
            return array
        }
        switch (name, values.count) {
        case ("map", 1):
            let f = try closure(0)
            return .some(try typed(try source.map { try required(f([$0]), node) }))
        case ("filter", 1):
            let f = try closure(0)
            return .some(try typed(try source.filter { try f([$0]) as? Bool == true }, as: element))
        case ("reduce", 2):
            let f = try closure(1)
            return .some(try source.reduce(values[0]) { try required(f([$0, $1]), node) })
        case ("max", 0), ("min", 0):
            if element == .int, let ints = interpreter.types.coerce(source, to: .array(.int)) as? [Int] {
                return .some(StepOptional(name == "max" ? ints.max() : ints.min(), .int))
            }
            if element == .double, let numbers = interpreter.types.coerce(source, to: .array(.double)) as? [Double] {
                return .some(StepOptional(name == "max" ? numbers.max() : numbers.min(), .double))
            }
            if element == .string, let strings = interpreter.types.coerce(source, to: .array(.string)) as? [String] {
                return .some(StepOptional(name == "max" ? strings.max() : strings.min(), .string))
            }
            throw StepError("'\(name)()' needs numbers or strings", at: node.declName)
        case ("sorted", 0):
            if element == .int, let ints = interpreter.types.coerce(source, to: .array(.int)) as? [Int] { return .some(ints.sorted()) }
            if element == .double, let numbers = interpreter.types.coerce(source, to: .array(.double)) as? [Double] { return .some(numbers.sorted()) }
            if element == .string, let strings = interpreter.types.coerce(source, to: .array(.string)) as? [String] { return .some(strings.sorted()) }
            throw StepError("'sorted()' needs numbers or strings", at: node.declName)
        case ("reversed", 0):
            if let range = receiver as? IntRange {
                return .some(range.closed ? (range.lower...range.upper).reversed() as Any : (range.lower..<range.upper).reversed() as Any)
            }
            if let typed = (interpreter.types.coerce(receiver, to: .array(element)) ?? receiver) as? AnyArray, !element.isIncomplete {
                return .some(typed.reversedCollection())
            }
            return .some(try typed(source.reversed(), as: element))
        case ("prefix", 1), ("suffix", 1), ("dropFirst", 1), ("dropLast", 1):
            guard let n = values[0] as? Int, n >= 0 else { throw StepError("'\(name)' needs a count >= 0", at: node.declName) }
            let part: ArraySlice<Any>
            switch name {
            case "prefix": part = source.prefix(n)
            case "suffix": part = source.suffix(n)
            case "dropFirst": part = source.dropFirst(n)
            default: part = source.dropLast(n)
            }
            return .some(try typed(Array(part), as: element))
        case ("enumerated", 0):
            return .some(source.enumerated().map { Enumerated(offset: $0.offset, element: $0.element) })
        case ("contains", 1):
            guard let wanted = interpreter.types.coerce(values[0], to: element) else {
                throw StepError("cannot convert value of type '\(interpreter.types.type(of: values[0]))' to expected argument type '\(element)'", at: arguments[0].node)
            }
            return .some(try source.contains { item in
                if let equal = try Operators.binary("==", item, wanted, types: interpreter.types, at: node) as? Bool { return equal }
                return String(describing: item) == String(describing: wanted)
            })
        case ("joined", 0), ("joined", 1):
            guard element == .string, let strings = interpreter.types.coerce(source, to: .array(.string)) as? [String] else { throw StepError("'joined' needs strings", at: node.declName) }
            let separator = values.first as? String ?? ""
            try interpreter.spend(bytes: strings.reduce(separator.utf8.count * strings.count) { $0 + $1.utf8.count }, at: node)
            return .some(strings.joined(separator: separator))
        default:
            return nil
        }
    }

    private static func required(_ value: Any?, _ node: MemberAccessExprSyntax) throws -> Any {
        guard let value else { throw StepError("the closure returns no value", at: node) }
        return value
    }

    /// `array.contains(wanted)` for arrays of strings, integers or doubles, with the array's
    /// length; nil for other arrays.
    private static func nativeContains(_ array: Any, _ wanted: Any) -> (result: Bool, count: Int)? {
        switch (array, wanted) {
        case let (strings as [String], text as String): return (strings.contains(text), strings.count)
        case let (numbers as [Int], number as Int): return (numbers.contains(number), numbers.count)
        case let (numbers as [Double], number as Double): return (numbers.contains(number), numbers.count)
        default: return nil
        }
    }
}

/// One element of `enumerated()`: Swift's `(offset: Int, element: T)` tuple, printed the same way.
struct Enumerated: CustomStringConvertible {
    let offset: Int
    let element: Any
    var description: String { "(offset: \(offset), element: \(String(reflecting: element)))" }
}
