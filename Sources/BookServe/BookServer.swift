import BookKit
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// Where and how `book serve` listens and looks for edits.
public struct ServeOptions: Sendable {
    /// An IP address to listen on; loopback unless the user asks otherwise.
    public var host: String
    /// 0 picks a free port (tests use it).
    public var port: UInt16
    /// How often the chapters folder is looked at.
    public var interval: Duration

    public init(host: String = "127.0.0.1", port: UInt16 = 8000, interval: Duration = .milliseconds(50)) {
        (self.host, self.port, self.interval) = (host, port, interval)
    }
}

/// Why the server could not start.
public enum ServeError: Error, Sendable, CustomStringConvertible {
    case badHost(String)
    case cannotListen(address: String, reason: String)
    case missingResource(String)

    public var description: String {
        switch self {
        case .badHost(let host): return "error: --host '\(host)' is not an IP address (e.g. 127.0.0.1 or ::1)"
        case .cannotListen(let address, let reason): return "error: cannot listen on \(address): \(reason)"
        case .missingResource(let name): return "error: \(name) is missing beside the tool; build it again with swift build"
        }
    }
}

/// `book serve`: the site of the last good build over HTTP, from memory, rebuilt as the chapters
/// change, with open pages told to reload (or to show the errors of a failed build).
public actor BookServer {
    private let chapters: URL
    private let options: ServeOptions
    private let hub = LiveHub()
    private let loop: BuildLoop
    private var server: HTTPServer?

    /// A server for the book in `chapters`, built by projects from `makeProject` (the CLI's carry
    /// the MicroGPT binding); `events` hears of every build.
    public init(chapters: URL, options: ServeOptions = ServeOptions(), makeProject: @escaping @Sendable () -> Project,
                events: @escaping @Sendable (ServeEvent) -> Void = { _ in }) {
        self.chapters = chapters
        self.options = options
        loop = BuildLoop(chapters: chapters, interval: options.interval, makeProject: makeProject, hub: hub, events: events)
    }

    /// Starts listening (pages wait for the first build while it runs) and building; the site's URL.
    public func start() async throws(ServeError) -> URL {
        guard LiveScript.source != nil else { throw .missingResource("the live-reload script (live.js)") }
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        let isIPv6 = host.contains(":")
        let address: any SocketAddress
        do {
            address = isIPv6 ? try sockaddr_in6.inet6(ip6: host, port: options.port) : try sockaddr_in.inet(ip4: host, port: options.port)
        } catch {
            throw .badHost(options.host)
        }
        let server = HTTPServer(config: .init(address: address, timeout: 15, logger: .disabled), handler: SiteHandler(hub: hub))
        let failure = Mutex<String?>(nil)
        Task {
            do { try await server.run() } catch {
                let reason = if case .failed(_, _, let message) = error as? SocketError { message } else { error.localizedDescription }
                failure.withLock { $0 = $0 ?? reason }
            }
        }
        while await !server.isListening {
            if let reason = failure.withLock({ $0 }) {
                throw .cannotListen(address: "\(host):\(options.port)", reason: reason)
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        self.server = server
        loop.start()
        var port = options.port
        if case .ip4(_, let bound)? = await server.listeningAddress { port = bound }
        if case .ip6(_, let bound)? = await server.listeningAddress { port = bound }
        return URL(string: "http://\(isIPv6 ? "[\(host)]" : host):\(port)/") ?? URL(fileURLWithPath: "/")
    }

    /// Stops building, closes every page's connection and the listening socket.
    public func stop() async {
        loop.stop()
        hub.closeAll()
        await server?.stop(timeout: 1)
        server = nil
    }

    /// What is served now.
    public var state: LiveState { hub.state }
    /// Builds finished so far, good or failed.
    public var builds: Int { hub.builds }
    /// Pages listening for builds now.
    public var listeners: Int { hub.listeners }
}
