import BookKit
import MicroGPT

/// What the engine's work costs in a step's budget, charged before the work starts so that a
/// step asking for ten million training steps stops at once instead of running for hours. One
/// operation is about 6 µs (see `StepMeter`); the engine reads a parameter at one position in
/// about 22 ns while training (`book bench`), so one operation is about 250 such reads.
enum EngineCost {
    static let readsPerOperation = 250
    /// Bytes of tape one parameter read leaves until the step ends (a node's value, gradient, links).
    static let tapeBytesPerRead = 24

    /// Charges `runs` passes over `positions` positions of a model with `parameters` weights; the
    /// tape of one pass must fit in the memory budget.
    static func charge(_ a: Arguments, parameters: Int, positions: Int, runs: Int = 1) throws {
        let reads = product(parameters, max(positions, 1))
        try a.allocate(bytes: product(reads, tapeBytesPerRead))
        try a.spend(operations: product(reads, max(runs, 1)) / readsPerOperation + 1)
    }

    /// Charges making `count` numbers (a model's weights, a copied list).
    static func charge(_ a: Arguments, numbers count: Int) throws {
        try a.allocate(bytes: product(count, 8))
        try a.spend(operations: count / 1_000 + 1)
    }

    /// `a * b`, or a number too large for any budget when that overflows.
    static func product(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow || result < 0 ? Int.max / 2 : result
    }

    /// Weights of a model of `config` over `vocabularySize` tokens (after `sized`).
    static func parameters(_ config: Config, vocabularySize: Int) -> Int {
        GPT.layout(config: config, vocabularySize: vocabularySize).reduce(0) { $0 + $1.count }
    }

    /// Positions a training step on the longest of `documents` reads: BOS and the text, cut to the block.
    static func positions(_ documents: [String], blockSize: Int) -> Int {
        min(blockSize, (documents.lazy.map { $0.unicodeScalars.count }.max() ?? 0) + 1)
    }
}
