import FlyingFox
import Foundation
import Synchronization

/// What the server shows: the last good build's files (nil until one succeeded), the token of
/// that build, and the errors of the latest build (empty when it succeeded).
public struct LiveState: Sendable, Equatable {
    public var files: [String: Data]?
    public var build: String
    public var diagnostics: [String]
}

/// The one place the server's state lives, and the pages listening to it: a new state and the
/// message to every open page change under one lock, so no page can hear of an older build after
/// a newer one.
final class LiveHub: WSMessageHandler, Sendable {
    private struct Inner {
        var state: LiveState
        var builds = 0
        var pages: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    }

    /// Tokens start with this server's own id, so a page from an earlier server always reloads.
    private let prefix = String(UUID().uuidString.prefix(8))
    private let inner: Mutex<Inner>

    init() {
        inner = Mutex(Inner(state: LiveState(files: nil, build: "\(prefix)-0", diagnostics: [])))
    }

    var state: LiveState { inner.withLock { $0.state } }
    /// Builds published so far, good or failed.
    var builds: Int { inner.withLock { $0.builds } }
    /// Pages listening now.
    var listeners: Int { inner.withLock { $0.pages.count } }

    /// A build succeeded: its files are served from now on; open pages reload when they differ
    /// from the last good build's (a page whose build only failed in between just loses its overlay).
    func publish(files: [String: Data]) {
        inner.withLock { inner in
            inner.builds += 1
            if inner.state.files != files {
                inner.state.files = files
                inner.state.build = "\(prefix)-\(inner.builds)"
            }
            inner.state.diagnostics = []
            Self.tell(inner.pages.values, inner.state)
        }
    }

    /// Files that complete the last good build (its search indexes): they replace the ones it
    /// was published with, and open pages do not reload for them.
    func amend(files: [String: Data]) {
        guard !files.isEmpty else { return }
        inner.withLock { inner in inner.state.files?.merge(files) { _, new in new } }
    }

    /// A build failed: the last good files stay; open pages show `diagnostics`.
    func publish(diagnostics: [String]) {
        inner.withLock { inner in
            inner.builds += 1
            inner.state.diagnostics = diagnostics
            Self.tell(inner.pages.values, inner.state)
        }
    }

    /// A page connected: it hears the state now and after every build, until it goes.
    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in self?.forget(id) }
        inner.withLock { inner in
            inner.pages[id] = continuation
            Self.tell(CollectionOfOne(continuation), inner.state)
        }
        // The page says nothing; its stream ends when it goes, and so does ours.
        Task {
            for await _ in client {}
            continuation.finish()
        }
        return messages
    }

    /// Ends every page's connection (the server is stopping); pages retry until a server is back.
    func closeAll() {
        let pages = inner.withLock { inner in
            defer { inner.pages = [:] }
            return Array(inner.pages.values)
        }
        for page in pages { page.finish() }
    }

    private func forget(_ id: UUID) {
        _ = inner.withLock { $0.pages.removeValue(forKey: id) }
    }

    /// The message: `{"build":"…","diagnostics":[…]}`.
    static func message(_ state: LiveState) -> String {
        struct Message: Encodable { let build: String; let diagnostics: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Message(build: state.build, diagnostics: state.diagnostics))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func tell(_ pages: some Sequence<AsyncStream<WSMessage>.Continuation>, _ state: LiveState) {
        let text = message(state)
        for page in pages { page.yield(.text(text)) }
    }
}
