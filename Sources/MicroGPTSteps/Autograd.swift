import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// Scalar autograd: the tape (`Graph`), its values, and the expression graph shown to readers.
    func registerAutograd(in library: Library) {
        library.function("func Graph() -> Graph") { _ in Graph() }
        library.properties(Graph.self, ["count": \.count, "scalarCount": \.scalarCount])
        library.function("func Value(_ data: Double, label: String = \"\", in graph: Graph) -> Value") { a in
            Value(try a(0), label: try a(1), in: try a(2))
        }
        library.properties(Value.self, ["graph": \.graph, "data": \.data, "grad": \.grad, "label": \.label, "expressionGraph": \.expressionGraph])
        library.method(Value.self, "func backward()") { a in (try a.this() as Value).backward(); return nil }
        library.method(Value.self, "func pow(_ exponent: Double) -> Value") { a in (try a.this() as Value).pow(try a(0)) }
        library.method(Value.self, "func log() -> Value") { a in (try a.this() as Value).log() }
        library.method(Value.self, "func exp() -> Value") { a in (try a.this() as Value).exp() }
        library.method(Value.self, "func relu() -> Value") { a in (try a.this() as Value).relu() }
        library.method(Value.self, "func named(_ label: String) -> Value") { a in (try a.this() as Value).named(try a(0)) }
        library.function("func sum(_ values: [Value]) -> Value") { a in
            let values: [Value] = try a(0)
            guard let first = values.first else { throw StepFailure("sum needs at least one value") }
            guard values.allSatisfy({ $0.graph === first.graph }) else { throw StepFailure("these values live on different graphs and cannot be combined") }
            return sum(values)
        }
        library.function("func ExpressionGraph(_ value: Value) -> ExpressionGraph") { a in ExpressionGraph(try a(0) as Value) }
        library.properties(ExpressionGraph.self, ["nodes": \.nodes])
        library.properties(ExpressionNode.self, ["id": \.id, "label": \.label, "operation": \.operation, "data": \.data, "grad": \.grad,
                                         "inputs": \.inputs, "localGradients": \.localGradients])
    }
}
