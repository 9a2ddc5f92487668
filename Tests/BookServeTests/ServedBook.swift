import BookKit
import BookServe
import BookTestSupport
import Foundation
import Synchronization

/// Steps on the interpreter's Swift basics alone: no engine, so the tests build in milliseconds.
struct PlainBinding: StepBinding {
    var moduleName: String { "Plain" }
    var version: String { "plain 1" }
    var starterStep: String { "1 + 1" }
    func register(in library: Library, context: LibraryContext) {}
    func display(of value: Any, convert: (Any) -> Display) -> Display? { nil }
}

/// A scratch book served on a free loopback port, counting the chapter programs it runs.
/// (Unchecked: its scratch folder and server never change; the run count is behind a mutex.)
final class ServedBook: @unchecked Sendable {
    static let chapter = """
    # Serving

    The first version of this sentence.

    ```swift step
    let a = 1 + 2
    a
    ```

    ```output
    3
    ```

    """

    let book = ScratchBook()
    let server: BookServer
    let url: URL
    let port: UInt16
    private let counted: CountedSessions

    /// Writes the chapter (and whatever `extra` holds, path -> text) and starts serving.
    init(formats: [String] = ["html"], chapter: String = ServedBook.chapter, extra: [String: String] = [:]) async throws {
        try book.write("en/01-serving.md", chapter)
        for (path, text) in extra { try book.write(path, text) }
        var settings = book.options()
        settings.formats = formats
        let options = settings
        let counted = CountedSessions()
        self.counted = counted
        server = BookServer(chapters: book.chapters, options: ServeOptions(port: 0)) {
            Project(options: options) { file, context, budget in
                counted.add()
                return Session(file: file, binding: PlainBinding(), context: context, budget: budget)
            }
        }
        url = try await server.start()
        port = UInt16(url.port ?? 0)
        try await waitForBuilds(1)
    }

    /// Chapter programs run so far (each edit of a step is one more).
    var programsRun: Int { counted.count }

    /// Waits until `count` builds have finished (good or failed).
    func waitForBuilds(_ count: Int, timeout: Duration = .seconds(20)) async throws {
        let start = ContinuousClock.now
        while await server.builds < count {
            guard ContinuousClock.now - start < timeout else { throw LoopbackSocket.Failure(description: "no build \(count) in time") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Rewrites the chapter with `old` replaced by `new`.
    func edit(_ old: String, _ new: String, in path: String = "en/01-serving.md") throws {
        let text = try book.read(path)
        guard text.contains(old) else { throw LoopbackSocket.Failure(description: "\(path) has no '\(old)'") }
        try book.write(path, text.replacingOccurrences(of: old, with: new))
    }

    func get(_ target: String, method: String = "GET") async throws -> LoopbackHTTP.Response {
        try await LoopbackHTTP.get(port: port, target, method: method)
    }

    func stop() async { await server.stop() }
}

/// How many sessions (chapter programs run) a project made.
final class CountedSessions: Sendable {
    private let made = Atomic<Int>(0)
    func add() { made.add(1, ordering: .relaxed) }
    var count: Int { made.load(ordering: .relaxed) }
}
