import BookKit
import MicroGPT

/// MicroGPT for steps: its builtins (one file per group), `Value` arithmetic, and how its values
/// show. The only code that knows both the engine and the compiler.
public struct MicroGPTBinding: StepBinding {
    public init() {}

    public var moduleName: String { "MicroGPT" }

    public var starterStep: String {
        "let scores: [Double] = [2, 1, 0.1]\nsoftmax(scores)"
    }

    /// Bump when a builtin's behaviour or the engine's arithmetic changes.
    public var version: String { "microgpt-steps 2" }

    public func register(in library: Library, context: LibraryContext) {
        registerMath(in: library)
        registerRandom(in: library)
        registerData(in: library, context: context)
        registerAutograd(in: library)
        registerValueOperators(in: library)
        registerModel(in: library)
        registerTraining(in: library, context: context)
        registerVariants(in: library)
        registerWidgets(in: library)
        registerGraphWidgets(in: library)
        registerViews3D(in: library)
    }

    /// Autograd arithmetic: a Value with a Value or a Double, in either order, on one graph.
    func registerValueOperators(in library: Library) {
        let ops = ["+", "-", "*", "/"]
        library.infix(ops, Value.self, Value.self) { op, x, y in
            guard x.graph === y.graph else { throw StepFailure("these two values live on different graphs and cannot be combined") }
            return arithmetic(op, x, y, { $0 + $1 }, { $0 - $1 }, { $0 * $1 }, { $0 / $1 })
        }
        library.infix(ops, Value.self, Double.self) { op, x, y in arithmetic(op, x, y, { $0 + $1 }, { $0 - $1 }, { $0 * $1 }, { $0 / $1 }) }
        library.infix(ops, Double.self, Value.self) { op, x, y in arithmetic(op, x, y, { $0 + $1 }, { $0 - $1 }, { $0 * $1 }, { $0 / $1 }) }
        library.prefix("-", Value.self) { -$0 }
        library.literals(beside: Value.self, are: Double.self)
    }
}

/// `x op y` for the four arithmetic operators.
private func arithmetic<L, R>(_ op: String, _ x: L, _ y: R, _ add: (L, R) -> Value, _ subtract: (L, R) -> Value,
                              _ multiply: (L, R) -> Value, _ divide: (L, R) -> Value) -> Value {
    switch op {
    case "+": return add(x, y)
    case "-": return subtract(x, y)
    case "*": return multiply(x, y)
    default: return divide(x, y)
    }
}
