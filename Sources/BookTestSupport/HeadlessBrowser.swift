import Foundation

/// A headless Chromium that stays open, driven over the DevTools protocol on a loopback port:
/// a test loads a served page, changes a chapter, and reads what the page shows after it
/// reloads by itself. `close()` (or the end of the object) stops the browser.
public final class HeadlessBrowser: @unchecked Sendable {
    private let process = Process()
    private let profile: URL
    private var socket: WebSocketClient?
    private var nextID = 0
    /// Whether this browser holds one of the turns browsers take (given back by `close()`).
    private var holdsTurn = false
    /// What the page reported that a reader would not want, once `listenToConsole()` ran: console
    /// messages, uncaught exceptions and the browser's own log entries (WebGL warnings, failed loads).
    public internal(set) var consoleMessages: [String] = []

    /// Starts Chromium with an empty page; throws when it does not offer its DevTools port in time.
    /// `flags` set up its graphics: no GPU by default; WebGL tests give SwiftShader's flags, and
    /// `--disable-webgl` shows a page as a browser without WebGL does.
    public init(chromium: String = "chromium", flags: [String] = ["--disable-gpu"], timeout: Double = 30) throws {
        BrowserTurns.take()
        holdsTurn = true
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("book-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [chromium, "--headless=new"] + flags + ["--no-sandbox", "--no-first-run",
                             "--disable-extensions", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                             "--user-data-dir=\(profile.path)", "about:blank"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
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

    /// Runs `source` in every document the page opens from now on, before the document's own scripts
    /// (a probe that records console messages and errors from the first moment).
    public func addScriptOnNewDocument(_ source: String) throws {
        _ = try call("Page.enable", params: [:])
        _ = try call("Page.addScriptToEvaluateOnNewDocument", params: ["source": source])
    }

    /// Types `text` into the focused element, as an input method would (the page gets input events).
    public func type(_ text: String) throws {
        _ = try call("Input.insertText", params: ["text": text])
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

    /// Sends one DevTools command (`Input.dispatchMouseEvent`, ...) and returns its result.
    @discardableResult
    public func command(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        let reply = try call(method, params: params)
        if let error = reply["error"] { throw Self.failure("\(method) failed: \(error)") }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// A PNG of the viewport, or of the page area `clip` (x, y, width, height in CSS pixels).
    public func screenshot(clip: (Double, Double, Double, Double)? = nil) throws -> Data {
        var params: [String: Any] = ["format": "png", "captureBeyondViewport": true]
        if let clip { params["clip"] = ["x": clip.0, "y": clip.1, "width": clip.2, "height": clip.3, "scale": 1] }
        let reply = try call("Page.captureScreenshot", params: params)
        guard let result = reply["result"] as? [String: Any], let text = result["data"] as? String,
              let data = Data(base64Encoded: text) else { throw Self.failure("no screenshot") }
        return data
    }

    /// Stops the browser and removes its profile.
    public func close() {
        socket = nil
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
        if holdsTurn {
            holdsTurn = false
            BrowserTurns.give()
        }
    }

    /// Sends one command and returns the message that answers it (events in between are skipped,
    /// console messages kept).
    func call(_ method: String, params: [String: Any]) throws -> [String: Any] {
        guard let socket else { throw Self.failure("the browser is closed") }
        nextID += 1
        let id = nextID
        let request = try JSONSerialization.data(withJSONObject: ["id": id, "method": method, "params": params])
        try socket.send(String(decoding: request, as: UTF8.self))
        while true {
            let text = try socket.receive()
            guard let message = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { continue }
            if let event = message["method"] as? String { note(event, message["params"] as? [String: Any] ?? [:]) }
            if message["id"] as? Int == id {
                if let error = message["error"] as? [String: Any] { return ["error": error] }
                return message
            }
        }
    }

    private struct Target: Decodable {
        let type: String
        let webSocketDebuggerUrl: String
    }

    private static func failure(_ text: String) -> LoopbackSocket.Failure { LoopbackSocket.Failure(description: "Chromium: " + text) }
}

/// How many Chromiums the tests run at once, whoever starts them: more than two on two cores
/// (software WebGL among them) make every page slow enough to miss its test's waits.
enum BrowserTurns {
    private static let turns = DispatchSemaphore(value: 2)
    static func take() { turns.wait() }
    static func give() { turns.signal() }
}
