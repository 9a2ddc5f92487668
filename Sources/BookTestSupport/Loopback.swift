import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (socket reads, waiting for a process) on a thread of its own, so that it
/// never holds one of the few threads Swift's tasks share: a server under test runs on those.
@discardableResult
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}

/// A TCP connection to a port on 127.0.0.1, with blocking reads that give up after `timeout`.
public final class LoopbackSocket: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    private let fd: Int32

    /// Connects to `127.0.0.1:port`; reads wait at most `timeout` seconds.
    public init(port: UInt16, timeout: Double = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = loopbackAddress(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure(description: "connect to port \(port): errno \(code)")
        }
    }

    deinit { Glibc.close(fd) }

    public func send(_ data: Data) throws {
        var sent = 0
        while sent < data.count {
            let n = data[(data.startIndex + sent)...].withUnsafeBytes { rest in
                rest.baseAddress.map { Glibc.send(fd, $0, rest.count, Int32(MSG_NOSIGNAL)) } ?? 0
            }
            guard n > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += n
        }
    }

    /// The next bytes that arrive; empty when the peer closed; throws on a timeout.
    public func receive(upTo count: Int = 65_536) throws -> Data {
        var buffer = [UInt8](repeating: 0, count: count)
        let n = recv(fd, &buffer, count, 0)
        guard n >= 0 else { throw Failure(description: "receive: errno \(errno) (a timeout is EAGAIN, 11)") }
        return Data(buffer[0..<n])
    }
}

/// One HTTP/1.1 exchange over a fresh loopback connection, with the request line sent exactly as
/// given (odd targets included), read until the server closes.
public enum LoopbackHTTP {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public static func get(port: UInt16, _ target: String, method: String = "GET") async throws -> Response {
        try await offThePool { try exchange(port: port, requestLine: "\(method) \(target) HTTP/1.1") }
    }

    /// Sends `requestLine` (as bytes: a NUL stays a NUL) and reads the whole response: its
    /// `Content-Length` bytes, or up to the close when it has none.
    public static func exchange(port: UInt16, requestLine: String) throws -> Response {
        let socket = try LoopbackSocket(port: port)
        try socket.send(Data("\(requestLine)\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
        var data = Data()
        while true {
            if let response = try? parse(data), let length = response.headers["content-length"].flatMap(Int.init),
               response.body.count >= length || requestLine.hasPrefix("HEAD ") {
                return response
            }
            let chunk = try socket.receive()
            if chunk.isEmpty { break }
            data += chunk
        }
        return try parse(data)
    }

    static func parse(_ data: Data) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw LoopbackSocket.Failure(description: "no complete response: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw LoopbackSocket.Failure(description: "bad status line: \(head.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}

/// `127.0.0.1:port` as the socket calls take it.
public func loopbackAddress(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}
