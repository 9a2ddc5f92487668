import Foundation

/// Driving a page as a reader does: real key presses and mouse clicks through the DevTools
/// protocol, the console's messages, and screenshots at a chosen width and colour scheme.
extension HeadlessBrowser {
    /// Starts recording console messages, exceptions and browser log entries into `consoleMessages`.
    public func listenToConsole() throws {
        _ = try call("Runtime.enable", params: [:])
        _ = try call("Log.enable", params: [:])
    }

    /// Keeps a console message or an exception from a DevTools event.
    func note(_ event: String, _ params: [String: Any]) {
        switch event {
        case "Runtime.consoleAPICalled":
            let args = (params["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "?")" }
            consoleMessages.append("console.\(params["type"] ?? "log"): " + args.joined(separator: " "))
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"] as? [String: Any] ?? [:]
            let exception = details["exception"] as? [String: Any] ?? [:]
            consoleMessages.append("exception: \(exception["description"] ?? details["text"] ?? "?")")
        case "Log.entryAdded":
            let entry = params["entry"] as? [String: Any] ?? [:]
            consoleMessages.append("log \(entry["level"] ?? "?"): \(entry["text"] ?? "?") \(entry["url"] ?? "")")
        default:
            break
        }
    }

    /// Presses and releases `key` (a DOM key name: "ArrowRight", "Enter", " ", "Home", "Tab", ...)
    /// in whatever has the focus.
    public func press(_ key: String) throws {
        let codes: [String: (code: String, keyCode: Int, text: String?)] = [
            "ArrowLeft": ("ArrowLeft", 37, nil), "ArrowUp": ("ArrowUp", 38, nil), "ArrowRight": ("ArrowRight", 39, nil),
            "ArrowDown": ("ArrowDown", 40, nil), "Home": ("Home", 36, nil), "End": ("End", 35, nil),
            "PageUp": ("PageUp", 33, nil), "PageDown": ("PageDown", 34, nil), "Escape": ("Escape", 27, nil),
            "/": ("Slash", 191, "/"), "+": ("Equal", 187, "+"), "-": ("Minus", 189, "-"), "0": ("Digit0", 48, "0"),
            "Enter": ("Enter", 13, "\r"), " ": ("Space", 32, " "), "Tab": ("Tab", 9, nil),
        ]
        guard let code = codes[key] else { throw LoopbackSocket.Failure(description: "Chromium: no key code for \(key)") }
        var down: [String: Any] = ["type": code.text == nil ? "rawKeyDown" : "keyDown", "key": key, "code": code.code,
                                   "windowsVirtualKeyCode": code.keyCode, "nativeVirtualKeyCode": code.keyCode]
        if let text = code.text { down["text"] = text; down["unmodifiedText"] = text }
        _ = try call("Input.dispatchKeyEvent", params: down)
        _ = try call("Input.dispatchKeyEvent", params: ["type": "keyUp", "key": key, "code": code.code,
                                                         "windowsVirtualKeyCode": code.keyCode, "nativeVirtualKeyCode": code.keyCode])
    }

    /// Scrolls the first element matching `selector` into view and clicks its middle with the mouse.
    public func click(_ selector: String) throws {
        let quoted = String(decoding: try JSONSerialization.data(withJSONObject: selector, options: [.fragmentsAllowed]), as: UTF8.self)
        guard let box = try evaluate("""
            (function () { var e = document.querySelector(\(quoted)); if (!e) return null;
              e.scrollIntoView({ block: "center", inline: "center" }); var r = e.getBoundingClientRect();
              return [r.left + r.width / 2, r.top + r.height / 2]; })()
            """), let point = try JSONSerialization.jsonObject(with: Data(box.utf8)) as? [Double], point.count == 2 else {
            throw LoopbackSocket.Failure(description: "Chromium: nothing to click at \(selector)")
        }
        for type in ["mousePressed", "mouseReleased"] {
            _ = try call("Input.dispatchMouseEvent", params: ["type": type, "x": point[0], "y": point[1], "button": "left", "clickCount": 1])
        }
    }

    /// Sets the window's width and height (a phone: 390 × 844) and the colour scheme the page sees.
    public func emulate(width: Int, height: Int, dark: Bool = false) throws {
        _ = try call("Emulation.setDeviceMetricsOverride", params: ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
        _ = try call("Emulation.setEmulatedMedia", params: ["features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]])
        // The new size reaches the page's layout a frame later.
        try waitUntil("window.innerWidth === \(width) && matchMedia('(prefers-color-scheme: dark)').matches === \(dark)")
    }

    /// A PNG of the first element matching `selector`, scrolled into view below the sticky top bar,
    /// as much of it as the window shows (a taller capture would resize the window, and with it
    /// everything sized by the window's height), saved at `url`.
    public func screenshot(of selector: String, to url: URL) throws {
        let quoted = String(decoding: try JSONSerialization.data(withJSONObject: selector, options: [.fragmentsAllowed]), as: UTF8.self)
        guard let box = try evaluate("""
            (function () { var e = document.querySelector(\(quoted)); if (!e) return null;
              var r = e.getBoundingClientRect(), top = r.top + window.scrollY;
              window.scrollTo(0, Math.max(0, top - 130));
              var shown = window.innerHeight - (top - window.scrollY) - 8;
              return [r.left + window.scrollX, top, r.width, Math.min(r.height, shown)]; })()
            """), let rect = try JSONSerialization.jsonObject(with: Data(box.utf8)) as? [Double], rect.count == 4 else {
            throw LoopbackSocket.Failure(description: "Chromium: nothing to photograph at \(selector)")
        }
        let png = try screenshot(clip: (max(0, rect[0] - 8), max(0, rect[1] - 8), rect[2] + 16, rect[3] + 16))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: url)
    }

    /// Saves the viewport, or the CSS-pixel rectangle `clip` (x, y, width, height), as a PNG at `url`.
    public func screenshot(to url: URL, clip: (Double, Double, Double, Double)? = nil) throws {
        let png = try screenshot(clip: clip)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: url)
    }
}
