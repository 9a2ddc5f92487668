import Foundation
import SwiftSyntax

/// One chapter's interpreter: its bindings live here; steps run in order, like notebook cells.
public final class Session {
    /// The chapter file the steps come from (for messages).
    public let file: String
    private let interpreter: Interpreter
    private let budget: StepBudget
    private let displays: DisplayConversion
    /// Every file the session's steps have read so far (absolute paths).
    public var filesRead: Set<String> { interpreter.reads.paths }

    /// The native value of the last step or expression, for tests that look at engine objects.
    /// Renderers never see it: they get `StepOutcome.display`.
    public private(set) var lastValue: Any?

    /// A fresh session for the chapter `file`, with `binding`'s builtins bound to `context`.
    public init(file: String, binding: any StepBinding, context: LibraryContext, budget: StepBudget = StepBudget()) {
        self.file = file
        self.budget = budget
        displays = DisplayConversion(binding: binding)
        interpreter = Interpreter(library: Library.standard(binding: binding, context: context))
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

    /// The first `StepLimits.diagnostics` of a step's diagnostics, the last one saying how many
    /// more there are: a step of garbage has an error every few characters.
    static func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > StepLimits.diagnostics else { return diagnostics }
        var kept = Array(diagnostics.prefix(StepLimits.diagnostics))
        kept[kept.count - 1].notes.append(.init("\(diagnostics.count - kept.count) more errors in this step are not shown"))
        return kept
    }

    /// Parses, checks and runs `code` on a deep stack (see `DeepStack` and `StepLimits`).
    private func execute(_ code: String, at origin: SourceLocation, _ body: (SourceFileSyntax) -> CodeBlockItemListSyntax?) -> StepOutcome {
        DeepStack.run { executeHere(code, at: origin, body) }
    }

    private func executeHere(_ code: String, at origin: SourceLocation, _ body: (SourceFileSyntax) -> CodeBlockItemListSyntax?) -> StepOutcome {
        let start = ContinuousClock.now
        lastValue = nil
        func failed(_ diagnostics: [Diagnostic]) -> StepOutcome {
            StepOutcome(printed: "", text: "", display: nil, diagnostics: Session.capped(diagnostics), duration: .now - start)
        }
        let source: StepSource
        do { source = try StepSource(code: code, origin: origin) } catch { return failed([error]) }
        if let syntaxErrors = source.syntaxDiagnostics() { return failed(syntaxErrors) }
        guard let items = body(source.folded) else {
            return failed([source.diagnostic(.notAnExpression, "expected a single expression", at: Syntax(source.folded))])
        }
        var outside = SubsetCheck.errors(in: items)
        if outside.isEmpty { outside = TryCheck.errors(in: items, library: interpreter.library, bound: interpreter.boundNames(in: items)) }
        if !outside.isEmpty {
            return failed(outside.map { source.diagnostic($0.id, $0.message, at: $0.node ?? Syntax(source.folded)) })
        }
        interpreter.printed = ""
        interpreter.startStep(budget: budget)
        var value: Any?
        var valueText = ""
        var diagnostics: [Diagnostic] = []
        do {
            value = try interpreter.run(items)
            if let value { valueText = try interpreter.describe(value) }
        } catch let error as StepError {
            diagnostics.append(source.diagnostic(error.id, error.message, at: error.node ?? Syntax(source.folded)))
        } catch {
            diagnostics.append(source.diagnostic(.stepFailed, String(describing: error), at: Syntax(source.folded)))
        }
        interpreter.tryDepth = 0
        let printed = interpreter.printed
        let text: String
        if let value, diagnostics.isEmpty {
            text = printed + valueText
        } else {
            text = printed.hasSuffix("\n") ? String(printed.dropLast()) : printed
        }
        lastValue = diagnostics.isEmpty ? value : nil
        return StepOutcome(printed: printed, text: text, display: lastValue.map(displays.display(of:)),
                           diagnostics: diagnostics, duration: .now - start)
    }
}
