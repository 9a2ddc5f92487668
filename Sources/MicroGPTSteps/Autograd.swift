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
        library.properties(Value.self, ["graph": \.graph, "data": \.data, "grad": \.grad, "label": \.label])
        library.property(Value.self, "expressionGraph") { value, meter in
            try chargeGraph(of: value, meter)
            return value.expressionGraph
        }
        library.method(Value.self, "func backward()") { a in
            let value: Value = try a.this()
            try a.spend(operations: value.graph.count / EngineCost.readsPerOperation + 1)
            value.backward()
            return nil
        }
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
        library.function("func ExpressionGraph(_ value: Value) -> ExpressionGraph") { a in
            let value: Value = try a(0)
            try a.spend(operations: value.graph.count / 16)
            try a.allocate(bytes: EngineCost.product(value.graph.count, bytesPerShownNode))
            return ExpressionGraph(value)
        }
        library.properties(ExpressionGraph.self, ["nodes": \.nodes])
        library.properties(ExpressionNode.self, ["id": \.id, "label": \.label, "operation": \.operation, "data": \.data, "grad": \.grad,
                                         "inputs": \.inputs, "localGradients": \.localGradients])
    }
}

/// Bytes a node of an expression graph takes once shown (its label, numbers, inputs, gradients).
let bytesPerShownNode = 256

/// Charges showing the graph under `value` (at most every node of its tape).
private func chargeGraph(of value: Value, _ meter: StepMeter) throws {
    try meter.spend(operations: value.graph.count / 16)
    try meter.allocate(bytes: EngineCost.product(value.graph.count, bytesPerShownNode))
}
