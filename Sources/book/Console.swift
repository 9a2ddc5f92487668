import BookKit
import Foundation
import Synchronization

/// What the tool prints while it works. On a terminal, long work shows a status line (the
/// chapter programs running and for how long), redrawn in place and wiped before each lasting
/// line; to a pipe, only the lasting lines go, one per chapter, as plain text. Quiet prints
/// nothing. Everything goes straight to the file descriptor, so that lines written from the
/// build's threads and a served URL reach a pipe at once and in order.
/// (Unchecked: the status is behind a mutex, and the timer is only set in `init`.)
final class Console: @unchecked Sendable {
    private struct Status {
        var running: [String] = []
        var done = 0
        var total = 0
        var since = ContinuousClock.now
        var shown = false
    }

    let quiet: Bool
    let isTerminal: Bool
    private let status = Mutex(Status())
    private let timer: DispatchSourceTimer?

    init(quiet: Bool) {
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
    func line(_ text: String) {
        guard !quiet else { return }
        status.withLock { status in
            Self.write((status.shown ? "\r\u{1B}[2K" : "") + text + "\n")
            status.shown = false
        }
        redraw()
    }

    /// Follows chapter programs as they start and end.
    func activity(_ event: ChapterActivity) {
        guard isTerminal else { return }
        status.withLock { status in
            switch event {
            case .started(let files):
                if status.running.isEmpty { (status.done, status.total, status.since) = (0, 0, .now) }
                status.running += files
                status.total += files.count
            case .finished(let file):
                status.running.removeAll { $0 == file }
                status.done += 1
            }
        }
        redraw()
    }

    private func redraw() {
        status.withLock { status in
            guard !status.running.isEmpty else {
                if status.shown { Self.write("\r\u{1B}[2K") }
                status.shown = false
                return
            }
            let seconds = (ContinuousClock.now - status.since).components.seconds
            let names = status.running.map { $0.split(separator: "/").suffix(2).joined(separator: "/") }
            var text = "running \(names.joined(separator: ", ")) (\(status.done) of \(status.total) done, \(seconds) s)"
            if text.count > 100 { text = String(text.prefix(99)) + "…" }
            Self.write("\r\u{1B}[2K" + text)
            status.shown = true
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
