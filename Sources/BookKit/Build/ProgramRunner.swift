/// What runs a chapter's steps: the interpreter's `Session`, or a stand-in in tests.
protocol StepRunning: AnyObject {
    func run(step code: String, at origin: SourceLocation) -> StepOutcome
    func evaluate(expression: String, at origin: SourceLocation) -> StepOutcome
}

extension Session: StepRunning {}

/// Makes the session of one chapter file.
typealias SessionFactory = (_ file: String, _ context: LibraryContext, _ budget: StepBudget) -> any StepRunning

/// Runs chapter programs, each distinct program once per build, and hands every chapter the
/// outcomes of its items with error positions moved into that chapter's file.
final class ProgramRunner {
    private let context: LibraryContext
    private let budget: StepBudget
    private let makeSession: SessionFactory
    /// Outcomes by program, with the chapter that ran it.
    private var done: [[String]: (chapter: Chapter, outcomes: [StepOutcome])] = [:]

    init(context: LibraryContext, budget: StepBudget, makeSession: @escaping SessionFactory) {
        self.context = context
        self.budget = budget
        self.makeSession = makeSession
    }

    /// The outcome of each item of `chapter`, and the file whose run they come from when they were
    /// reused (nil when this call ran them).
    func outcomes(for chapter: Chapter) -> (outcomes: [StepOutcome], reusedFrom: String?) {
        let program = chapter.program
        if let previous = done[program] {
            let moved = zip(chapter.items, previous.outcomes).map { item, outcome in
                Self.move(outcome, from: previous.chapter, to: chapter, item: item)
            }
            return (moved, previous.chapter.source.file)
        }
        let session = makeSession(chapter.source.file, context, budget)
        let outcomes = chapter.items.map { item -> StepOutcome in
            switch item {
            case .step(let i): return session.run(step: chapter.steps[i].code, at: chapter.steps[i].origin)
            case .inline(let i): return session.evaluate(expression: chapter.inlines[i].expression, at: chapter.inlines[i].origin)
            }
        }
        done[program] = (chapter, outcomes)
        return (outcomes, nil)
    }

    /// `outcome` of `item` as if `target` had run it: the same code sits at another position there.
    private static func move(_ outcome: StepOutcome, from source: Chapter, to target: Chapter, item: ChapterItem) -> StepOutcome {
        guard !outcome.diagnostics.isEmpty else { return outcome }
        let old = source.origin(of: item), new = target.origin(of: item)
        var moved = outcome
        moved.diagnostics = outcome.diagnostics.map { diagnostic in
            guard diagnostic.location.file == old.file else { return diagnostic }
            var location = diagnostic.location
            // Every code line is shifted by the fence's indentation, so every column moves alike.
            location.column += new.column - old.column
            location.line += new.line - old.line
            location.file = new.file
            return Diagnostic(diagnostic.message, at: location,
                              sourceLine: diagnostic.sourceLine == nil ? nil : target.source.line(location.line))
        }
        return moved
    }
}
