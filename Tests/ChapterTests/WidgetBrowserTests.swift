import BookTestSupport
import Foundation
import MicroGPT
import MicroGPTSteps
import Testing
@testable import BookKit

/// The attention lab and the training scrubber in the real book, driven in headless Chromium with
/// the keyboard (menus, slider keys): every number they show must be the engine's, computed here
/// from MicroGPT directly and rounded as the pages round. Screenshots (light, dark, phone) go to
/// .build/screenshots/widgets.
@Suite(.serialized, .ownThreads) struct WidgetBrowserTests {
    /// The book's site, built once for every suite that reads it.
    static var site: URL? { try? Book.site.get().folder }
    static let run: TrainingRun? = {
        guard let names = try? Dataset(path: Book.chapters.appendingPathComponent("data/names.txt").path) else { return nil }
        return try? TrainingRun(dataset: names)
    }()
    static let shots = Book.root.appendingPathComponent(".build/screenshots/widgets")

    @Test func attentionLabShowsTheEnginesNumbersForTheChosenNameHeadAndQuery() throws {
        let site = try #require(Self.site), run = try #require(Self.run)
        let names = try Dataset(path: Book.chapters.appendingPathComponent("data/names.txt").path)
        let browser = try open(site.appendingPathComponent("en/03-attention.html"), widget: "attention-lab")
        defer { browser.close() }
        let widget = "document.querySelector('figure[data-widget=\"attention-lab\"]')"
        let texts: [String] = try decode(browser, "Array.from(\(widget).querySelectorAll('select[data-role=text] option')).map(o => o.textContent.replace(/ \\(.*\\)$/, ''))")
        #expect(texts.count >= 12)
        let lab = try run.model.attentionLab(texts, dataset: names)
        #expect(lab.texts.contains { $0.inDataset } && lab.texts.contains { !$0.inDataset })

        // The keyboard: down the name menu to the ninth name, the head menu to head 2, then the
        // query slider to its first position and three to the right.
        try focus(browser, "\(widget).querySelector('select[data-role=text]')")
        for _ in 0..<8 { try browser.press("ArrowDown") }
        try browser.press("Tab")
        for _ in 0..<2 { try browser.press("ArrowDown") }
        try browser.press("Tab")
        let outline: String = try decode(browser, "getComputedStyle(document.activeElement).outlineStyle")
        #expect(outline != "none")
        try browser.press("Home")
        for _ in 0..<3 { try browser.press("ArrowRight") }

        let (t, h, i) = (8, 2, 3)
        #expect(try decode(browser, "Number(\(widget).querySelector('select[data-role=text]').value)") as Int == t)
        #expect(try decode(browser, "Number(\(widget).querySelector('select[data-role=head]').value)") as Int == h)
        #expect(try decode(browser, "Number(\(widget).querySelector('input[data-role=position]').value)") as Int == i)
        let head = lab.texts[t].heads[h]
        for (cell, expected) in [("dot", head.dots[i]), ("score", head.scores[i]), ("weight", head.weights[i])] {
            let shown: [String] = try decode(browser, "Array.from(\(widget).querySelectorAll('td[data-cell=\(cell)]')).map(c => c.textContent)")
            #expect(shown.map(number) == expected.map { WidgetJSON.rounded($0) }, "\(cell)")
        }
        let output: String = try decode(browser, "\(widget).querySelector('td[data-cell=output]').textContent")
        #expect(vector(output) == head.outputs[i].map { WidgetJSON.rounded($0) })
        let keys: [String] = try decode(browser, "Array.from(\(widget).querySelectorAll('td[data-cell=k]')).map(c => c.textContent)")
        #expect(keys.map(vector) == head.keys[0...i].map { $0.map { WidgetJSON.rounded($0) } })
        // The score is the dot product over √d, and the heatmaps hold every head's weights.
        #expect(try decode(browser, "\(widget).querySelector('th[scope=col]:nth-child(4)').textContent") as String
                == "score = q · k ÷ \(WidgetJSON.number(lab.root))")
        let heat: [[String]] = try decode(browser, "Array.from(\(widget).querySelectorAll('table.lab-heat')).map(t => Array.from(t.querySelectorAll('td:not(.empty)')).map(c => c.textContent))")
        #expect(heat.count == lab.texts[t].heads.count)
        for (k, cells) in heat.enumerated() {
            // Two decimals in a cell (of the four-digit number the page holds).
            let expected = lab.texts[t].heads[k].weights.flatMap { $0 }
            #expect(cells.count == expected.count)
            for (cell, w) in zip(cells, expected) { #expect(abs((number(cell) ?? .nan) - w) <= 0.00505, "head \(k): \(cell) for \(w)") }
        }
        #expect(try decode(browser, "\(widget).querySelector('[data-role=summary]').getAttribute('aria-live')") as String == "polite")
        // A click on head 1's row for position 2 picks that head and query.
        _ = try browser.evaluate("\(widget).querySelector('table.lab-heat[data-head=\"1\"] td[data-query=\"2\"]').click()")
        #expect(try decode(browser, "Number(\(widget).querySelector('select[data-role=head]').value)") as Int == 1)
        #expect(try decode(browser, "Number(\(widget).querySelector('input[data-role=position]').value)") as Int == 2)
        let clicked: [String] = try decode(browser, "Array.from(\(widget).querySelectorAll('td[data-cell=weight]')).map(c => c.textContent)")
        #expect(clicked.map(number) == lab.texts[t].heads[1].weights[2].map { WidgetJSON.rounded($0) })
        try screenshots(browser, widget: widget, name: "attention-lab")
        #expect(try messages(browser) == [])
    }

