import Foundation
import SwiftParser
import SwiftSyntax

/// One parameter of a builtin, as its Swift declaration spells it.
struct Parameter: Sendable {
    /// The argument label (nil for `_`).
    let label: String?
    let type: StepType
    let isInout: Bool
    /// The default's Swift source, evaluated when the argument is left out.
    let defaultSource: String?
}

/// A function, initializer or method the steps may call, with its Swift signature.
struct Builtin {
    let name: String
    let parameters: [Parameter]
    let result: StepType
    /// Declared `throws`: a call needs `try`, as in Swift.
    let throwing: Bool
    let call: (Arguments) throws -> Any?

    /// Whether arguments with these labels (and, where true, written as closures) fit the
    /// parameters, types aside: defaulted parameters may be left out.
    func accepts(labels: [String?], closures: [Bool]) -> Bool {
        var next = 0
        for parameter in parameters {
            if next < labels.count, labels[next] == parameter.label || (parameter.type.isFunction && closures[next]) {
                next += 1
            } else if parameter.defaultSource == nil {
                return false
            }
        }
        return next == labels.count
    }

    /// `dot(_: [Double], _: [Double]) -> Double`
    var signature: String {
        let list = parameters.map { "\($0.label ?? "_"): \($0.isInout ? "inout " : "")\($0.type)" }.joined(separator: ", ")
        return "\(name)(\(list))" + (throwing ? " throws" : "") + (result == .void ? "" : " -> \(result)")
    }
}

/// A member of a type: `Value.backward`.
struct MemberKey: Hashable {
    let type: StepType
    let name: String
}

/// An operator applied to operands of two types: `Value + Double`.
struct OperatorKey: Hashable {
    let op: String
    let left: StepType
    let right: StepType?
}

/// Every builtin the steps can use: free functions and initializers by name, methods and
/// properties by type, operators by operand types. Registered from Swift declarations, so
/// signatures read as Swift. Engine bindings add theirs through the public registration calls.
public final class Library {
    private(set) var functions: [String: [Builtin]] = [:]
    private(set) var methods: [MemberKey: [Builtin]] = [:]
    private(set) var properties: [MemberKey: (Any, StepMeter) throws -> Any?] = [:]
    private(set) var operators: [OperatorKey: (Any, Any?) throws -> Any] = [:]
    private(set) var types = TypeSystem()

    init() {}

    /// Registers a free function or an initializer: `function("func Random(seed: Int) -> Random") { ... }`.
    public func function(_ declaration: String, _ call: @escaping (Arguments) throws -> Any?) {
        let builtin = Library.parse(declaration, call)
        functions[builtin.name, default: []].append(builtin)
    }

    /// Registers a method of `T`: `method(Value.self, "func relu() -> Value") { ... }`.
    public func method<T>(_ type: T.Type, _ declaration: String, _ call: @escaping (Arguments) throws -> Any?) {
        let builtin = Library.parse(declaration, call)
        methods[MemberKey(type: types.register(type), name: builtin.name), default: []].append(builtin)
    }

    /// Registers public properties of `T` by key path: `properties(Trace.self, ["loss": \.loss])`.
    public func properties<T>(_ type: T.Type, _ list: KeyValuePairs<String, PartialKeyPath<T>>) {
        properties(type, as: types.register(type), list)
    }

    /// Registers properties of `T` for values that steps see as `stepType`.
    func properties<T>(_ type: T.Type, as stepType: StepType, _ list: KeyValuePairs<String, PartialKeyPath<T>>) {
        for (name, path) in list {
            properties[MemberKey(type: stepType, name: name)] = { value, _ in
                guard let typed = value as? T else { throw StepFailure("internal: \(name) on the wrong type") }
                return typed[keyPath: path]
            }
        }
    }

    /// Registers a property of `T` computed by `get`, which may charge the step's budget first
    /// (a property that builds a large value): `property(Value.self, "expressionGraph") { v, meter in ... }`.
    public func property<T>(_ type: T.Type, _ name: String, _ get: @escaping (T, StepMeter) throws -> Any) {
        properties[MemberKey(type: types.register(type), name: name)] = { value, meter in
            guard let typed = value as? T else { throw StepFailure("internal: \(name) on the wrong type") }
            return try get(typed, meter)
        }
    }

    /// Names a Swift type for steps when its Swift name is not the one steps use (`Variants<Any>`
    /// is `Variants`).
    public func name<T>(_ type: T.Type, _ name: String) {
        types.names[ObjectIdentifier(type)] = .named(name)
        _ = types.register(type)
    }

    /// Registers the binary operators `ops` between `L` and `R`; `apply` gets the operator.
    public func infix<L, R>(_ ops: [String], _ left: L.Type, _ right: R.Type, _ apply: @escaping (String, L, R) throws -> Any) {
        let l = types.register(left), r = types.register(right)
        for op in ops {
            operators[OperatorKey(op: op, left: l, right: r)] = { a, b in
                guard let x = a as? L, let y = b as? R else { throw StepFailure("internal: operands of '\(op)'") }
                return try apply(op, x, y)
            }
        }
    }

    /// Registers the prefix operator `op` on `T`.
    public func prefix<T>(_ op: String, _ operand: T.Type, _ apply: @escaping (T) throws -> Any) {
        operators[OperatorKey(op: op, left: types.register(operand), right: nil)] = { a, _ in
            guard let x = a as? T else { throw StepFailure("internal: operand of '\(op)'") }
            return try apply(x)
        }
    }

