import BookTestSupport
import Foundation
import Testing

/// `book serve` run as its own process (the debug tool beside the tests, or `BOOK_TOOL`) on a new
/// book from `book init`: what a writer runs, with the whole machine's threads to itself rather
/// than the test process's shared pool.
final class ServeProcess: @unchecked Sendable {
    let scratch = ScratchBook()
    let process = Process()
    /// The loopback port it serves on, once `start()` returned.
    private(set) var port: UInt16 = 0
    /// The first page of the book `book init` writes.
    static let firstPage = "/en/00-first-steps.html"

    /// Makes the book and starts the server; returns once the first page is served.
    func start() async throws {
        let tool = try ServeCommandTests.tool()
        let folder = scratch.root.appendingPathComponent("book")
        let initialize = Process()
        initialize.executableURL = tool
        initialize.arguments = ["init", folder.path]
        initialize.standardOutput = FileHandle.nullDevice
        try initialize.run()
        try await offThePool { initialize.waitUntilExit() }
        #expect(initialize.terminationStatus == 0)

        let output = Pipe()
        process.executableURL = tool
        process.arguments = ["serve", "--chapters", folder.appendingPathComponent("chapters").path, "--port", "0", "--quiet"]
        process.standardOutput = output
        try process.run()
        // The first line names the URL; the site is there once the first build is done.
        let line = try await offThePool { () -> String in
            var text = ""
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        port = try #require(line.firstMatch(of: #/serving http://127\.0\.0\.1:(\d+)/ \(Ctrl-C stops\)/#).flatMap { UInt16($0.1) })
        var status = 0
        for _ in 0..<600 where status != 200 {
            status = try await LoopbackHTTP.get(port: port, Self.firstPage).status
            if status != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(status == 200)
    }

    /// Sends `signal` and says whether the server ended within 15 s.
    func stop(_ signal: Int32 = SIGINT) async throws -> Bool {
        kill(process.processIdentifier, signal)
        let process = self.process
        return try await offThePool { () -> Bool in
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return !process.isRunning
        }
    }

    deinit { if process.isRunning { process.terminate(); process.waitUntilExit() } }
}
