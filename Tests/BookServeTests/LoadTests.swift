import BookTestSupport
import Foundation
import Testing

/// The server under load from wrk (Debian's package; `scripts/setup-system --browser` installs
/// it), on loopback only, for a bounded time. The server is `book serve` in its own process, as
/// a writer runs it: inside the test process it would share a two-thread pool with every other
/// suite, and a busy suite would stall it for seconds.
@Suite(.serialized) struct LoadTests {
    @Test func aHundredConnectionsForTenSecondsGetNoError() async throws {
        let wrk = "/usr/bin/wrk"
        try #require(FileManager.default.isExecutableFile(atPath: wrk), "wrk is not installed: run scripts/setup-system --browser")
        let served = ServeProcess()
        try await served.start()
        let log = served.scratch.root.appendingPathComponent("wrk.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t2", "-c100", "-d10s", "--timeout", "5s", "http://127.0.0.1:\(served.port)\(ServeProcess.firstPage)"]
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
        // How many it answered is the benchmark's figure (printed above), not asserted: it depends
        // on what else the machine runs. That it answered, and still does, is asserted.
        let requests = report.firstMatch(of: #/(\d+) requests in/#).flatMap { Int($0.1) } ?? 0
        #expect(requests > 100, "\(report)")
        #expect(try await LoopbackHTTP.get(port: served.port, ServeProcess.firstPage).status == 200)
        #expect(try await served.stop())
    }
}
