import Foundation
import SwiftSyntax

/// Limits that stop a runaway step with an error instead of a hang or a failed allocation.
public struct StepBudget: Sendable, Hashable {
    /// Most operations one step may spend: each statement, loop iteration and closure call is
    /// one; builtins and values that grow are charged their estimated work (see `StepMeter`).
    public var operations: Int
    /// Longest wall-clock time one step may take.
    public var time: Duration
    /// Most bytes one value made by a step may take (an array, a string, a model's tape).
    public var memory: Int

    public init(operations: Int = 5_000_000, time: Duration = .seconds(30), memory: Int = 1 << 30) {
        self.operations = operations
        self.time = time
        self.memory = memory
    }
}

/// Counts what one step spends against its budget. The interpreter ticks once per statement,
/// iteration and call; work done at once (a builtin that trains a model, an array that doubles)
/// is charged before it starts, so that it is refused instead of running past the budget.
/// One operation is about 6 µs of work: the default time over the default operations.
public final class StepMeter {
    private(set) var budget = StepBudget()
    private var used = 0
    private var deadline = ContinuousClock.now

    /// Bytes an array element is taken to need (a Double needs 8, an element of `[Any]` 32).
    static let bytesPerElement = 16
    /// Elements copied per operation, and string bytes per operation: copying is cheap, but a
    /// step that keeps doubling an array must reach the budget long before the machine's memory.
    static let elementsPerOperation = 16
    static let bytesPerOperation = 256

    /// Starts a new step's budget.
    func start(_ budget: StepBudget) {
        self.budget = budget
        used = 0
        deadline = .now + budget.time
    }

    /// Counts one operation; throws (without a position: the loop or step places it) when the budget is spent.
    func tick() throws {
        used += 1
        if used > budget.operations || (used & 1023 == 0 && ContinuousClock.now > deadline) {
            throw exhausted()
        }
    }

    /// Throws the budget error now when `count` more operations would not fit in the budget
    /// (a method over a huge range, which would otherwise build the whole array first).
    func reserve(_ count: Int) throws {
        if count > budget.operations - used { throw exhausted() }
    }

    /// Charges `operations` of work about to be done at once: refused, at `node` when given,
    /// when it does not fit in what is left or the time is up.
    public func spend(operations: Int, at node: Syntax? = nil) throws {
        let left = budget.operations - used
        if operations > left {
            throw StepError("step would run past its budget (\(limits)): this needs about \(operations) operations and \(max(0, left)) are left",
                            node: node, id: .budget)
        }
        used += operations
        if ContinuousClock.now > deadline { throw exhausted() }
    }

    /// Checks that a value of `bytes` fits in the memory budget.
    public func allocate(bytes: Int, at node: Syntax? = nil) throws {
        if bytes > budget.memory {
            throw StepError("step would use more memory than its budget (\(size(budget.memory))): this value needs about \(size(bytes))",
                            node: node, id: .budget)
        }
    }

    /// Charges making an array of `count` elements (copied or new).
    public func spend(elements count: Int, at node: Syntax? = nil) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: StepMeter.bytesPerElement)
        try allocate(bytes: overflow ? .max : bytes, at: node)
        try spend(operations: count / StepMeter.elementsPerOperation, at: node)
    }

    /// Charges making a string of `count` UTF-8 bytes.
    public func spend(bytes count: Int, at node: Syntax? = nil) throws {
        try allocate(bytes: count, at: node)
        try spend(operations: count / StepMeter.bytesPerOperation, at: node)
    }

    private var limits: String {
        let seconds = Double(budget.time.components.seconds) + Double(budget.time.components.attoseconds) / 1e18
        let time = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "\(budget.operations) operations / \(time) s"
    }

    /// `1 MB`, `1.2 MB`, `640 KB`, `12 bytes`: rounded up, so that a value over the budget never
    /// reads as equal to it.
    private func size(_ bytes: Int) -> String {
        for (unit, shift) in [("TB", 40), ("GB", 30), ("MB", 20)] where bytes >= 1 << shift {
            let rest = (bytes & ((1 << shift) - 1)) * 10
            let tenths = (bytes >> shift) * 10 + rest >> shift + (rest & ((1 << shift) - 1) == 0 ? 0 : 1)
            return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + " " + unit
        }
        if bytes >= 1 << 10 { return "\(bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1)) KB" }
        return "\(bytes) bytes"
    }

    private func exhausted() -> StepError {
        StepError("step ran longer than its budget (\(limits)); a loop that never ends?", id: .budget)
    }
}
