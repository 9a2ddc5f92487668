/// A value's graph replayed as the engine computes it: the order in which the tape set each
/// node's data (the forward pass), the order in which `backward()` visits the nodes, and after
/// each visit the gradients it changed. The sweep runs the engine's own `propagate`, one node at a
/// time, so every recorded gradient is one that `backward()` computes, added in the same order.
public struct GraphSweep: Sendable, CustomStringConvertible {
    /// Every node reachable from the value, in topological order (the value last), with the
    /// gradients one `backward()` from zero gives.
    public let graph: ExpressionGraph
    /// Positions in `graph.nodes` in the order the tape recorded them: when each data was set.
    public let forwardOrder: [Int]
    /// Positions in `graph.nodes` in the order `backward()` visits them (its topological order,
    /// reversed). Before the first visit the value's own gradient is set to 1.
    public let backwardOrder: [Int]
    /// For each visit of `backwardOrder`, the gradients it added to, as they stand after it (a leaf's
    /// visit changes nothing).
    public let gradientChanges: [[GradientChange]]
    /// The named sub-expressions: a node given a name and the unnamed nodes computed only for it.
    public let groups: [SweepGroup]

    /// Records `value`'s graph and sweeps it. The tape's gradients are left as they were.
    public init(_ value: Value) {
        let g = value.graph, root = value.id
        let order = g.topologicalOrder(from: root)
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        // One clean sweep from zero, visit by visit; what was on the tape goes back afterwards.
        let saved = order.map { g.grads[Int($0)] }
        for v in order { g.grads[Int(v)] = 0 }
        g.grads[Int(root)] = 1
        var changes: [[GradientChange]] = []
        for v in order.reversed() {
            g.propagate([v])
            var seen = Set<Int32>()
            changes.append(g.inputs(of: Int(v)).compactMap { input in
                guard seen.insert(input).inserted, let at = position[input] else { return nil }
                return GradientChange(node: at, grad: g.grads[Int(input)])
            })
        }
        graph = ExpressionGraph(value)
        for (v, grad) in zip(order, saved) { g.grads[Int(v)] = grad }
        forwardOrder = order.sorted().compactMap { position[$0] }
        backwardOrder = Array((0..<order.count).reversed())
        gradientChanges = changes
        groups = GraphSweep.groups(g, order, position)
    }

    /// For each named node that is not a leaf, the unnamed non-leaf nodes under it that nothing
    /// outside it uses: what folding the name hides.
    private static func groups(_ g: Graph, _ order: [Int32], _ position: [Int32: Int]) -> [SweepGroup] {
        var users: [Int32: Set<Int32>] = [:]
        for v in order { for input in g.inputs(of: Int(v)) { users[input, default: []].insert(v) } }
        func open(_ v: Int32) -> Bool { g.labels[Int(v)] == nil && g.operations[Int(v)] != .leaf }
        return order.compactMap { named -> SweepGroup? in
            guard !open(named), g.operations[Int(named)] != .leaf else { return nil }
            var members = Set<Int32>(), stack = g.inputs(of: Int(named))
            while let v = stack.popLast() {
                guard open(v), members.insert(v).inserted else { continue }
                stack += g.inputs(of: Int(v))
            }
            // A node another part of the graph also reads stays in view, and so does what feeds only it.
            while true {
                let inside = members.union([named])
                let leaving = members.filter { !(users[$0] ?? []).isSubset(of: inside) }
                if leaving.isEmpty { break }
                members.subtract(leaving)
            }
            guard !members.isEmpty, let at = position[named] else { return nil }
            return SweepGroup(node: at, members: members.compactMap { position[$0] }.sorted())
        }
    }

    public var description: String {
        let names = graph.nodes.map(\.label)
        var lines = ["forward:  " + forwardOrder.map { names[$0] }.joined(separator: " "),
                     "backward: " + backwardOrder.map { names[$0] }.joined(separator: " ")]
        for (node, changed) in zip(backwardOrder, gradientChanges) where !changed.isEmpty {
            let added = changed.map { "\(names[$0.node]).grad = \($0.grad)" }.joined(separator: ", ")
            lines.append("\(names[node]) (grad \(graph.nodes[node].grad)) -> \(added)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A gradient as it stands after one visit of the backward sweep.
public struct GradientChange: Sendable, Hashable {
    /// Position of the node in `GraphSweep.graph.nodes`.
    public let node: Int
    /// Its gradient after the visit.
    public let grad: Double
}

/// A named node and the nodes that exist only to compute it (positions in `GraphSweep.graph.nodes`).
public struct SweepGroup: Sendable, Hashable {
    public let node: Int
    public let members: [Int]
}

extension Value {
    /// The forward pass and backward sweep of this value's graph, step by step, for display.
    public var sweep: GraphSweep { GraphSweep(self) }
}
