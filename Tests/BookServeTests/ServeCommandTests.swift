import BookTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `book serve` as a user runs it: the real tool on a new book, stopped by Ctrl-C or SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    /// The `book` tool built beside these tests, or the one `BOOK_TOOL` names (a release build,
    /// for the benchmark).
    static func tool() throws -> URL {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let tool = ProcessInfo.processInfo.environment["BOOK_TOOL"].map { URL(fileURLWithPath: $0) }
            ?? folder.appendingPathComponent("book")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw LoopbackSocket.Failure(description: "\(tool.path) is missing: run swift build --product book")
        }
        return tool
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsTheServerWithStatusZeroAndFreesThePort(_ signal: Int32) async throws {
        let serve = ServeProcess()
        try await serve.start()
        let port = serve.port
        let exited = try await serve.stop(signal)
        #expect(exited)
        #expect(serve.process.terminationReason == .exit && serve.process.terminationStatus == 0)
        await #expect(throws: (any Error).self) { try await LoopbackHTTP.get(port: port, "/") }
        #expect(Self.canListen(on: port))
    }

    /// Whether a new server could listen on `port` of 127.0.0.1. With SO_REUSEADDR, as servers
    /// set it: connections the old one closed may linger in TIME_WAIT, but a socket still
    /// listening on the port makes this fail.
    static func canListen(on port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopbackAddress(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound == 0 && listen(fd, 1) == 0
    }
}
