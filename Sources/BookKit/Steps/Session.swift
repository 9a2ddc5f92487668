import Foundation
import SwiftSyntax

// CONTRACT (lead): the interpreter's public face. The "steps" helper implements it;
// the "build" helper calls it. Signatures are fixed.

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
    /// The chapter file the steps come from (for messages).
    public let file: String
    private let interpreter: Interpreter
    private let budget: StepBudget

    /// A fresh session for the chapter `file`, with the builtins bound to `context`.
    public init(file: String, context: LibraryContext, budget: StepBudget = StepBudget()) {
        self.file = file
        self.budget = budget
        interpreter = Interpreter(library: Library.standard(context: context))
    }

    /// Runs a step's code; `origin` is the chapter position of the code's first character.
    public func run(step code: String, at origin: SourceLocation) -> StepOutcome {
        execute(code, at: origin) { file in file.statements }
    }

    /// Evaluates one inline expression (the text after `=` in `` `=expr` ``).
    public func evaluate(expression: String, at origin: SourceLocation) -> StepOutcome {
        execute(expression, at: origin) { file in
            file.statements.count == 1 && file.statements.first.map { if case .expr = $0.item { true } else { false } } == true ? file.statements : nil
        }
    }

    private func execute(_ code: String, at origin: SourceLocation, _ body: (SourceFileSyntax) -> CodeBlockItemListSyntax?) -> StepOutcome {
        let start = ContinuousClock.now
        let source = StepSource(code: code, origin: origin)
        if let syntaxErrors = source.syntaxDiagnostics() {
            return StepOutcome(value: nil, printed: "", text: "", diagnostics: syntaxErrors, duration: .now - start)
        }
        guard let items = body(source.folded) else {
            let diagnostic = source.diagnostic("expected a single expression", at: Syntax(source.folded))
            return StepOutcome(value: nil, printed: "", text: "", diagnostics: [diagnostic], duration: .now - start)
        }
        let outside = SubsetCheck.errors(in: items)
        if !outside.isEmpty {
            let diagnostics = outside.map { source.diagnostic($0.message, at: $0.node ?? Syntax(source.folded)) }
            return StepOutcome(value: nil, printed: "", text: "", diagnostics: diagnostics, duration: .now - start)
        }
        interpreter.printed = ""
        interpreter.startStep(budget: budget)
        var value: Any?
        var diagnostics: [Diagnostic] = []
        do {
            value = try interpreter.run(items)
        } catch let error as StepError {
            diagnostics.append(source.diagnostic(error.message, at: error.node ?? Syntax(source.folded)))
        } catch {
            diagnostics.append(source.diagnostic(String(describing: error), at: Syntax(source.folded)))
        }
        interpreter.tryDepth = 0
        let printed = interpreter.printed
        let text: String
        if let value, diagnostics.isEmpty {
            text = printed + String(describing: value)
        } else {
            text = printed.hasSuffix("\n") ? String(printed.dropLast()) : printed
        }
        return StepOutcome(value: diagnostics.isEmpty ? value : nil, printed: printed, text: text,
                           diagnostics: diagnostics, duration: .now - start)
    }
}
