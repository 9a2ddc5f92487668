/// A picture of how a value was computed: every node reachable from it, inputs first,
/// with its data, gradient and the local gradient along each edge.
public struct ExpressionGraph: Sendable, CustomStringConvertible {
    /// The nodes in topological order (inputs before the nodes that use them); the last is the output.
    public let nodes: [ExpressionNode]

    /// The graph behind `value`.
    public init(_ value: Value) {
        let g = value.graph
        var order: [Int] = []
        var seen = Set<Int>()
        func visit(_ v: Int) {
            guard v >= 0, seen.insert(v).inserted else { return }
            for input in g.inputs(of: v) { visit(Int(input)) }
            order.append(v)
        }
        visit(Int(value.id))
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var unnamed = 0
        nodes = order.enumerated().map { i, v in
            let children = ExpressionGraph.children(g, v)
            var label = g.labels[v] ?? ""
            if label.isEmpty { unnamed += 1; label = "n\(unnamed)" }
            return ExpressionNode(id: i, label: label, operation: ExpressionGraph.symbol(g.operations[v], constantOperand: children.count == 1 && [.add, .multiply, .power].contains(g.operations[v]) ? ExpressionGraph.constant(g, v) : nil),
                                  data: g.data[v], grad: g.grads[v],
                                  inputs: children.compactMap { position[Int($0.0)] }, localGradients: children.map(\.1))
        }
    }

    /// Node `v`'s inputs with the local gradient towards each.
    private static func children(_ g: Graph, _ v: Int) -> [(Int32, Double)] {
        if g.operations[v] == .dot {
            // A dot's input pairs (a, b): d/da is b's value and d/db is a's.
            let inputs = g.inputs(of: v)
            return inputs.indices.map { i in (inputs[i], g.data[Int(inputs[i % 2 == 0 ? i + 1 : i - 1])]) }
        }
        return [(g.links[v].child0, g.locals[v].local0), (g.links[v].child1, g.locals[v].local1)].filter { $0.0 >= 0 }
    }

    /// The constant operand of an addition or multiplication, or the exponent of a power.
    private static func constant(_ g: Graph, _ v: Int) -> Double {
        let x = g.data[Int(g.links[v].child0)]
        switch g.operations[v] {
        case .add: return g.data[v] - x
        case .power: return g.locals[v].local1
        default: return g.locals[v].local0
        }
    }

    private static func symbol(_ op: Graph.Operation, constantOperand: Double?) -> String {
        let c = constantOperand.map { " \($0)" } ?? ""
        switch op {
        case .leaf: return ""
        case .add: return "+" + c
        case .multiply: return "*" + c
        case .power: return "pow" + c
        case .log: return "log"
        case .exp: return "exp"
        case .relu: return "relu"
        case .dot: return "dot"
        }
    }

    public var description: String {
        let width = nodes.map(\.label.count).max() ?? 1
        let formulaWidth = nodes.map { n in n.operation.count + n.inputs.map { nodes[$0].label.count + 2 }.reduce(4, +) }.max() ?? 8
        return nodes.map { n in
            let name = n.label.padding(toLength: width, withPad: " ", startingAt: 0)
            let inputs = n.inputs.map { nodes[$0].label }
            let formula: String
            if n.operation.isEmpty {
                formula = "input"
            } else if n.operation.hasPrefix("+") || n.operation.hasPrefix("*") {
                // "a + b", or "a * -1.0" when the other operand is a constant.
                formula = inputs.count == 2 ? "\(inputs[0]) \(n.operation) \(inputs[1])" : "\(inputs[0]) \(n.operation)"
            } else {
                // "exp(a)", or "pow(a, -1.0)" with the exponent.
                let parts = n.operation.split(separator: " ", maxSplits: 1)
                formula = "\(parts[0])(\((inputs + parts.dropFirst().map(String.init)).joined(separator: ", ")))"
            }
            return "\(name) = \(formula.padding(toLength: formulaWidth, withPad: " ", startingAt: 0))  data \(n.data)  grad \(n.grad)"
        }.joined(separator: "\n")
    }
}

/// One node of an `ExpressionGraph`.
public struct ExpressionNode: Sendable, Hashable {
    /// Position in `ExpressionGraph.nodes`.
    public let id: Int
    /// Its name (given with `label:`, or n1, n2, ... for intermediate values).
    public let label: String
    /// "+", "*", "pow -1.0" (with its exponent), "log", "exp", "relu" ("+ 1.0" / "* -1.0" with a
    /// constant operand), "" for inputs.
    public let operation: String
    /// Its value.
    public let data: Double
    /// Its gradient after `backward()`.
    public let grad: Double
    /// The ids of the nodes it was computed from.
    public let inputs: [Int]
    /// d(this) / d(input) for each input, in the same order.
    public let localGradients: [Double]
}

extension Value {
    /// The graph of every value this one was computed from, for display.
    public var expressionGraph: ExpressionGraph { ExpressionGraph(self) }
}
