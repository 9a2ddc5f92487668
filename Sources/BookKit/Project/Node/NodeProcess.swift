import Foundation

/// The build's one Node.js process, running `Resources/book-node.js`: requests go to its stdin as
/// JSON lines, answers come back one line each. It starts before the chapters run, so KaTeX loads
/// and typesets while the steps run; its output is read on a thread of its own, so that neither
/// side can block the other on a full pipe.
final class NodeProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let collected = Collected()
    private let finished = DispatchGroup()

    /// What the reading threads gathered.
    private final class Collected: @unchecked Sendable {
        let lock = NSLock()
        var stdout = Data()
        var stderr = Data()
    }

    /// The Node.js executable on `path` (`PATH` by default): `node`, or Debian's older `nodejs`; nil
    /// when there is none.
    static func executable(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") -> URL? {
        for folder in path.split(separator: ":") {
            for name in ["node", "nodejs"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Starts the driver; throws `NodeProblem.missing` (naming `reason`) without Node.js.
    init(reason: String) throws {
        guard let node = Self.executable() else { throw NodeProblem.missing(reason: reason) }
        guard let script = Bundle.module.url(forResource: "book-node", withExtension: "js", subdirectory: "Resources") else {
            throw AssetMissing(name: "book-node.js")
        }
        // A dead driver must give an error, not kill the build with SIGPIPE while it writes.
        _ = Self.ignorePipeSignal
        let output = Pipe(), errors = Pipe()
        process.executableURL = node
        process.arguments = [script.path]
        // The driver never reaches the network: extra CA certificates named for other programs
        // would only be read and parsed at its start (40 ms here).
        var environment = ProcessInfo.processInfo.environment
        environment["NODE_EXTRA_CA_CERTS"] = nil
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        for (pipe, isError) in [(output, false), (errors, true)] {
            finished.enter()
            let collected = collected, group = finished
            Thread.detachNewThread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.lock.lock()
                if isError { collected.stderr = data } else { collected.stdout = data }
                collected.lock.unlock()
                group.leave()
            }
        }
    }

    private static let ignorePipeSignal: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Sends one request.
    func send(_ request: some Encodable) throws {
        var line = try JSONEncoder().encode(request)
        line.append(0x0A)
        do { try input.fileHandleForWriting.write(contentsOf: line) } catch { throw failure() }
    }

    /// Tells the driver no more requests come: it ends once it has answered them.
    func endInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Whether the driver has ended and all its answers are read (`finish` will not wait).
    var hasEnded: Bool { finished.wait(timeout: .now()) == .success }

    /// Ends the driver without waiting for its answers.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        finished.wait()
    }

    /// Closes the driver's input and returns its answer lines, in order, once it has closed its
    /// output. When all `expected` answers are there its exit is not waited for (Foundation polls
    /// for it, which costs a build up to 50 ms); fewer mean it failed, and its error output says why.
    func finish(expecting expected: Int) throws -> [Data] {
        try? input.fileHandleForWriting.close()
        finished.wait()
        collected.lock.lock()
        let lines = collected.stdout.split(separator: 0x0A).map { Data($0) }
        collected.lock.unlock()
        if lines.count >= expected { return lines }
        throw failure()
    }

    /// Why the driver stopped early: its error output, once it has ended.
    private func failure() -> NodeProblem {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        finished.wait()
        collected.lock.lock()
        defer { collected.lock.unlock() }
        return .failed(String(decoding: collected.stderr, as: UTF8.self))
    }
}

/// Node.js is missing, or the driver failed.
enum NodeProblem: Error, CustomStringConvertible {
    case missing(reason: String)
    case failed(String)

    var description: String {
        switch self {
        case .missing(let reason):
            return "error: \(reason) needs Node.js, which is not on PATH: install it (Debian: apt-get install nodejs, or run scripts/setup-system)"
        case .failed(let stderr):
            return "error: the Node.js step of the build (KaTeX and lunr) failed:\n" + stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
