import BookTestSupport
import Foundation
import Synchronization
import Testing

/// `book serve` run as its own process (the debug tool beside the tests, or `BOOK_TOOL`): what a
/// writer runs, with the whole machine's threads to itself rather than the test process's shared
/// pool. Its output is read as it comes (a full pipe would stop the server) and kept.
final class ServeProcess: @unchecked Sendable {
    let scratch = ScratchBook()
    let process = Process()
    /// The loopback port it serves on, once `start()` returned.
    private(set) var port: UInt16 = 0
    /// The first page of the book `book init` writes.
    static let firstPage = "/en/00-first-steps.html"
    private let output = Mutex(Data())
    private let ended = DispatchSemaphore(value: 0)

    /// Starts the server on `chapters` (by default a new book made by `book init`); returns once
    /// `page` is served, that is once the first build is done.
    func start(chapters: URL? = nil, page: String = firstPage, quiet: Bool = true) async throws {
        let tool = try ServeCommandTests.tool()
        var folder = chapters
        if folder == nil {
            let book = scratch.root.appendingPathComponent("book")
            let initialize = Process()
            initialize.executableURL = tool
            initialize.arguments = ["init", book.path]
            initialize.standardOutput = FileHandle.nullDevice
            try initialize.run()
            try await offThePool { initialize.waitUntilExit() }
            #expect(initialize.terminationStatus == 0)
            folder = book.appendingPathComponent("chapters")
        }
        let pipe = Pipe()
        process.executableURL = tool
        process.arguments = ["serve", "--chapters", folder?.path ?? "", "--port", "0"] + (quiet ? ["--quiet"] : [])
        process.standardOutput = pipe
        try process.run()
        Thread.detachNewThread { [self] in
            while case let chunk = pipe.fileHandleForReading.availableData, !chunk.isEmpty {
                output.withLock { $0.append(chunk) }
            }
            ended.signal()
        }
        // The first line names the URL; the site is there once the first build is done.
        let line = try await offThePool { () -> String in
            for _ in 0..<1500 {
                let text = self.log
                if text.contains("\n") || !self.process.isRunning { return text }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return self.log
        }
        port = try #require(line.firstMatch(of: #/serving http://127\.0\.0\.1:(\d+)/ \(Ctrl-C stops\)/#).flatMap { UInt16($0.1) })
        var status = 0
        for _ in 0..<6000 where status != 200 {
            status = try await LoopbackHTTP.get(port: port, page).status
            if status != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(status == 200)
    }

    /// What the server has printed so far.
    var log: String { output.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Sends `signal` and says whether the server ended within 15 s (its output then read to the end).
    func stop(_ signal: Int32 = SIGINT) async throws -> Bool {
        kill(process.processIdentifier, signal)
        let process = self.process
        let stopped = try await offThePool { () -> Bool in
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return !process.isRunning
        }
        if stopped { _ = ended.wait(timeout: .now() + 5) }
        return stopped
    }

    deinit { if process.isRunning { process.terminate(); process.waitUntilExit() } }
}
