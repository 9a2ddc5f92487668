import SwiftParser
import SwiftSyntax

/// One parameter of a builtin, as its Swift declaration spells it.
struct Parameter {
    /// The argument label (nil for `_`).
    let label: String?
    let type: String
    /// The default's Swift source, evaluated when the argument is left out.
    let defaultSource: String?
}

/// A function, initializer or method the steps may call, with its Swift signature.
struct Builtin {
    let name: String
    let parameters: [Parameter]
    let result: String
    /// Declared `throws`: a call needs `try`, as in Swift.
    let throwing: Bool
    let call: (Arguments) throws -> Any?

    /// `dot(_: [Double], _: [Double]) -> Double`
    var signature: String {
        let list = parameters.map { "\($0.label ?? "_"): \($0.type)" }.joined(separator: ", ")
        return "\(name)(\(list))" + (throwing ? " throws" : "") + (result == "Void" ? "" : " -> \(result)")
    }
}

/// The arguments of one call, converted to the parameters' types.
struct Arguments {
    let receiver: Any?
    let values: [Any]
    /// New values of `inout` parameters, by parameter index, for the caller to store back.
    let written = Written()

    /// The values a builtin gave its `inout` parameters.
    final class Written {
        var values: [Int: Any] = [:]
    }

    init(receiver: Any?, values: [Any]) {
        self.receiver = receiver
        self.values = values
    }

    /// Stores `value` as the new value of `inout` parameter `i`.
    func write(_ i: Int, _ value: Any) { written.values[i] = value }

    /// Argument `i` as `T` (the library converted it to the declared type already).
    func callAsFunction<T>(_ i: Int) throws -> T {
        guard i < values.count, let value = values[i] as? T else {
            throw StepError("internal: argument \(i + 1) is not \(T.self)")
        }
        return value
    }

    /// The receiver of a method call as `T`.
    func this<T>() throws -> T {
        guard let value = receiver as? T else { throw StepError("internal: receiver is not \(T.self)") }
        return value
    }

    /// Argument `i`, a closure of the step, as a Swift function of one Double; `returning` types
    /// the literals of its result (`{ x in 3 }` returns 3.0 where a Double is expected).
    func function(_ i: Int, returning hint: String?) throws -> (Double) throws -> Any? {
        let closure: Closure = try self(i)
        return { x in
            let result = try closure([x], returning: hint)
            guard let hint, let value = result else { return result }
            return Types.coerce(value, to: hint) ?? value
        }
    }
}

/// Every builtin the steps can use: free functions and initializers by name, methods and
/// properties by type. Registered from Swift declarations, so signatures read as Swift.
final class Library {
    private(set) var functions: [String: [Builtin]] = [:]
    private(set) var methods: [String: [Builtin]] = [:]
    private(set) var properties: [String: (Any) throws -> Any?] = [:]

    /// Registers a free function or an initializer (`func Random(seed: Int) -> Random`).
    func function(_ declaration: String, _ call: @escaping (Arguments) throws -> Any?) {
        let builtin = Library.parse(declaration, call)
        functions[builtin.name, default: []].append(builtin)
    }

    /// Registers a method of `type`.
    func method(_ type: String, _ declaration: String, _ call: @escaping (Arguments) throws -> Any?) {
        let builtin = Library.parse(declaration, call)
        methods["\(type).\(builtin.name)", default: []].append(builtin)
    }

    /// Registers a property of `type`.
    func property<T>(_ type: String, _ name: String, _ get: @escaping (T) throws -> Any?) {
        properties["\(type).\(name)"] = { value in
            guard let typed = value as? T else { throw StepError("internal: \(name) on the wrong type") }
            return try get(typed)
        }
    }

    /// Registers public properties of `T` by key path: `properties(Trace.self, ["loss": \.loss])`.
    func properties<T>(_ type: T.Type, named typeName: String? = nil, _ list: KeyValuePairs<String, PartialKeyPath<T>>) {
        let typeName = typeName ?? String(describing: type)
        for (name, path) in list {
            property(typeName, name) { (value: T) in value[keyPath: path] }
        }
    }

    /// The standard library of steps: Swift basics and the MicroGPT API, grouped as in `Builtins/`.
    static func standard(context: LibraryContext) -> Library {
        let library = Library()
        library.registerStdlib()
        library.registerMath()
        library.registerRandom()
        library.registerData(context: context)
        library.registerAutograd()
        library.registerModel()
        library.registerTraining(context: context)
        library.registerVariants()
        return library
    }

    /// The properties and methods registered for `type`, for "did you mean" suggestions.
    func members(of type: String) -> [String] {
        (Array(properties.keys) + Array(methods.keys)).compactMap { key in
            key.hasPrefix(type + ".") ? String(key.dropFirst(type.count + 1)) : nil
        }
    }

    /// Every name a step can call or read, for "did you mean" suggestions.
    var names: [String] { Array(functions.keys) }

    private static func parse(_ declaration: String, _ call: @escaping (Arguments) throws -> Any?) -> Builtin {
        let file = Parser.parse(source: declaration + " {}")
        guard let item = file.statements.first, let function = item.item.as(DeclSyntax.self)?.as(FunctionDeclSyntax.self) else {
            preconditionFailure("not a function declaration: \(declaration)")
        }
        let parameters = function.signature.parameterClause.parameters.map { p in
            let label = p.firstName.text == "_" ? nil : p.firstName.text
            return Parameter(label: label, type: p.type.trimmedDescription, defaultSource: p.defaultValue?.value.trimmedDescription)
        }
        let result = function.signature.returnClause?.type.trimmedDescription ?? "Void"
        let throwing = function.signature.effectSpecifiers?.throwsClause != nil
        return Builtin(name: function.name.text, parameters: parameters, result: result, throwing: throwing, call: call)
    }
}