    @Test func trainingScrubberShowsAdamAndTheCheckpointsAsTheRunRecordedThem() throws {
        let site = try #require(Self.site), run = try #require(Self.run)
        let browser = try open(site.appendingPathComponent("en/05-training.html"), widget: "training-scrubber")
        defer { browser.close() }
        let widget = "document.querySelector('figure[data-widget=\"training-scrubber\"]')"
        let prefix: String = try decode(browser, "JSON.parse(\(widget).querySelector('script.widget-data').textContent).prefix")
        let timeline = try run.timeline(prefix: prefix)
        #expect(timeline.checkpoints.map(\.step) == Array(stride(from: 0, through: 1000, by: 100)))
        let names: [String] = try decode(browser, "Array.from(\(widget).querySelectorAll('select[data-role=track] option')).map(o => o.textContent)")
        #expect(names == timeline.tracks.map(\.parameter.description))
        #expect(names.count >= 4)

        // The last parameter (lm_head), then the slider: Home, one step right, End, Page Down, arrows.
        try focus(browser, "\(widget).querySelector('select[data-role=track]')")
        for _ in 0..<(names.count - 1) { try browser.press("ArrowDown") }
        try browser.press("Tab")
        let track = timeline.tracks[names.count - 1]
        func shownStep() throws -> Int { try decode(browser, "Number(\(widget).querySelector('input[data-role=step]').value)") }
        func cell(_ name: String) throws -> String { try decode(browser, "\(widget).querySelector('[data-cell=\(name)]').textContent") }

        try browser.press("Home")
        #expect(try shownStep() == 0)
        #expect(number(try cell("after")) == WidgetJSON.rounded(track.initial))
        var visited: [Int] = []
        for key in ["ArrowRight", "ArrowRight", "End", "PageDown", "ArrowLeft", "PageDown", "ArrowLeft"] {
            try browser.press(key)
            let t = try shownStep()
            visited.append(t)
            guard t > 0 else { continue }
            let u = track.updates[t - 1]
            #expect(u.step == t)
            for (name, value) in [("g", u.grad), ("m", u.m), ("v", u.v), ("mh", u.mHat), ("vh", u.vHat), ("change", u.change),
                                  ("after", u.after), ("before", u.before), ("lr", u.learningRate), ("loss", run.losses.values[t - 1])] {
                #expect(number(try cell(name)) == WidgetJSON.rounded(value), "step \(t) \(name)")
            }
            let checkpoint = try #require(timeline.checkpoints.last { $0.step <= t })
            let loss = try cell("heldOut")
            #expect(number(String(loss.split(separator: ":").last ?? "")) == WidgetJSON.rounded(checkpoint.heldOutLoss))
            let samples: String = try decode(browser, "\(widget).querySelector('.scrub-samples').textContent")
            #expect(samples.hasSuffix(": " + checkpoint.samples.joined(separator: " ")))
            let bars: [String] = try decode(browser, "Array.from(\(widget).querySelectorAll('table.scrub-bars td:last-child')).map(c => c.textContent)")
            #expect(bars.map(number) == checkpoint.next.top(8).probabilities.map { WidgetJSON.rounded($0) })
        }
        #expect(visited.first == 1 && visited[1] == 2 && visited[2] == 1000 && Set(visited).count == visited.count)
        #expect(try decode(browser, "\(widget).querySelector('.scrub-adam').getAttribute('aria-live')") as String == "polite")
        try screenshots(browser, widget: widget, name: "training-scrubber")
        #expect(try messages(browser) == [])

        // The Russian page shows step 1 of the first parameter in Russian words and numbers.
        try browser.navigate(site.appendingPathComponent("ru/05-training.html").absoluteString)
        try browser.waitUntil("document.readyState === 'complete' && !!document.querySelector('figure[data-widget=\"training-scrubber\"] .widget-live')")
        let first = timeline.tracks[0].updates[0]
        #expect(try cell("g") == WidgetJSON.shown(first.grad, separator: ","))
        #expect(try cell("after") == WidgetJSON.shown(first.after, separator: ","))
        #expect(try decode(browser, "\(widget).querySelector('.widget-subtitle').textContent") as String == "Adam на шаге 1")
        #expect(try messages(browser) == [])
    }

