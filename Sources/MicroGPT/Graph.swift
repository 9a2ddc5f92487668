import Foundation

/// The tape that scalar autograd records on: one entry per operation, stored as plain arrays
/// (no heap object per node), so a training step of tens of thousands of nodes stays fast.
///
/// Every operation is recorded the way microgpt.py's `Value` builds it, and `backward`
/// visits the nodes in the order of microgpt.py's depth-first topological sort, so gradients
/// are bit-identical. A constant operand (microgpt.py wraps it in a fresh leaf `Value` that
/// nothing reads the gradient of) is folded into the local gradient: child index -1.
public final class Graph: @unchecked Sendable {
    /// The operation that made a node, for display.
    public enum Operation: UInt8, Sendable {
        case leaf, add, multiply, power, log, exp, relu
    }

    var data: [Double] = []
    var grad: [Double] = []
    var child0: [Int32] = []
    var child1: [Int32] = []
    var local0: [Double] = []
    var local1: [Double] = []
    var operation: [Operation] = []
    var labels: [Int: String] = [:]
    private var visited: [Bool] = []
    private var topo: [Int32] = []
    private var stack: [(node: Int32, next: UInt8)] = []

    /// An empty tape.
    public init() {}

    /// How many nodes have been recorded.
    public var count: Int { data.count }

    /// Forgets every node from `count` on (a training step reuses the tape; capacity is kept).
    func truncate(to count: Int) {
        let n = data.count - count
        guard n > 0 else { return }
        data.removeLast(n); grad.removeLast(n); child0.removeLast(n); child1.removeLast(n)
        local0.removeLast(n); local1.removeLast(n); operation.removeLast(n)
        labels = labels.filter { $0.key < count }
    }

    @inline(__always)
    func record(_ value: Double, _ op: Operation, _ c0: Int32 = -1, _ l0: Double = 0, _ c1: Int32 = -1, _ l1: Double = 0) -> Int32 {
        data.append(value); grad.append(0)
        child0.append(c0); local0.append(l0); child1.append(c1); local1.append(l1)
        operation.append(op)
        return Int32(data.count - 1)
    }

    /// A leaf holding `value` (a parameter or an input).
    @inline(__always) func leaf(_ value: Double) -> Int32 { record(value, .leaf) }

    /// `a + b`.
    @inline(__always) func add(_ a: Int32, _ b: Int32) -> Int32 {
        record(data[Int(a)] + data[Int(b)], .add, a, 1, b, 1)
    }
    /// `a + c` for a constant `c` (microgpt.py: `a + Value(c)`).
    @inline(__always) func add(_ a: Int32, constant c: Double) -> Int32 {
        record(data[Int(a)] + c, .add, a, 1)
    }
    /// `a * b`.
    @inline(__always) func multiply(_ a: Int32, _ b: Int32) -> Int32 {
        let x = data[Int(a)], y = data[Int(b)]
        return record(x * y, .multiply, a, y, b, x)
    }
    /// `a * c` for a constant `c`.
    @inline(__always) func multiply(_ a: Int32, constant c: Double) -> Int32 {
        record(data[Int(a)] * c, .multiply, a, c)
    }
    /// `a ** p` for a constant exponent, with libm's `pow` like CPython.
    @inline(__always) func power(_ a: Int32, _ p: Double) -> Int32 {
        let x = data[Int(a)]
        return record(libmPow(x, p), .power, a, p * libmPow(x, p - 1))
    }
    /// `log(a)`.
    @inline(__always) func log(_ a: Int32) -> Int32 {
        let x = data[Int(a)]
        return record(Foundation.log(x), .log, a, 1 / x)
    }
    /// `exp(a)`.
    @inline(__always) func exp(_ a: Int32) -> Int32 {
        let x = data[Int(a)]
        return record(Foundation.exp(x), .exp, a, Foundation.exp(x))
    }
    /// `relu(a)`: `max(0, a)`, local gradient 1 where a > 0.
    @inline(__always) func relu(_ a: Int32) -> Int32 {
        let x = data[Int(a)]
        return record(x > 0 ? x : 0, .relu, a, x > 0 ? 1 : 0)
    }
    /// Python's `sum(xs)`: `0 + xs[0]` (through `__radd__`), then left to right.
    func sum(_ xs: [Int32]) -> Int32 {
        var total = add(xs[0], constant: 0)
        for x in xs.dropFirst() { total = add(total, x) }
        return total
    }

    /// Sets every gradient reachable from `root` as microgpt.py's `backward()` does:
    /// depth-first topological order over children in order, then `child.grad += local * grad`
    /// in reverse. Gradients already on the tape are kept (they accumulate, as in Python).
    public func backward(from root: Int32) {
        let r = Int(root)
        if visited.count < data.count { visited.append(contentsOf: repeatElement(false, count: data.count - visited.count)) }
        topo.removeAll(keepingCapacity: true)
        visited[r] = true
        stack.append((root, 0))
        while let top = stack.last {
            let v = Int(top.node)
            let child: Int32 = top.next == 0 ? child0[v] : top.next == 1 ? child1[v] : -2
            if child == -2 {
                stack.removeLast()
                topo.append(top.node)
                continue
            }
            stack[stack.count - 1].next += 1
            if child >= 0 && !visited[Int(child)] {
                visited[Int(child)] = true
                stack.append((child, 0))
            }
        }
        grad[r] = 1
        data.withUnsafeBufferPointer { _ in
            grad.withUnsafeMutableBufferPointer { g in
                for node in topo.reversed() {
                    let v = Int(node), gv = g[v]
                    let c0 = Int(child0[v]), c1 = Int(child1[v])
                    if c0 >= 0 { g[c0] += local0[v] * gv }
                    if c1 >= 0 { g[c1] += local1[v] * gv }
                }
            }
        }
        for node in topo { visited[Int(node)] = false }
    }
}

extension Graph {
    func reserve(_ n: Int) {
        data.reserveCapacity(n); grad.reserveCapacity(n); child0.reserveCapacity(n); child1.reserveCapacity(n)
        local0.reserveCapacity(n); local1.reserveCapacity(n); operation.reserveCapacity(n)
    }
}
