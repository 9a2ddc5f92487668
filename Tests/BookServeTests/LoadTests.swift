import BookTestSupport
import Foundation
import Testing

/// The server under load from wrk (Debian's package; `scripts/setup-system --browser` installs
/// it), on loopback only, for a bounded time.
@Suite(.serialized) struct LoadTests {
    @Test func aHundredConnectionsForTenSecondsGetNoError() async throws {
        let wrk = "/usr/bin/wrk"
        try #require(FileManager.default.isExecutableFile(atPath: wrk), "wrk is not installed: run scripts/setup-system --browser")
        let served = try await ServedBook()
        let log = served.book.root.appendingPathComponent("wrk.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t2", "-c100", "-d10s", "--timeout", "5s", "http://127.0.0.1:\(served.port)/en/01-serving.html"]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        let finished = try await offThePool { () -> Bool in
            let deadline = Date().addingTimeInterval(40)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if process.isRunning { process.terminate(); process.waitUntilExit(); return false }
            return true
        }
        let report = try String(contentsOf: log, encoding: .utf8)
        print("book serve under wrk:\n" + report)
        #expect(finished && process.terminationStatus == 0)
        // wrk prints these lines only when something went wrong.
        #expect(!report.contains("Socket errors"), "\(report)")
        #expect(!report.contains("Non-2xx or 3xx responses"), "\(report)")
        let requests = report.firstMatch(of: #/(\d+) requests in/#).flatMap { Int($0.1) } ?? 0
        #expect(requests > 1000, "\(report)")
        #expect(try await served.get("/en/01-serving.html").status == 200)
        await served.stop()
    }
}
