import Synchronization

/// A widget's drawn text (its JSON, or its whole HTML) by what it is drawn from. `book serve`
/// redraws a page on every prose edit, while its widgets (tens of thousands of numbers, most of
/// the page's drawing time) rarely change with it. The key is the whole input, so a hit is always
/// the same text; only the latest few are kept.
final class WidgetMemo<Key: Hashable & Sendable>: Sendable {
    private let entries = Mutex<[Key: String]>([:])
    private let capacity: Int

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The text drawn from `key`, drawn now by `draw` unless it was drawn before.
    func text(_ key: Key, draw: () -> String) -> String {
        if let drawn = entries.withLock({ $0[key] }) { return drawn }
        let drawn = draw()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = drawn
        }
        return drawn
    }
}
