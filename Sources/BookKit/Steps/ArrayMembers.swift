import Foundation
import SwiftSyntax

/// The members of Swift's arrays, ranges and numbers that steps use. Results keep Swift's
/// types where the text shows them (`first` and `max()` are optionals, as in Swift).
enum ArrayMembers {
    static func property(_ name: String, of receiver: Any) throws -> Any?? {
        if let text = receiver as? String {
            switch name {
            case "count": return .some(text.count)
            case "isEmpty": return .some(text.isEmpty)
            default: return nil
            }
        }
        if let range = receiver as? IntRange {
            switch name {
            case "count": return .some(range.count)
            case "lowerBound": return .some(range.lower)
            default: return nil
            }
        }
        if let number = receiver as? Double {
            switch name {
            case "ulp": return .some(number.ulp)
            case "magnitude": return .some(number.magnitude)
            default: return nil
            }
        }
        guard let array = receiver as? [Any], !(receiver is String) else { return nil }
        switch name {
        case "count": return .some(array.count)
        case "isEmpty": return .some(array.isEmpty)
        case "first": return .some(array.first as Any)
        case "last": return .some(array.last as Any)
        default: return nil
        }
    }

    static func method(_ name: String, of receiver: Any, _ arguments: [Any], at node: MemberAccessExprSyntax) throws -> Any?? {
        if let number = receiver as? Double {
            switch (name, arguments.count) {
            case ("squareRoot", 0): return .some(number.squareRoot())
            case ("rounded", 0): return .some(number.rounded())
            default: return nil
            }
        }
        let source: [Any]
        if let range = receiver as? IntRange { source = Array(range.values) } else if let array = receiver as? [Any], !(receiver is String) { source = array } else { return nil }
        func closure(_ i: Int) throws -> Closure {
            guard i < arguments.count, let closure = arguments[i] as? Closure else {
                throw StepError("'\(name)' needs a closure here", at: node.declName)
            }
            return closure
        }
        switch (name, arguments.count) {
        case ("map", 1):
            let f = try closure(0)
            return .some(Types.typedArray(try source.map { try required(f.invoke([$0]), node) }))
        case ("filter", 1):
            let f = try closure(0)
            return .some(Types.typedArray(try source.filter { try f.invoke([$0]) as? Bool == true }))
        case ("reduce", 2):
            let f = try closure(1)
            return .some(try source.reduce(arguments[0]) { try required(f.invoke([$0, $1]), node) })
        case ("max", 0), ("min", 0):
            let numbers = source.compactMap { Types.coerce($0, to: "Double") as? Double }
            guard numbers.count == source.count else { throw StepError("'\(name)()' needs numbers", at: node.declName) }
            if source.allSatisfy({ $0 is Int }) {
                let ints = source.compactMap { $0 as? Int }
                return .some((name == "max" ? ints.max() : ints.min()) as Any)
            }
            return .some((name == "max" ? numbers.max() : numbers.min()) as Any)
        case ("sorted", 0):
            if let ints = source as? [Int] { return .some(ints.sorted()) }
            if let numbers = Types.coerce(source, to: "[Double]") as? [Double] { return .some(numbers.sorted()) }
            if let strings = Types.coerce(source, to: "[String]") as? [String] { return .some(strings.sorted()) }
            throw StepError("'sorted()' needs numbers or strings", at: node.declName)
        case ("prefix", 1), ("suffix", 1), ("dropFirst", 1), ("dropLast", 1):
            guard let n = arguments[0] as? Int, n >= 0 else { throw StepError("'\(name)' needs a count >= 0", at: node.declName) }
            let part: ArraySlice<Any>
            switch name {
            case "prefix": part = source.prefix(n)
            case "suffix": part = source.suffix(n)
            case "dropFirst": part = source.dropFirst(n)
            default: part = source.dropLast(n)
            }
            return .some(Types.typedArray(Array(part)))
        case ("enumerated", 0):
            return .some(source.enumerated().map { ($0.offset, $0.element) as Any })
        case ("contains", 1):
            return .some(source.contains { String(describing: $0) == String(describing: arguments[0]) && Types.name(of: $0) == Types.name(of: arguments[0]) })
        case ("joined", 0), ("joined", 1):
            guard let strings = Types.coerce(source, to: "[String]") as? [String] else { throw StepError("'joined' needs strings", at: node.declName) }
            let separator = arguments.first as? String ?? ""
            return .some(strings.joined(separator: separator))
        default:
            return nil
        }
    }

    private static func required(_ value: Any?, _ node: MemberAccessExprSyntax) throws -> Any {
        guard let value else { throw StepError("the closure returns no value", at: node) }
        return value
    }
}
