import Foundation

extension Array where Element: Sendable {
    /// `map` with the elements' transforms spread over the machine's cores; results in order.
    /// For independent, pure work (a chapter's page, a page's attributes).
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = ConcurrentResults<Result>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let items = self
            DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, transform(items[i])) }
        }
        return results.values.compactMap { $0 }
    }
}

/// Results written by several threads, each to its own index.
private final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Value) {
        lock.lock(); defer { lock.unlock() }
        values[i] = value
    }
}