    /// Says which type a literal takes beside a value of `T` (beside a `Value`, `2` is a Double).
    public func literals<T, L>(beside type: T.Type, are literal: L.Type) {
        types.literalTypes[types.register(type)] = types.register(literal)
    }

    /// The properties and methods registered for `type`, for "did you mean" suggestions.
    func members(of type: StepType) -> [String] {
        (properties.keys.filter { $0.type == type } + methods.keys.filter { $0.type == type }).map(\.name)
    }

    /// The builtins a call of `name` with these argument labels can reach: the functions of that
    /// name, or, for a method call, the methods of that name of every type.
    func candidates(_ name: String, method: Bool, labels: [String?], closures: [Bool]) -> [Builtin] {
        let all = method ? methods.filter { $0.key.name == name }.flatMap(\.value) : functions[name] ?? []
        return all.filter { $0.accepts(labels: labels, closures: closures) }
    }

    /// Every name a step can call or read, for "did you mean" suggestions.
    var names: [String] { Array(functions.keys) }

    private static func parse(_ declaration: String, _ call: @escaping (Arguments) throws -> Any?) -> Builtin {
        let signature = Signature.of(declaration)
        return Builtin(name: signature.name, parameters: signature.parameters, result: signature.result, throwing: signature.throwing, call: call)
    }

    /// A declaration's name, parameters, result and effects; parsed once per process, since every
    /// session registers the same declarations (a fuzz run makes thousands of sessions).
    private struct Signature: Sendable {
        let name: String
        let parameters: [Parameter]
        let result: StepType
        let throwing: Bool

        private static let lock = NSLock()
        nonisolated(unsafe) private static var known: [String: Signature] = [:]

        static func of(_ declaration: String) -> Signature {
            lock.lock()
            defer { lock.unlock() }
            if let hit = known[declaration] { return hit }
            let file = Parser.parse(source: declaration + " {}")
            guard let item = file.statements.first, let function = item.item.as(DeclSyntax.self)?.as(FunctionDeclSyntax.self) else {
                preconditionFailure("not a function declaration: \(declaration)")
            }
            let parameters = function.signature.parameterClause.parameters.map { p in
                let label = p.firstName.text == "_" ? nil : p.firstName.text
                let isInout = p.type.as(AttributedTypeSyntax.self)?.specifiers.contains { $0.trimmedDescription == "inout" } == true
                return Parameter(label: label, type: StepType(p.type), isInout: isInout, defaultSource: p.defaultValue?.value.trimmedDescription)
            }
            let result = function.signature.returnClause.map { StepType($0.type) } ?? .void
            let throwing = function.signature.effectSpecifiers?.throwsClause != nil
            let signature = Signature(name: function.name.text, parameters: parameters, result: result, throwing: throwing)
            known[declaration] = signature
            return signature
        }
    }
}

/// A builtin's refusal of its arguments: the interpreter reports it at the call, with the step and line.
public struct StepFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}

/// The arguments of one call, converted to the parameters' types.
public struct Arguments {
    let receiver: Any?
    let values: [Any]
    /// New values of `inout` parameters, by parameter index, for the caller to store back.
    let written = Written()
    /// Where the call notes the files it reads.
    let reads: FileReads

    /// The values a builtin gave its `inout` parameters.
    final class Written {
        var values: [Int: Any] = [:]
    }

    /// The step's budget, and the call that charges it.
    private let meter: StepMeter
    private let call: Syntax?

    init(receiver: Any?, values: [Any], meter: StepMeter = StepMeter(), call: Syntax? = nil, reads: FileReads = FileReads()) {
        (self.receiver, self.values, self.meter, self.call, self.reads) = (receiver, values, meter, call, reads)
    }

    /// Notes that this call reads the file at `url`: results that depend on it are recomputed
    /// when it changes.
    public func noteRead(_ url: URL) { reads.add(url) }

    /// Charges `operations` of work this builtin is about to do (one operation is about 6 µs;
    /// see `StepMeter`), before doing it: a step whose budget it would exceed stops here, at the call.
    public func spend(operations: Int) throws { try meter.spend(operations: operations, at: call) }

    /// Checks that a value of `bytes` this builtin is about to make fits in the step's memory budget.
    public func allocate(bytes: Int) throws { try meter.allocate(bytes: bytes, at: call) }

    /// Stores `value` as the new value of `inout` parameter `i`.
    public func write(_ i: Int, _ value: Any) { written.values[i] = value }

    /// Argument `i` as `T` (the library converted it to the declared type already).
    public func callAsFunction<T>(_ i: Int) throws -> T {
        guard i < values.count, let value = values[i] as? T else {
            throw StepFailure("internal: argument \(i + 1) is not \(T.self)")
        }
        return value
    }

    /// The receiver of a method call as `T`.
    public func this<T>() throws -> T {
        guard let value = receiver as? T else { throw StepFailure("internal: receiver is not \(T.self)") }
        return value
    }

    /// Argument `i`, a closure of the step, as a Swift function of one Double; `returning` types
    /// the literals of its result (`{ x in 3 }` returns 3.0 where a Double is expected).
    public func function<R>(_ i: Int, returning: R.Type) throws -> (Double) throws -> Any? {
        let closure: Closure = try self(i)
        let hint = R.self == Any.self ? nil : closure.types.type(returning)
        return { x in
            let result = try closure([x], returning: hint)
            guard let hint, let value = result else { return result }
            return closure.types.coerce(value, to: hint) ?? value
        }
    }
}

/// The files one session's builtins read.
final class FileReads {
    private(set) var paths: Set<String> = []
    func add(_ url: URL) { paths.insert(url.standardizedFileURL.path) }
}
