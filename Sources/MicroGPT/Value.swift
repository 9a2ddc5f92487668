/// A scalar that remembers how it was computed, so `backward()` can find how much every input
/// moved it. A small handle into a `Graph`; operations follow microgpt.py's `Value` exactly:
/// `a - b` is `a + (-b)`, `-a` is `a * -1`, `a / b` is `a * b ** -1`.
public struct Value: @unchecked Sendable, CustomStringConvertible {
    /// The tape this value is recorded on.
    public let graph: Graph
    let id: Int32

    init(_ graph: Graph, _ id: Int32) {
        self.graph = graph
        self.id = id
    }

    /// A new leaf on `graph` holding `data`, with an optional name for pictures of the graph.
    public init(_ data: Double, label: String = "", in graph: Graph) {
        self.graph = graph
        self.id = graph.leaf(data)
        if !label.isEmpty { graph.labels[Int(id)] = label }
    }

    /// The number this value holds.
    public var data: Double { graph.data(id) }
    /// How much the value `backward()` was called on changes per unit change of this one.
    public var grad: Double { graph.grad(id) }
    /// Its name in pictures of the graph ("" when it has none).
    public var label: String { graph.labels[Int(id)] ?? "" }

    /// This value with a name, for pictures of the graph.
    public func named(_ label: String) -> Value {
        graph.labels[Int(id)] = label
        return self
    }

    /// Fills in `grad` of every value this one was computed from (microgpt.py's `backward()`).
    public func backward() { graph.backward(from: id) }

    /// `self ** exponent`.
    public func pow(_ exponent: Double) -> Value { Value(graph, graph.power(id, exponent)) }
    /// The natural logarithm.
    public func log() -> Value { Value(graph, graph.log(id)) }
    /// e to the power of this value.
    public func exp() -> Value { Value(graph, graph.exp(id)) }
    /// `max(0, self)`.
    public func relu() -> Value { Value(graph, graph.relu(id)) }

    public var description: String { "Value(data: \(data), grad: \(grad))" }

    public static func + (a: Value, b: Value) -> Value { sameGraph(a, b); return Value(a.graph, a.graph.add(a.id, b.id)) }
    public static func + (a: Value, b: Double) -> Value { Value(a.graph, a.graph.add(a.id, constant: b)) }
    public static func + (a: Double, b: Value) -> Value { b + a }
    public static func * (a: Value, b: Value) -> Value { sameGraph(a, b); return Value(a.graph, a.graph.multiply(a.id, b.id)) }

    /// Values on different tapes cannot meet: the result would point into the wrong tape.
    private static func sameGraph(_ a: Value, _ b: Value) {
        precondition(a.graph === b.graph, "values from different graphs cannot be combined")
    }
    public static func * (a: Value, b: Double) -> Value { Value(a.graph, a.graph.multiply(a.id, constant: b)) }
    public static func * (a: Double, b: Value) -> Value { b * a }
    public static prefix func - (a: Value) -> Value { a * -1 }
    public static func - (a: Value, b: Value) -> Value { a + (-b) }
    public static func - (a: Value, b: Double) -> Value { a + (-b) }
    public static func - (a: Double, b: Value) -> Value { a + (-b) }
    public static func / (a: Value, b: Value) -> Value { a * b.pow(-1) }
    public static func / (a: Value, b: Double) -> Value { a * a.graph.libmPow(b, -1) }
    public static func / (a: Double, b: Value) -> Value { a * b.pow(-1) }
}

import Foundation

/// Python's `sum(values)`: starts from 0, adds left to right.
public func sum(_ values: [Value]) -> Value {
    guard let first = values.first else { preconditionFailure("sum needs at least one value") }
    return Value(first.graph, first.graph.sum(values.map(\.id)))
}
