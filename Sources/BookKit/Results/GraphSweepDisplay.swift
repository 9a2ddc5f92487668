/// An autograd graph with the order its numbers were computed in: each node's data in the order
/// the tape set it (`forward`, node ids), then the backward sweep's visits in order (`backward`),
/// each with the gradients it changed as they stand after it (`changes`, one list per visit), and
/// the named sub-expressions a reader can fold (`groups`). The nodes carry their final gradients.
public struct GraphSweepDisplay: Codable, Sendable, Hashable {
    public var nodes: [GraphNodeDisplay]
    public var forward: [Int]
    public var backward: [Int]
    public var changes: [[GradientChangeDisplay]]
    public var groups: [GraphGroupDisplay]
    public init(nodes: [GraphNodeDisplay], forward: [Int], backward: [Int], changes: [[GradientChangeDisplay]], groups: [GraphGroupDisplay]) {
        (self.nodes, self.forward, self.backward, self.changes, self.groups) = (nodes, forward, backward, changes, groups)
    }
}

/// A node's gradient right after one visit of the backward sweep.
public struct GradientChangeDisplay: Codable, Sendable, Hashable {
    public var node: Int
    public var grad: Double
    public init(node: Int, grad: Double) { (self.node, self.grad) = (node, grad) }
}

/// A named node and the ids of the nodes that exist only to compute it: folding hides them.
public struct GraphGroupDisplay: Codable, Sendable, Hashable {
    public var node: Int
    public var members: [Int]
    public init(node: Int, members: [Int]) { (self.node, self.members) = (node, members) }
}
