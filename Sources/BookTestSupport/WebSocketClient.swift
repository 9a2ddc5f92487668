import Foundation

/// A WebSocket client (RFC 6455) over a loopback connection, enough for tests: text messages
/// both ways, fragments joined, pings skipped. Its calls block; use it through `offThePool`.
public final class WebSocketClient: @unchecked Sendable {
    private let socket: LoopbackSocket
    private var buffer = Data()

    /// Opens `ws://127.0.0.1:port<path>`.
    public init(port: UInt16, path: String, timeout: Double = 10) throws {
        socket = try LoopbackSocket(port: port, timeout: timeout)
        let key = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        try socket.send(Data("""
            GET \(path) HTTP/1.1\r
            Host: 127.0.0.1:\(port)\r
            Upgrade: websocket\r
            Connection: Upgrade\r
            Sec-WebSocket-Key: \(key)\r
            Sec-WebSocket-Version: 13\r
            \r

            """.utf8))
        while buffer.range(of: Data("\r\n\r\n".utf8)) == nil { try fill() }
        guard let end = buffer.range(of: Data("\r\n\r\n".utf8)) else { throw failure("no handshake") }
        let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
        guard head.hasPrefix("HTTP/1.1 101") else { throw failure("the server did not switch protocols: \(head)") }
        buffer = Data(buffer[end.upperBound...])
    }

    /// Sends one text message (masked, as a client must).
    public func send(_ text: String) throws {
        let payload = Data(text.utf8)
        var frame = Data([0x81])
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            frame.append(0x80 | 126)
            frame += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(0x80 | 127)
            frame += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        let mask = (0..<4).map { _ in UInt8.random(in: 0...255) }
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try socket.send(frame)
    }

    /// The next text message; throws when the connection closes or nothing comes in time.
    public func receive() throws -> String {
        var message = Data()
        while true {
            try need(2)
            let first = buffer[buffer.startIndex], second = buffer[buffer.startIndex + 1]
            var length = Int(second & 0x7F)
            var offset = 2
            if length == 126 {
                try need(4)
                length = Int(buffer[buffer.startIndex + 2]) << 8 | Int(buffer[buffer.startIndex + 3])
                offset = 4
            } else if length == 127 {
                try need(10)
                length = (2..<10).reduce(0) { $0 << 8 | Int(buffer[buffer.startIndex + $1]) }
                offset = 10
            }
            let masked = second & 0x80 != 0
            let maskBytes = masked ? Array(buffer[(buffer.startIndex + offset)..<(buffer.startIndex + offset + 4)]) : []
            if masked { offset += 4 }
            try need(offset + length)
            var payload = Data(buffer[(buffer.startIndex + offset)..<(buffer.startIndex + offset + length)])
            if masked { payload = Data(payload.enumerated().map { $0.element ^ maskBytes[$0.offset % 4] }) }
            buffer = Data(buffer[(buffer.startIndex + offset + length)...])
            switch first & 0x0F {
            case 0x8: throw failure("the server closed the connection")
            case 0x9, 0xA: continue
            default:
                message += payload
                if first & 0x80 != 0 { return String(decoding: message, as: UTF8.self) }
            }
        }
    }

    private func need(_ count: Int) throws {
        while buffer.count < count { try fill() }
    }

    private func fill() throws {
        let chunk = try socket.receive()
        guard !chunk.isEmpty else { throw failure("the connection closed") }
        buffer += chunk
    }

    private func failure(_ text: String) -> LoopbackSocket.Failure { LoopbackSocket.Failure(description: "WebSocket: " + text) }
}
