import BookKit
import BookTestSupport
import Foundation
import MicroGPT
import MicroGPTSteps
import Testing

/// The 3D views of the real book in headless Chromium: with WebGL (SwiftShader) each canvas draws
/// something, turns by drag and by key, resets, and its slider shows the engine's numbers (computed
/// here by running the chapter's own steps); without WebGL, and in print, the SVG drawing shows.
/// No console message either way. Screenshots go to .build/screenshots/views3d.
@Suite(.serialized, .ownThreads) struct Scene3DBrowserTests {
    static let webGL = ["--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--enable-webgl", "--ignore-gpu-blocklist"]
    static let shots = Book.root.appendingPathComponent(".build/screenshots/views3d")

    /// The book's site, built once for every suite that reads it.
    static var site: Result<URL, Error> { Book.site.map(\.folder) }

    /// The chapter's own step values of type `T`, in order.
    static func values<T>(_ slug: String, _ type: T.Type) throws -> [T] {
        try Book.run("en", slug).compactMap { $0.value as? T }
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x).replacingOccurrences(of: "-", with: "−") }

    /// Opens `page` and waits until every 3D view has started (WebGL or flat).
    static func open(_ browser: HeadlessBrowser, _ page: String) throws {
        try browser.listenToConsole()
        // A desktop window tall enough that a centred figure clears the sticky header.
        try browser.command("Emulation.setDeviceMetricsOverride", ["width": 1100, "height": 1400, "deviceScaleFactor": 1, "mobile": false])
        try browser.navigate(try site.get().appendingPathComponent("en/\(page)").absoluteString)
        try browser.waitUntil("document.readyState === 'complete' && document.querySelectorAll('figure.scene3d').length > 0 && [...document.querySelectorAll('figure.scene3d')].every(f => f.classList.contains('scene3d-webgl') || f.classList.contains('scene3d-flat'))")
        // A view is drawn when it comes near the screen: each is brought there in turn.
        let count = Int(try browser.evaluate("document.querySelectorAll('figure.scene3d').length") ?? "0") ?? 0
        for index in 0..<count {
            try browser.waitUntil("(\(figure(index)).scrollIntoView({ block: 'center' }), \(figure(index)).classList.contains('scene3d-ready'))")
        }
    }

    /// A JS expression on figure `index` of the page.
    static func figure(_ index: Int) -> String { "document.querySelectorAll('figure.scene3d')[\(index)]" }

    /// How many distinct colours the figure's canvas shows (a blank canvas has one).
    static func colours(_ browser: HeadlessBrowser, _ index: Int) throws -> Int {
        let js = """
        (() => { const c = \(figure(index)).querySelector('canvas'); const t = document.createElement('canvas');
          t.width = c.width; t.height = c.height; const g = t.getContext('2d'); g.drawImage(c, 0, 0);
          const d = g.getImageData(0, 0, t.width, t.height).data; const seen = new Set();
          for (let i = 0; i < d.length; i += 16) seen.add(d[i] << 24 | d[i + 1] << 16 | d[i + 2] << 8 | d[i + 3]);
          return seen.size; })()
        """
        return Int(try browser.evaluate(js) ?? "0") ?? 0
    }

    static func pixels(_ browser: HeadlessBrowser, _ index: Int) throws -> String {
        // A short fingerprint of the canvas's PNG, so that a failure prints something readable.
        try browser.evaluate("(() => { const u = \(figure(index)).querySelector('canvas').toDataURL(); let h = 0; for (let i = 0; i < u.length; i++) h = (h * 31 + u.charCodeAt(i)) | 0; return u.length + ':' + h; })()") ?? ""
    }

    static func text(_ browser: HeadlessBrowser, _ expression: String) throws -> String {
        let json = try browser.evaluate(expression) ?? "null"
        return (try? JSONDecoder().decode(String.self, from: Data(json.utf8))) ?? json
    }

    /// Moves figure `index`'s slider to `value` as the reader's input does.
    static func slide(_ browser: HeadlessBrowser, _ index: Int, to value: Int) throws {
        _ = try browser.evaluate("(() => { const i = \(figure(index)).querySelector('.scene3d-slider input'); i.value = \(value); i.dispatchEvent(new Event('input')); return true; })()")
    }

    /// Screenshot of figure `index` after scrolling it into view.
    static func shoot(_ browser: HeadlessBrowser, _ index: Int, _ name: String) throws {
        let box = try text(browser, "(() => { const f = \(figure(index)); f.scrollIntoView({ block: 'center' }); const r = f.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height].join(' '); })()")
        let n = box.split(separator: " ").compactMap { Double($0) }
        guard n.count == 4 else { return }
        try browser.screenshot(to: shots.appendingPathComponent(name + ".png"), clip: (n[0], n[1], max(n[2], 1), max(n[3], 1)))
    }

    @Test func embeddingsAndLandscapeDrawAndShowTheEngineNumbers() throws {
        let map = try #require(try Self.values("05-training", EmbeddingMap.self).first)
        let landscape = try #require(try Self.values("05-training", LossLandscape.self).first)
        let browser = try HeadlessBrowser(flags: Self.webGL)
        defer { browser.close() }
        try Self.open(browser, "05-training.html")
        #expect(try browser.evaluate("document.querySelectorAll('figure.scene3d-webgl').length") == "2")

        // Embeddings: a drawn canvas, the engine's letters as labels, its shares at every checkpoint.
        #expect(try Self.colours(browser, 0) > 5)
        let labels = try Self.text(browser, "[...\(Self.figure(0)).querySelectorAll('.scene3d-labels .scene3d-tag:not(.scene3d-axis-name)')].map(t => t.textContent).join('|')")
        #expect(labels == map.symbols.joined(separator: "|"))
        #expect(try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-tag.scene3d-marked').textContent") == "\"\(map.symbols[map.symbols.count - 1])\"")
        for (i, step) in map.steps.enumerated() {
            try Self.slide(browser, 0, to: i)
            let readout = try Self.text(browser, "\(Self.figure(0)).querySelector('.scene3d-readout').textContent")
            for share in map.shares[i] + [map.explained[i]] { #expect(readout.contains(Self.percent(share)), "step \(step): \(readout)") }
            let title = try Self.text(browser, "\(Self.figure(0)).querySelector('.scene3d-title').textContent")
            #expect(title.contains(step.formatted(.number.locale(Locale(identifier: "en")))), "\(title)")
        }
        try Self.shoot(browser, 0, "embeddings-webgl")

        // Keys on the slider move it; drag, arrow keys and zoom change the picture; reset restores it.
        _ = try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-slider input').focus()")
        try Self.slide(browser, 0, to: 3)
        try browser.press("ArrowRight")
        #expect(try browser.evaluate("\(Self.figure(0)).getAttribute('data-frame')") == "\"4\"")
        let start = try Self.pixels(browser, 0)
        let box = try Self.text(browser, "(() => { const c = \(Self.figure(0)).querySelector('canvas'); c.scrollIntoView({ block: 'center' }); const r = c.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2].join(' '); })()")
        let centre = box.split(separator: " ").compactMap { Double($0) }
        try #require(centre.count == 2)
        try browser.command("Input.dispatchMouseEvent", ["type": "mousePressed", "x": centre[0], "y": centre[1], "button": "left", "buttons": 1, "clickCount": 1])
        for k in 1...5 {
            try browser.command("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": centre[0] + Double(12 * k), "y": centre[1] + Double(4 * k), "button": "left", "buttons": 1])
        }
        try browser.command("Input.dispatchMouseEvent", ["type": "mouseReleased", "x": centre[0] + 60, "y": centre[1] + 20, "button": "left", "buttons": 0, "clickCount": 1])
        let dragged = try Self.pixels(browser, 0)
        #expect(dragged != start)
        _ = try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-reset').click()")
        #expect(try Self.pixels(browser, 0) == start)
        _ = try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-stage').focus()")
        try browser.press("ArrowLeft")
        let turned = try Self.pixels(browser, 0)
        #expect(turned != start)
        try browser.press("+")
        #expect(try Self.pixels(browser, 0) != turned)
        try browser.press("0")
        #expect(try Self.pixels(browser, 0) == start)

        // The landscape: a drawn surface, and at each point of the path the engine's two losses.
        #expect(try Self.colours(browser, 1) > 5)
        let shares = try Self.text(browser, "\(Self.figure(1)).querySelector('.scene3d-readout').textContent")
        for share in landscape.directionShares { #expect(shares.contains(Self.percent(share))) }
        for i in landscape.steps.indices {
            try Self.slide(browser, 1, to: i)
            let readout = try Self.text(browser, "\(Self.figure(1)).querySelector('.scene3d-readout').textContent")
            #expect(readout.contains(Self.fixed(landscape.pathPlaneLosses[i], 4)), "\(readout)")
            #expect(readout.contains(Self.fixed(landscape.pathLosses[i], 4)), "\(readout)")
        }
        let rows = try Self.text(browser, "[...\(Self.figure(1)).querySelectorAll('.scene3d-table tbody tr')].map(r => r.cells[3].textContent + '/' + r.cells[4].textContent).join('|')")
        #expect(rows == landscape.steps.indices.map { Self.fixed(landscape.pathPlaneLosses[$0], 4) + "/" + Self.fixed(landscape.pathLosses[$0], 4) }.joined(separator: "|"))
        try Self.shoot(browser, 1, "landscape-webgl")

        // Dark theme: the scene redraws in the theme's colours.
        let light = try Self.pixels(browser, 1)
        _ = try browser.evaluate("document.documentElement.setAttribute('data-theme', 'dark')")
        #expect(try Self.pixels(browser, 1) != light)
        try Self.shoot(browser, 1, "landscape-webgl-dark")
        try Self.shoot(browser, 0, "embeddings-webgl-dark")

        // Print shows the flat drawing in place of the canvas.
        try browser.command("Emulation.setEmulatedMedia", ["media": "print"])
        #expect(try browser.evaluate("getComputedStyle(\(Self.figure(0)).querySelector('.scene3d-live')).display") == "\"none\"")
        #expect(try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-drawing:not([hidden]) svg').getBoundingClientRect().height > 50") == "true")
        try browser.command("Emulation.setEmulatedMedia", ["media": "screen"])

        // A phone: the view fits the 390 px column.
        try browser.command("Emulation.setDeviceMetricsOverride", ["width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true])
        _ = try browser.evaluate("window.dispatchEvent(new Event('resize'))")
        #expect(try browser.evaluate("\(Self.figure(0)).querySelector('canvas').getBoundingClientRect().right <= 390") == "true")
        let phoneColours = try Self.colours(browser, 0)
        let size = try browser.evaluate("(() => { const c = \(Self.figure(0)).querySelector('canvas'); return [c.width, c.height, c.clientWidth].join(' '); })()") ?? ""
        #expect(phoneColours > 5, "\(phoneColours) colours on a canvas of \(size)")
        try Self.shoot(browser, 0, "embeddings-webgl-phone")
        #expect(browser.consoleMessages == [])
    }

    @Test func queriesAndKeysDrawAsArrowsWithTheEngineWeights() throws {
        let space = try #require(try Self.values("03-attention", QueryKeySpace.self).first)
        let browser = try HeadlessBrowser(flags: Self.webGL)
        defer { browser.close() }
        try Self.open(browser, "03-attention.html")
        #expect(try browser.evaluate("\(Self.figure(0)).classList.contains('scene3d-webgl')") == "true")
        #expect(try Self.colours(browser, 0) > 5)
        for p in space.symbols.indices {
            try Self.slide(browser, 0, to: p)
            let labels = try Self.text(browser, "[...\(Self.figure(0)).querySelectorAll('.scene3d-labels .scene3d-tag:not(.scene3d-axis-name)')].map(t => t.textContent).join('|')")
            #expect(labels == (Array(space.symbols[0...p]) + [space.symbols[p]]).joined(separator: "|"))
            let strongest = space.strongest[p]
            let readout = try Self.text(browser, "\(Self.figure(0)).querySelector('.scene3d-readout').textContent")
            #expect(readout.contains(Self.fixed(space.weights[p][strongest], 4)), "\(readout)")
            #expect(readout.contains(Self.percent(space.kept)), "\(readout)")
            let weights = try Self.text(browser, "[...\(Self.figure(0)).querySelectorAll('.scene3d-table:not([hidden]) tbody tr')].map(r => r.cells[3].textContent).join('|')")
            #expect(weights == space.weights[p].map { Self.fixed($0, 4) }.joined(separator: "|"))
        }
        try Self.shoot(browser, 0, "query-key-webgl")
        #expect(browser.consoleMessages == [])
    }

    @Test func withoutWebGLTheDrawingShowsAndTheSliderSwitchesIt() throws {
        let map = try #require(try Self.values("05-training", EmbeddingMap.self).first)
        let browser = try HeadlessBrowser(flags: ["--disable-gpu", "--disable-webgl", "--disable-3d-apis"])
        defer { browser.close() }
        try Self.open(browser, "05-training.html")
        #expect(try browser.evaluate("document.querySelectorAll('figure.scene3d-flat').length") == "2")
        #expect(try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-live').hidden") == "true")
        #expect(try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-slider').hidden") == "false")
        try Self.slide(browser, 0, to: 0)
        #expect(try browser.evaluate("[...\(Self.figure(0)).querySelectorAll('.scene3d-drawing')].filter(d => !d.hidden).map(d => d.dataset.index).join()") == "\"0\"")
        #expect(try browser.evaluate("\(Self.figure(0)).querySelector('.scene3d-drawing[data-index=\"0\"] svg').getBoundingClientRect().height > 50") == "true")
        let readout = try Self.text(browser, "\(Self.figure(0)).querySelector('.scene3d-readout').textContent")
        #expect(readout.contains(Self.percent(map.explained[0])))
        try Self.shoot(browser, 0, "embeddings-flat")
        try Self.shoot(browser, 1, "landscape-flat")
        #expect(browser.consoleMessages == [])
    }
}
