import MicroGPT

extension Library {
    /// Scalar autograd: the tape (`Graph`), its values, and the expression graph shown to readers.
    func registerAutograd() {
        function("func Graph() -> Graph") { _ in Graph() }
        properties(Graph.self, ["count": \.count, "scalarCount": \.scalarCount])
        function("func Value(_ data: Double, label: String = \"\", in graph: Graph) -> Value") { a in
            Value(try a(0), label: try a(1), in: try a(2))
        }
        properties(Value.self, ["graph": \.graph, "data": \.data, "grad": \.grad, "label": \.label, "expressionGraph": \.expressionGraph])
        method("Value", "func backward()") { a in (try a.this() as Value).backward(); return nil }
        method("Value", "func pow(_ exponent: Double) -> Value") { a in (try a.this() as Value).pow(try a(0)) }
        method("Value", "func log() -> Value") { a in (try a.this() as Value).log() }
        method("Value", "func exp() -> Value") { a in (try a.this() as Value).exp() }
        method("Value", "func relu() -> Value") { a in (try a.this() as Value).relu() }
        method("Value", "func named(_ label: String) -> Value") { a in (try a.this() as Value).named(try a(0)) }
        function("func sum(_ values: [Value]) -> Value") { a in
            let values: [Value] = try a(0)
            guard let first = values.first else { throw StepError("sum needs at least one value") }
            guard values.allSatisfy({ $0.graph === first.graph }) else { throw StepError("these values live on different graphs and cannot be combined") }
            return sum(values)
        }
        function("func ExpressionGraph(_ value: Value) -> ExpressionGraph") { a in ExpressionGraph(try a(0) as Value) }
        properties(ExpressionGraph.self, ["nodes": \.nodes])
        properties(ExpressionNode.self, ["id": \.id, "label": \.label, "operation": \.operation, "data": \.data, "grad": \.grad,
                                         "inputs": \.inputs, "localGradients": \.localGradients])
    }
}
