import Foundation

// CONTRACT (lead): the interpreter's public face. The "steps" helper implements it;
// the "build" helper calls it. Signatures are fixed; bodies here are placeholders.

/// What one step (or one inline expression) produced.
public struct StepOutcome: @unchecked Sendable {
    /// The native Swift value of the last expression, nil when the step ended in a statement.
    /// Engine values are the MicroGPT types themselves (Distribution, AttentionMap, ...).
    public var value: Any?
    /// What the step printed with `print`, each call ending in "\n".
    public var printed: String
    /// The plain-text result an `output` block holds: `printed`, then the value's
    /// `String(describing:)` when there is a value (no trailing newline).
    public var text: String
    /// Errors, each at its chapter position; empty when the step ran.
    public var diagnostics: [Diagnostic]
    /// Wall-clock time the step took.
    public var duration: Duration

    public init(value: Any?, printed: String, text: String, diagnostics: [Diagnostic], duration: Duration) {
        self.value = value
        self.printed = printed
        self.text = text
        self.diagnostics = diagnostics
        self.duration = duration
    }
}

/// Limits that stop a runaway step with an error instead of a hang.
public struct StepBudget: Sendable, Hashable {
    /// Most statements and loop iterations one step may execute.
    public var operations: Int
    /// Longest wall-clock time one step may take.
    public var time: Duration
    public init(operations: Int = 5_000_000, time: Duration = .seconds(30)) {
        self.operations = operations
        self.time = time
    }
}

/// What the builtins may use from outside: the chapters folder (for `Dataset(path:)`)
/// and a cache shared by all sessions of one build (training runs are memoized there).
public final class LibraryContext: @unchecked Sendable {
    /// Relative data paths in steps resolve against this folder.
    public let chaptersDirectory: URL
    private let lock = NSLock()
    private var cache: [String: Any] = [:]
    public init(chaptersDirectory: URL) { self.chaptersDirectory = chaptersDirectory }
    /// The cached value under `key`, computed once by `make` per build.
    public func memoized<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        if let hit = cache[key] as? T { return hit }
        let value = try make()
        cache[key] = value
        return value
    }
}

/// One chapter's interpreter: its bindings live here; steps run in order, like notebook cells.
public final class Session {
    /// A fresh session for the chapter `file`, with the builtins bound to `context`.
    public init(file: String, context: LibraryContext, budget: StepBudget = StepBudget()) {
        self.file = file
    }
    public let file: String

    /// Runs a step's code; `origin` is the chapter position of the code's first character.
    public func run(step code: String, at origin: SourceLocation) -> StepOutcome {
        StepOutcome(value: nil, printed: "", text: "", diagnostics: [Diagnostic("the interpreter is not built yet", at: origin)], duration: .zero)
    }

    /// Evaluates one inline expression (the text after `=` in `` `=expr` ``).
    public func evaluate(expression: String, at origin: SourceLocation) -> StepOutcome {
        run(step: expression, at: origin)
    }
}