    // MARK: - Driving the page

    /// A browser showing `page` once its widget has replaced its static form.
    private func open(_ page: URL, widget: String) throws -> HeadlessBrowser {
        let browser = try HeadlessBrowser()
        try browser.addScriptOnNewDocument("""
            window.__messages = [];
            ["log", "info", "warn", "error", "debug"].forEach(function (k) {
              var original = console[k];
              console[k] = function () { window.__messages.push(k + ": " + Array.from(arguments).join(" ")); original.apply(console, arguments); };
            });
            window.addEventListener("error", function (e) { window.__messages.push("error: " + (e.message || (e.target && (e.target.src || e.target.href)))); }, true);
            window.addEventListener("unhandledrejection", function (e) { window.__messages.push("rejection: " + e.reason); });
            """)
        try browser.emulate(width: 1200, height: 900)
        try browser.navigate(page.absoluteString)
        try browser.waitUntil("document.readyState === 'complete' && !!document.querySelector('figure[data-widget=\"\(widget)\"] .widget-live')")
        return browser
    }

    private func focus(_ browser: HeadlessBrowser, _ element: String) throws {
        _ = try browser.evaluate("\(element).focus()")
    }

    private func decode<T: Decodable>(_ browser: HeadlessBrowser, _ expression: String) throws -> T {
        let json = try #require(try browser.evaluate(expression), "no value for \(expression)")
        return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    private func messages(_ browser: HeadlessBrowser) throws -> [String] { try decode(browser, "window.__messages") }

    /// The figure in light and dark at 1200 px, and the page at a 390 px phone width (where the
    /// page must not scroll sideways).
    private func screenshots(_ browser: HeadlessBrowser, widget: String, name: String) throws {
        try FileManager.default.createDirectory(at: Self.shots, withIntermediateDirectories: true)
        // The sticky top bar would cover the figure's top in a picture of it.
        _ = try browser.evaluate("document.querySelector('header.topbar').style.position = 'static'")
        func shoot(_ suffix: String) throws {
            _ = try browser.evaluate("\(widget).scrollIntoView()")
            let box: [Double] = try decode(browser, "(r => [r.left + scrollX, r.top + scrollY, r.width, r.height])(\(widget).getBoundingClientRect())")
            let png = try browser.screenshot(clip: (box[0], box[1], box[2], min(box[3], 3000)))
            try png.write(to: Self.shots.appendingPathComponent("\(name)-\(suffix).png"))
        }
        try shoot("light")
        _ = try browser.evaluate("document.documentElement.setAttribute('data-theme', 'dark')")
        try shoot("dark")
        _ = try browser.evaluate("document.documentElement.removeAttribute('data-theme')")
        try browser.emulate(width: 390, height: 844)
        let pageWidth: Int = try decode(browser, "document.documentElement.scrollWidth")
        #expect(pageWidth <= 390)
        let right: Int = try decode(browser, "Math.ceil(\(widget).getBoundingClientRect().right)")
        #expect(right <= 390)
        try shoot("phone")
    }
}

/// A number as a widget shows it (`−0,25` or `−0.25`), read back.
private func number(_ text: String) -> Double? {
    Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: "."))
}

/// A vector as a widget shows it, `[0.1; −0.2]`, read back.
private func vector(_ text: String) -> [Double?] {
    text.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).components(separatedBy: "; ").map(number)
}
