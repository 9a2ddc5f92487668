import Foundation

/// What runs a chapter's steps: the interpreter's `Session`, or a stand-in in tests.
public protocol StepRunning: AnyObject {
    func run(step code: String, at origin: SourceLocation) -> StepOutcome
    func evaluate(expression: String, at origin: SourceLocation) -> StepOutcome
    /// The files the steps read (absolute paths): what a cached result depends on besides its code.
    var filesRead: Set<String> { get }
}

extension StepRunning {
    public var filesRead: Set<String> { [] }
}

extension Session: StepRunning {}

/// Makes the session of one chapter file.
public typealias SessionFactory = (_ file: String, _ context: LibraryContext, _ budget: StepBudget) -> any StepRunning

/// Runs every step and inline expression of `chapter` in order in `session`, like notebook cells:
/// the outcome of each of `chapter.items`. The one loop that runs a chapter; `after` sees each
/// item's outcome as soon as it is there (tests look at the session then).
public func runChapter(_ chapter: Chapter, in session: any StepRunning,
                       after: (ChapterItem, StepOutcome) -> Void = { _, _ in }) -> [StepOutcome] {
    chapter.items.map { item in
        let outcome: StepOutcome
        switch item {
        case .step(let i): outcome = session.run(step: chapter.steps[i].code, at: chapter.steps[i].origin)
        case .inline(let i): outcome = session.evaluate(expression: chapter.inlines[i].expression, at: chapter.inlines[i].origin)
        }
        after(item, outcome)
        return outcome
    }
}

/// What the runner is doing, for a progress display: the chapter files whose programs are about to
/// run, then each one as it starts and ends (reported from the thread that runs it).
public enum ChapterActivity: Sendable, Equatable {
    case queued(files: [String])
    case started(file: String)
    case finished(file: String)
}

/// Runs chapter programs, each distinct program once for the life of a project and distinct
/// programs side by side on the machine's cores, and hands every chapter the outcomes of its items
/// with error positions moved into that chapter's file.
final class ChapterRunner {
    private let context: LibraryContext
    private let budget: StepBudget
    private let makeSession: SessionFactory
    /// Results kept between builds; nil runs everything anew.
    private let cache: ResultCache?
    /// Runs by program, for the life of the project.
    private var done: [[String]: ProgramRun] = [:]
    /// Programs whose results came from the cache in this project.
    private(set) var fromCache: Set<[String]> = []
    /// Told when programs start and end; called from several threads at once.
    var activity: @Sendable (ChapterActivity) -> Void = { _ in }

    init(context: LibraryContext, budget: StepBudget, cache: ResultCache?, makeSession: @escaping SessionFactory) {
        (self.context, self.budget, self.cache, self.makeSession) = (context, budget, cache, makeSession)
    }

    /// Runs every program of `chapters` that has not run yet, the first chapter with each program
    /// running it, several at once. The order of `chapters` decides who runs what, so every build
    /// gives the same results.
    func run(_ chapters: [Chapter]) {
        var firsts: [Chapter] = []
        var seen: Set<[String]> = []
        var fileHashes: [String: String] = [:]
        for chapter in chapters where done[chapter.program] == nil && seen.insert(chapter.program).inserted {
            if let kept = cache?.lookup(chapter.program, fileHashes: &fileHashes) {
                done[chapter.program] = kept
                fromCache.insert(chapter.program)
            } else {
                firsts.append(chapter)
            }
        }
        // Sessions are made here, one per program, so the factory need not be thread-safe; each
        // session is then used by one thread only.
        let jobs = Jobs(chapters: firsts, sessions: firsts.map { makeSession($0.source.file, context, budget) }, activity: activity)
        if !firsts.isEmpty { activity(.queued(files: firsts.map(\.source.file))) }
        DispatchQueue.concurrentPerform(iterations: firsts.count) { i in jobs.run(i) }
        for (i, chapter) in firsts.enumerated() {
            let run = ProgramRun(file: chapter.source.file, origins: chapter.items.map(chapter.origin(of:)), outcomes: jobs.outcomes[i] ?? [])
            done[chapter.program] = run
            // A step stopped by its time budget might finish another time: such a run is not kept.
            if !run.outcomes.contains(where: { $0.diagnostics.contains { $0.id == .budget } }) {
                cache?.store(chapter.program, run: run, reads: jobs.sessions[i].filesRead)
            }
        }
    }

    /// The outcome of each item of `chapter` (running it if `run` did not), and the file whose run
    /// they come from when another chapter ran them.
    func outcomes(for chapter: Chapter) -> (outcomes: [StepOutcome], reusedFrom: String?) {
        if done[chapter.program] == nil { run([chapter]) }
        guard let previous = done[chapter.program] else { return ([], nil) }
        let moved = zip(zip(chapter.items, previous.origins), previous.outcomes).map { pair, outcome in
            Self.move(outcome, from: pair.1, to: chapter, item: pair.0)
        }
        return (moved, previous.file == chapter.source.file ? nil : previous.file)
    }

    /// Chapters run by several threads, job `i` by one thread only, in its own session.
    private final class Jobs: @unchecked Sendable {
        let chapters: [Chapter]
        let sessions: [any StepRunning]
        let activity: @Sendable (ChapterActivity) -> Void
        private let lock = NSLock()
        private(set) var outcomes: [[StepOutcome]?]

        init(chapters: [Chapter], sessions: [any StepRunning], activity: @escaping @Sendable (ChapterActivity) -> Void) {
            (self.chapters, self.sessions, self.activity) = (chapters, sessions, activity)
            outcomes = Array(repeating: nil, count: chapters.count)
        }

        func run(_ i: Int) {
            activity(.started(file: chapters[i].source.file))
            let result = runChapter(chapters[i], in: sessions[i])
            lock.lock()
            outcomes[i] = result
            lock.unlock()
            activity(.finished(file: chapters[i].source.file))
        }
    }

    /// `outcome` of `item` as if `target` had run it: the same code sits at another position there
    /// than at `old`, where it was run.
    private static func move(_ outcome: StepOutcome, from old: SourceLocation, to target: Chapter, item: ChapterItem) -> StepOutcome {
        guard !outcome.diagnostics.isEmpty else { return outcome }
        let new = target.origin(of: item)
        var moved = outcome
        moved.diagnostics = outcome.diagnostics.map { diagnostic in
            guard diagnostic.location.file == old.file else { return diagnostic }
            var moved = diagnostic
            // Every code line is shifted by the fence's indentation, so every column moves alike.
            moved.location.column += new.column - old.column
            moved.location.line += new.line - old.line
            moved.location.file = new.file
            if diagnostic.sourceLine != nil { moved.sourceLine = target.source.line(moved.location.line) }
            return moved
        }
        return moved
    }
}
