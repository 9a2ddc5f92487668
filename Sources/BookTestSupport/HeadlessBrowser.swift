import Foundation

/// A headless Chromium that stays open, driven over the DevTools protocol on a loopback port:
/// a test loads a served page, changes a chapter, and reads what the page shows after it
/// reloads by itself. `close()` (or the end of the object) stops the browser.
public final class HeadlessBrowser: @unchecked Sendable {
    private let process = Process()
    private let profile: URL
    private var socket: WebSocketClient?
    private var nextID = 0

    /// What the page reported that a reader would not want: console messages, uncaught exceptions
    /// and the browser's own log entries (WebGL warnings, failed loads), as `level: text`.
    public private(set) var consoleMessages: [String] = []

    /// Starts Chromium with an empty page; throws when it does not offer its DevTools port in time.
    /// `flags` set up its graphics: no GPU by default; WebGL tests give SwiftShader's flags, and
    /// `--disable-webgl` shows a page as a browser without WebGL does.
    public init(chromium: String = "chromium", flags: [String] = ["--disable-gpu"], timeout: Double = 30) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("book-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [chromium, "--headless=new"] + flags + ["--no-sandbox", "--no-first-run",
                             "--disable-extensions", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                             "--user-data-dir=\(profile.path)", "about:blank"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do {
            // Chromium writes the port it chose into its profile.
            let portFile = profile.appendingPathComponent("DevToolsActivePort")
            let deadline = Date().addingTimeInterval(timeout)
            var port: UInt16?
            while port == nil {
                guard Date() < deadline, process.isRunning else { throw Self.failure("Chromium offered no DevTools port") }
                port = (try? String(contentsOf: portFile, encoding: .utf8))?.split(separator: "\n").first.flatMap { UInt16($0) }
                if port == nil { Thread.sleep(forTimeInterval: 0.05) }
            }
            guard let port else { throw Self.failure("no port") }
            let list = try LoopbackHTTP.exchange(port: port, requestLine: "GET /json/list HTTP/1.1")
            let targets = try JSONDecoder().decode([Target].self, from: list.body)
            guard let page = targets.first(where: { $0.type == "page" }), let url = URL(string: page.webSocketDebuggerUrl) else {
                throw Self.failure("no page among \(list.text)")
            }
            socket = try WebSocketClient(port: port, path: url.path, timeout: timeout)
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Opens `url` in the page (returns once the navigation started; poll for what it shows).
    public func navigate(_ url: String) throws {
        _ = try call("Page.navigate", params: ["url": url])
    }

    /// The value of `expression` in the page as JSON text (`"abc"`, `true`, `null`); nil while the
    /// page has no document to evaluate it in (it is reloading).
    public func evaluate(_ expression: String) throws -> String? {
        let reply = try call("Runtime.evaluate", params: ["expression": expression, "returnByValue": true])
        guard let result = reply["result"] as? [String: Any], result["exceptionDetails"] == nil,
              let inner = result["result"] as? [String: Any] else { return nil }
        guard let value = inner["value"] else { return "null" }
        let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Evaluates `expression` every few milliseconds until it gives `true`; the time that took.
    @discardableResult
    public func waitUntil(_ expression: String, timeout: Double = 20) throws -> Duration {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(timeout) {
            if (try? evaluate(expression)) == "true" { return ContinuousClock.now - start }
            Thread.sleep(forTimeInterval: 0.005)
        }
        throw Self.failure("timed out after \(timeout) s waiting for \(expression)")
    }

    /// Starts collecting `consoleMessages` (from the next page on).
    public func watchConsole() throws {
        for domain in ["Runtime.enable", "Log.enable"] { _ = try call(domain, params: [:]) }
    }

    /// Sends one DevTools command (`Input.dispatchMouseEvent`, ...) and returns its result.
    @discardableResult
    public func command(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        let reply = try call(method, params: params)
        if let error = reply["error"] { throw Self.failure("\(method) failed: \(error)") }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// Saves what the page shows (the viewport, or the CSS-pixel rectangle `clip`) as a PNG.
    public func screenshot(to file: URL, clip: (x: Double, y: Double, width: Double, height: Double)? = nil) throws {
        var params: [String: Any] = ["format": "png"]
        if let clip {
            params["clip"] = ["x": clip.x, "y": clip.y, "width": clip.width, "height": clip.height, "scale": 1]
            params["captureBeyondViewport"] = true
        }
        let result = try command("Page.captureScreenshot", params)
        guard let text = result["data"] as? String, let data = Data(base64Encoded: text) else { throw Self.failure("no screenshot") }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Stops the browser and removes its profile.
    public func close() {
        socket = nil
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends one command and returns the message that answers it (events in between are skipped).
    private func call(_ method: String, params: [String: Any]) throws -> [String: Any] {
        guard let socket else { throw Self.failure("the browser is closed") }
        nextID += 1
        let id = nextID
        let request = try JSONSerialization.data(withJSONObject: ["id": id, "method": method, "params": params])
        try socket.send(String(decoding: request, as: UTF8.self))
        while true {
            let text = try socket.receive()
            guard let message = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { continue }
            if message["id"] as? Int == id {
                if let error = message["error"] as? [String: Any] { return ["error": error] }
                return message
            }
            if let method = message["method"] as? String, let params = message["params"] as? [String: Any] {
                noteConsole(method, params)
            }
        }
    }

    /// Keeps a console event's text.
    private func noteConsole(_ method: String, _ params: [String: Any]) {
        switch method {
        case "Runtime.consoleAPICalled":
            let args = (params["args"] as? [[String: Any]] ?? []).map { ($0["value"].map { "\($0)" }) ?? ($0["description"] as? String ?? "") }
            consoleMessages.append("\(params["type"] ?? "log"): " + args.joined(separator: " "))
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"] as? [String: Any]
            let exception = details?["exception"] as? [String: Any]
            consoleMessages.append("exception: \(exception?["description"] ?? details?["text"] ?? "")")
        case "Log.entryAdded":
            let entry = params["entry"] as? [String: Any]
            consoleMessages.append("\(entry?["level"] ?? "log"): \(entry?["text"] ?? "")")
        default:
            break
        }
    }

    private struct Target: Decodable {
        let type: String
        let webSocketDebuggerUrl: String
    }

    private static func failure(_ text: String) -> LoopbackSocket.Failure { LoopbackSocket.Failure(description: "Chromium: " + text) }
}
