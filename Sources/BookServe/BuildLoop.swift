import BookKit
import Foundation
import Synchronization

/// What the server did after a look at the chapters.
public enum ServeEvent: Sendable {
    /// A build succeeded; `changed` are the files that prompted it (empty for the first).
    case built(BuildReport, changed: [String], duration: Duration)
    /// A build failed; the last good pages stay up.
    case failed(BuildError, changed: [String], duration: Duration)
}

/// Builds the book, then again whenever a file under the chapters folder changes (once it has
/// stopped changing), and hands each result to the hub. It runs on a thread of its own: a build can train a model for
/// minutes and must not hold up the tasks that answer requests.
///
/// A chapter edit goes to the same long-lived `Project`, which reruns only the chapter programs
/// whose code changed (a prose edit reruns none). A data file edit starts a new `Project`: its
/// memo of runs knows programs by their code alone, while the result cache on disk also checks
/// the data each program read, so only the programs that read the changed file run again.
final class BuildLoop: Sendable {
    private let chapters: URL
    private let interval: Duration
    private let makeProject: @Sendable () -> Project
    private let hub: LiveHub
    private let events: @Sendable (ServeEvent) -> Void
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(chapters: URL, interval: Duration, makeProject: @escaping @Sendable () -> Project, hub: LiveHub,
         events: @escaping @Sendable (ServeEvent) -> Void) {
        (self.chapters, self.interval, self.makeProject, self.hub, self.events) = (chapters, interval, makeProject, hub, events)
    }

    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "book serve builds"
        thread.stackSize = 16 << 20  // the interpreter recurses as deep as a step's expressions
        thread.start()
    }

    /// Stops watching; waits for a build under way to end for at most `patience` (a Ctrl-C must
    /// not wait for a training run: its results are kept only when whole, so nothing is lost).
    func stop(patience: Duration = .seconds(2)) {
        stopping.store(true, ordering: .relaxed)
        let seconds = Double(patience.components.seconds) + Double(patience.components.attoseconds) / 1e18
        _ = finished.wait(timeout: .now() + seconds)
    }

    private func run() {
        var project = makeProject()
        // Looked at before the first build, so that an edit made while it runs is built next.
        var watcher = FolderWatcher(root: chapters)
        let wakeup = FolderWakeup(root: chapters)
        var indexDue = build(project, changed: []) ? ContinuousClock.now + Self.indexDelay : nil
        var indexing: SearchIndexJob?
        defer { indexing?.cancel() }
        let pause = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        while !stopping.load(ordering: .relaxed) {
            if let wakeup { wakeup.wait(upTo: pause) } else { Thread.sleep(forTimeInterval: pause) }
            var changed = watcher.changes()
            if changed.isEmpty {
                if let job = indexing, job.isReady {
                    indexing = nil
                    finishSearchIndexes(job, project)
                } else if indexing == nil, let due = indexDue, ContinuousClock.now >= due {
                    indexDue = nil
                    indexing = startSearchIndexes(project)
                }
            }
            guard !changed.isEmpty, !stopping.load(ordering: .relaxed) else { continue }
            // The next build leaves indexes of its own for later.
            indexing?.cancel()
            indexing = nil
            // An editor that saves in place empties the file first: build what it holds once
            // it stops changing (for half a second at most), not a half-written chapter.
            for _ in 0..<25 {
                Thread.sleep(forTimeInterval: 0.02)
                let more = watcher.changes()
                if more.isEmpty { break }
                changed.formUnion(more)
            }
            wakeup?.watchFolders()
            if !changed.allSatisfy(FolderWatcher.isChapterText) { project = makeProject() }
            indexDue = build(project, changed: changed.sorted()) ? ContinuousClock.now + Self.indexDelay : nil
        }
    }

    /// How long the chapters stay unchanged before the search index is started: the pages come
    /// first, and Node.js neither competes with the browser drawing them nor indexes each of a
    /// writer's quick saves. It works beside the loop, and an edit meanwhile stops it (a search
    /// typed before the index is in finds the last index's words).
    static let indexDelay = Duration.seconds(1)

    /// Builds; whether it succeeded.
    private func build(_ project: Project, changed: [String]) -> Bool {
        let start = ContinuousClock.now
        do {
            let site = try project.render(searchLater: true)
            hub.publish(files: site.files)
            events(.built(site.report, changed: changed, duration: ContinuousClock.now - start))
            return true
        } catch {
            fail(error, changed: changed, start: start)
            return false
        }
    }

    /// Starts the search indexes the last build left for later.
    private func startSearchIndexes(_ project: Project) -> SearchIndexJob? {
        do { return try project.startSearchIndexes() } catch {
            fail(error, changed: [], start: .now)
            return nil
        }
    }

    /// Serves the indexes `job` made with the pages of the build that left them.
    private func finishSearchIndexes(_ job: SearchIndexJob, _ project: Project) {
        do { hub.amend(files: try project.finishSearchIndexes(job)) } catch { fail(error, changed: [], start: .now) }
    }

    private func fail(_ error: BuildError, changed: [String], start: ContinuousClock.Instant) {
        let diagnostics: [String]
        if case .diagnostics(let list) = error { diagnostics = list.map(\.description) } else { diagnostics = [error.description] }
        hub.publish(diagnostics: diagnostics)
        events(.failed(error, changed: changed, duration: ContinuousClock.now - start))
    }
}
