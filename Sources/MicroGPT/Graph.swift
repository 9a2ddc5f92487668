import Foundation

/// The tape that scalar autograd records on: one fixed-size record per operation in one
/// contiguous buffer (no heap object per node), so a training step of ~50,000 nodes stays fast.
///
/// Every operation is recorded the way microgpt.py's `Value` builds it, and `backward`
/// visits the nodes in the order of microgpt.py's depth-first topological sort, so gradients
/// are bit-identical. (Training and sampling run on `Network` instead; the tape serves the
/// chapters' small graphs, `lossValue` and the model's windows, and checks `Network` in tests.) A constant operand (microgpt.py wraps it in a fresh leaf `Value` that
/// nothing reads the gradient of) is folded into the local gradient: child index -1.
public final class Graph: @unchecked Sendable {
    /// The operation that made a node, for display.
    public enum Operation: UInt8, Sendable {
        case leaf, add, multiply, power, log, exp, relu
        /// `sum(a[j] * b[j] for j)`, recorded as one node (see `dot`).
        case dot
    }

    /// A node's local gradients: d(node)/d(child0) and d(node)/d(child1).
    struct Local {
        var local0: Double
        var local1: Double
    }
    /// A node's inputs (-1: none, or a folded constant).
    struct Link {
        var child0: Int32
        var child1: Int32
    }

    // One buffer per field, so each pass touches only what it reads: the topological sort the
    // links, the backward pass the gradients and local gradients.
    private(set) var data: UnsafeMutablePointer<Double>
    private(set) var grads: UnsafeMutablePointer<Double>
    private(set) var locals: UnsafeMutablePointer<Local>
    private(set) var links: UnsafeMutablePointer<Link>
    private(set) var operations: UnsafeMutablePointer<Operation>
    private var capacity: Int
    /// The operands of `dot` nodes: for each, its length n, then a₀, b₀, a₁, b₁, ... (a raw buffer:
    /// appending to a Swift array on a class pays an exclusivity check per element).
    private var operands: UnsafeMutablePointer<Int32>
    private var operandCount = 0
    private var operandCapacity: Int
    /// How many nodes have been recorded.
    public private(set) var count = 0
    var labels: [Int: String] = [:]
    /// libm's `pow`, through a pointer the optimiser cannot see through (see `power`).
    private var pow: @convention(c) (Double, Double) -> Double = { Foundation.pow($0, $1) }

    /// An empty tape.
    public init() {
        capacity = 64
        data = .allocate(capacity: capacity)
        grads = .allocate(capacity: capacity)
        locals = .allocate(capacity: capacity)
        links = .allocate(capacity: capacity)
        operations = .allocate(capacity: capacity)
        operandCapacity = 256
        operands = .allocate(capacity: operandCapacity)
    }

    deinit {
        data.deallocate()
        grads.deallocate()
        locals.deallocate()
        links.deallocate()
        operations.deallocate()
        operands.deallocate()
    }

    /// How many scalar nodes microgpt.py would build for this tape: a dot of n pairs stands for its
    /// n products and n sums. (Constants, which microgpt.py also wraps in nodes, are not counted.)
    public var scalarCount: Int {
        (0..<count).reduce(count) { total, v in
            links[v].child0 == -2 ? total + 2 * Int(operands[Int(links[v].child1)]) - 1 : total
        }
    }

