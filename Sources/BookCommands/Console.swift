import BookKit
import Foundation
import Synchronization

/// What the tool prints while it works. On a terminal, long work shows a status line (the
/// chapter programs running and for how long), redrawn in place and wiped before each lasting
/// line; to a pipe, only the lasting lines go, one per chapter, as plain text. Quiet prints
/// nothing. Everything goes straight to the file descriptor, so that lines written from the
/// build's threads and a served URL reach a pipe at once and in order.
/// (Unchecked: the status is behind a mutex, and the timer is only set in `init`.)
public final class Console: @unchecked Sendable {
    private struct Status {
        var running: [String] = []
        var queued = 0
        var done = 0
        var total = 0
        var since = ContinuousClock.now
        var shown = false
        var chapterLines = true
    }

    let quiet: Bool
    let isTerminal: Bool
    private let status = Mutex(Status())
    private let timer: DispatchSourceTimer?

    public init(quiet: Bool) {
        self.quiet = quiet
        isTerminal = !quiet && isatty(STDOUT_FILENO) == 1
        guard isTerminal else { timer = nil; return }
        // Redraws the status line twice a second while programs run, so a long run shows its time.
        let timer = DispatchSource.makeTimerSource(queue: .global())
        self.timer = timer
        timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.redraw() }
        timer.resume()
    }

    deinit { timer?.cancel() }

    /// A lasting line (a chapter's summary, a served URL).
    public func line(_ text: String) {
        guard !quiet else { return }
        status.withLock { status in
            Self.write((status.shown ? "\r\u{1B}[2K" : "") + text + "\n")
            status.shown = false
        }
        redraw()
    }

    /// A chapter's summary line, unless `muteChapterLines` was called.
    public func chapterLine(_ text: String) {
        if status.withLock({ $0.chapterLines }) { line(text) }
    }

    /// After the first build of `book serve`: one line per build says enough.
    public func muteChapterLines() {
        status.withLock { $0.chapterLines = false }
    }

    /// Follows chapter programs as they start and end.
    public func activity(_ event: ChapterActivity) {
        guard isTerminal else { return }
        status.withLock { status in
            switch event {
            case .queued(let files):
                if status.queued == 0 { (status.done, status.total, status.since) = (0, 0, .now) }
                status.queued += files.count
                status.total += files.count
            case .started(let file):
                status.running.append(file)
            case .finished(let file):
                status.running.removeAll { $0 == file }
                status.queued -= 1
                status.done += 1
            }
        }
        redraw()
    }

    private func redraw() {
        status.withLock { status in
            guard status.queued > 0 else {
                if status.shown { Self.write("\r\u{1B}[2K") }
                status.shown = false
                return
            }
            let seconds = (ContinuousClock.now - status.since).components.seconds
            let names = status.running.map { $0.split(separator: "/").suffix(2).joined(separator: "/").replacingOccurrences(of: ".md", with: "") }
            var text = "[\(status.done)/\(status.total) chapter programs, \(seconds) s] running \(names.joined(separator: ", "))"
            if text.count > 100 { text = String(text.prefix(99)) + "…" }
            Self.write("\r\u{1B}[2K" + text)
            status.shown = true
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
