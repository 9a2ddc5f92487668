import Dispatch
import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM as an event the server can wait for, instead of the default
/// action that kills the process at once: the server then closes its connections and socket and
/// the tool exits 0. Once one arrives the default action is back, so a second Ctrl-C still
/// kills a server that hangs.
public enum StopSignals {
    /// Returns the name of the first of the two signals to arrive.
    public static func next() async -> String {
        let signals: [(Int32, String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")]
        return await withCheckedContinuation { continuation in
            let waiting = Mutex<CheckedContinuation<String, Never>?>(continuation)
            let sources = signals.map { number, name in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    guard let continuation = waiting.withLock({ $0.take() }) else { return }
                    for (number, _) in signals { signal(number, SIG_DFL) }
                    continuation.resume(returning: name)
                }
                return source
            }
            kept.keep(sources)
            for source in sources { source.resume() }
        }
    }

    /// A source that is let go is cancelled: these live as long as the process.
    private static let kept = Kept()

    private final class Kept: @unchecked Sendable {
        private let lock = NSLock()
        private var sources: [any DispatchSourceSignal] = []
        func keep(_ more: [any DispatchSourceSignal]) { lock.withLock { sources += more } }
    }
}