    /// Makes room for `n` nodes in total.
    func reserve(_ n: Int) {
        guard n > capacity else { return }
        func grow<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let bigger = UnsafeMutablePointer<T>.allocate(capacity: n)
            bigger.moveInitialize(from: old, count: count)
            old.deallocate()
            return bigger
        }
        data = grow(data)
        grads = grow(grads)
        locals = grow(locals)
        links = grow(links)
        operations = grow(operations)
        capacity = n
    }

    @inline(__always) func data(_ i: Int32) -> Double { data[Int(i)] }
    @inline(__always) func grad(_ i: Int32) -> Double { grads[Int(i)] }

    @inline(__always)
    private func record(_ value: Double, _ op: Operation, _ c0: Int32, _ l0: Double, _ c1: Int32 = -1, _ l1: Double = 0) -> Int32 {
        if count == capacity { reserve(capacity * 2) }
        (data + count).initialize(to: value)
        (grads + count).initialize(to: 0)
        (locals + count).initialize(to: Local(local0: l0, local1: l1))
        (links + count).initialize(to: Link(child0: c0, child1: c1))
        (operations + count).initialize(to: op)
        count += 1
        return Int32(count - 1)
    }

    /// A leaf holding `value` (a parameter or an input).
    @inline(__always) func leaf(_ value: Double) -> Int32 { record(value, .leaf, -1, 0) }

    /// `a + b`.
    @inline(__always) func add(_ a: Int32, _ b: Int32) -> Int32 {
        record(data(a) + data(b), .add, a, 1, b, 1)
    }
    /// `a + c` for a constant `c` (microgpt.py: `a + Value(c)`).
    @inline(__always) func add(_ a: Int32, constant c: Double) -> Int32 {
        record(data(a) + c, .add, a, 1)
    }
    /// `a * b`.
    @inline(__always) func multiply(_ a: Int32, _ b: Int32) -> Int32 {
        let x = data(a), y = data(b)
        return record(x * y, .multiply, a, y, b, x)
    }
    /// `a * c` for a constant `c`.
    @inline(__always) func multiply(_ a: Int32, constant c: Double) -> Int32 {
        record(data(a) * c, .multiply, a, c)
    }
    /// `a ** p` for a constant exponent. CPython calls libm's `pow`; so do we, through a
    /// pointer, because LLVM would turn `pow(x, -1)` into `1 / x`, which can differ in the last bit.
    /// The node has no second input, so its second local gradient (never read) keeps `p`, for
    /// pictures of the graph.
    @inline(__always) func power(_ a: Int32, _ p: Double) -> Int32 {
        let x = data(a)
        return record(pow(x, p), .power, a, p * pow(x, p - 1), -1, p)
    }
    /// A new node computed exactly as `node` was: same operation, inputs and numbers. microgpt.py
    /// builds `total ** -1` afresh for every `e / total`; this records those nodes without calling
    /// libm again for a number it has already given.
    @inline(__always) func repeated(_ node: Int32) -> Int32 {
        let v = Int(node), local = locals[v], link = links[v]
        precondition(link.child0 != -2, "a dot node cannot be repeated")
        return record(data[v], operations[v], link.child0, local.local0, link.child1, local.local1)
    }
    /// libm's `pow(x, y)` as CPython computes `x ** y`.
    @inline(__always) func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
    /// `log(a)`.
    @inline(__always) func log(_ a: Int32) -> Int32 {
        let x = data(a)
        return record(Foundation.log(x), .log, a, 1 / x)
    }
    /// `exp(a)`.
    @inline(__always) func exp(_ a: Int32) -> Int32 {
        let x = data(a)
        return record(Foundation.exp(x), .exp, a, Foundation.exp(x))
    }
    /// `relu(a)`: `max(0, a)`, local gradient 1 where a > 0.
    @inline(__always) func relu(_ a: Int32) -> Int32 {
        let x = data(a)
        return record(x > 0 ? x : 0, .relu, a, x > 0 ? 1 : 0)
    }
    /// `sum(a[j] * b[j] for j)` as microgpt.py computes it (`0 + a₀b₀`, then left to right), recorded
    /// as one node instead of 2n. Its backward pass does exactly what the 2n nodes would: every
    /// product's gradient is the sum's, and the products pass it on last to first, each to its a then
    /// its b, so every gradient accumulates in microgpt.py's order.
    @inline(__always)
    func dot(_ n: Int, _ a: (Int) -> Int32, _ b: (Int) -> Int32) -> Int32 {
        let start = operandCount
        if start + 2 * n + 1 > operandCapacity {
            let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: max(2 * operandCapacity, start + 2 * n + 1))
            bigger.moveInitialize(from: operands, count: start)
            operands.deallocate()
            operands = bigger
            operandCapacity = max(2 * operandCapacity, start + 2 * n + 1)
        }
        let slots = operands + start, data = self.data
        slots[0] = Int32(n)
        var total = 0.0
        for j in 0..<n {
            let x = a(j), y = b(j)
            slots[1 + 2 * j] = x
            slots[2 + 2 * j] = y
            total = j == 0 ? data[Int(x)] * data[Int(y)] + 0 : total + data[Int(x)] * data[Int(y)]
        }
        operandCount = start + 2 * n + 1
        return record(total, .dot, -2, 0, Int32(start), 0)
    }

    /// The inputs of node `v` in order (a dot node's are a₀, b₀, a₁, b₁, ...; constants are left out).
    func inputs(of v: Int) -> [Int32] {
        let link = links[v]
        if link.child0 == -2 {
            let start = Int(link.child1), n = Int(operands[start])
            return Array(UnsafeBufferPointer(start: operands + start + 1, count: 2 * n))
        }
        return [link.child0, link.child1].filter { $0 >= 0 }
    }

    /// Python's `sum(xs)`: `0 + xs[0]` (through `__radd__`), then left to right.
    func sum(_ xs: [Int32]) -> Int32 {
        var total = add(xs[0], constant: 0)
        for i in 1..<xs.count { total = add(total, xs[i]) }
        return total
    }

    /// Sets every gradient reachable from `root` as microgpt.py's `backward()` does:
    /// depth-first topological order over children in order, then `child.grad += local * grad`
    /// in reverse. Gradients already on the tape are kept (they accumulate, as in Python).
    public func backward(from root: Int32) {
        let order = topologicalOrder(from: root)
        grads[Int(root)] = 1
        propagate(order)
    }

    /// microgpt.py's `build_topo`: the nodes reachable from `root` in depth-first post-order,
    /// children in order (a dot node's are a₀, b₀, a₁, b₁, ..., as its products would list them).
    func topologicalOrder(from root: Int32) -> [Int32] {
        let n = count
        let visited = UnsafeMutablePointer<Bool>.allocate(capacity: n)
        visited.initialize(repeating: false, count: n)
        // The walk's stack: a node and the index of its next input to look at.
        let stack = UnsafeMutablePointer<(node: Int32, next: Int32)>.allocate(capacity: n + 1)
        defer { visited.deallocate(); stack.deallocate() }
        var order: [Int32] = []
        let operands = self.operands, links = self.links
        var depth = 1
        stack[0] = (root, 0)
        visited[Int(root)] = true
        while depth > 0 {
            let (node, next) = stack[depth - 1]
            let link = links[Int(node)]
            let child: Int32
            if link.child0 == -2 {
                let start = Int(link.child1)
                child = next < 2 * operands[start] ? operands[start + 1 + Int(next)] : -3
            } else {
                child = next == 0 ? link.child0 : next == 1 ? link.child1 : -3
            }
            if child == -3 {
                depth -= 1
                order.append(node)
                continue
            }
            stack[depth - 1].next = next + 1
            guard child >= 0, !visited[Int(child)] else { continue }
            visited[Int(child)] = true
            stack[depth] = (child, 0)
            depth += 1
        }
        return order
    }

    /// `child.grad += local * grad` for each node of `order`, last node first.
    func propagate(_ order: [Int32]) {
        order.withUnsafeBufferPointer { order in
            do {
                let operands = self.operands, links = self.links, locals = self.locals, grads = self.grads, data = self.data
                for v in order.reversed() {
                    let g = grads[Int(v)], link = links[Int(v)]
                    if link.child0 == -2 {
                        // A dot node: its products, last to first, each to its a, then its b.
                        let start = Int(link.child1)
                        var j = Int(operands[start]) - 1
                        while j >= 0 {
                            let a = Int(operands[start + 1 + 2 * j]), b = Int(operands[start + 2 + 2 * j])
                            grads[a] += data[b] * g
                            grads[b] += data[a] * g
                            j -= 1
                        }
                        continue
                    }
                    let local = locals[Int(v)]
                    if link.child0 >= 0 { grads[Int(link.child0)] += local.local0 * g }
                    if link.child1 >= 0 { grads[Int(link.child1)] += local.local1 * g }
                }
            }
        }
    }
}
