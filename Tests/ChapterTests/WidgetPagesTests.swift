import BookKit
import BookTestSupport
import Foundation
import MicroGPT
import MicroGPTSteps
import Testing

/// The autograd step-through (chapter 02) and the block map (chapter 04) on the real English pages,
/// driven in headless Chromium with key presses and mouse clicks. Every number the widgets show is
/// compared with the same number computed here from MicroGPT directly. Screenshots (light, dark,
/// phone) go to .build/screenshots/widgets.
@Suite(.serialized, .ownThreads)
struct WidgetPagesTests {
    /// The book's site, built once for every suite that reads it.
    static var site: Result<URL, Error> { Book.site.map(\.folder) }
    static let screenshots = Book.root.appendingPathComponent(".build/screenshots/widgets")

    /// The trained model and the forward pass the chapters follow, computed here as the chapters do.
    static func run() throws -> (run: TrainingRun, trace: Trace) {
        let run = try TrainingRun(dataset: Dataset(path: Book.chapters.appendingPathComponent("data/names.txt").path))
        return (run, try run.model.forward("anna"))
    }

    @Test func autogradStepThroughShowsTheEnginesDataAndGradientsInItsOrder() throws {
        let page = try Self.site.get().appendingPathComponent("en/02-autograd.html")
        let browser = try HeadlessBrowser()
        defer { browser.close() }
        try browser.listenToConsole()
        try browser.emulate(width: 1200, height: 1400)
        try browser.navigate(page.absoluteString)
        try browser.waitUntil("document.querySelectorAll('figure.graph-sweep.ready').length === 2")

        // M = a · b + a, as the chapter builds it.
        let g = Graph()
        let a = Value(2, label: "a", in: g), b = Value(3, label: "b", in: g)
        let m = a * b + a
        m.backward()
        let small = m.expressionGraph.nodes
        let first = "figure.graph-sweep"
        #expect(try shown(browser, first, "readout") == "Nothing computed yet: press Step or Play.")
        try browser.click("\(first) .sweep-canvas")
        // Forward: one key press per node, each in the order the tape recorded it (inputs, then a · b, then + a).
        for (step, label) in ["a", "b", "n1", "n2"].enumerated() {
            try browser.press("ArrowRight")
            #expect(try browser.evaluate("document.querySelector('\(first)').dataset.step") == "\"\(step + 1)\"")
            let node = try #require(small.first { $0.label == label })
            let readout = try shown(browser, first, "readout")
            #expect(readout.hasPrefix("Forward \(step + 1) of 4: \(label) = "), "\(readout)")
            #expect(close(number(after: "= ", in: readout, last: true), node.data), "\(readout)")
        }
        // The backward sweep: the seed, then each visit in the order backward() visits (n2, n1, b, a).
        try browser.press("ArrowRight")
        #expect(try shown(browser, first, "readout").hasPrefix("Backward begins: n2.grad = 1"))
        try browser.press("ArrowRight")
        let visit = try shown(browser, first, "readout")
        #expect(visit.hasPrefix("Backward 1 of 4: n2 has its whole gradient"), "\(visit)")
        #expect(visit.contains("a.grad += 1 × 1 → 1"), "\(visit)")  // a's first share, before a · b adds b
        try browser.press("ArrowRight")
        #expect(try shown(browser, first, "readout").contains("a.grad += \(format(b.data)) × 1 → \(format(a.grad))"))
        try Self.shoot(browser, first, "autograd-small")  // in the middle of the backward sweep
        try browser.press("End")
        for node in small {
            let box = try boxText(browser, first, node.label)
            #expect(close(number(after: "data ", in: box), node.data) && close(number(after: "grad ", in: box), node.grad), "\(node.label): \(box)")
        }
        // Back a step with the button, then to the start, then play to the end.
        try browser.click("\(first) [data-action=back]")
        #expect(try browser.evaluate("document.querySelector('\(first)').dataset.step") == "\"8\"")
        try browser.click("\(first) [data-action=start]")
        #expect(try shown(browser, first, "readout") == "Nothing computed yet: press Step or Play.")
        try browser.click("\(first) [data-action=play]")
        try browser.waitUntil("document.querySelector('\(first)').dataset.step === '9'", timeout: 30)
        #expect(try browser.evaluate("document.querySelector('\(first) [data-action=play]').getAttribute('aria-pressed')") == "\"false\"")

        // One attention weight of the trained model: every gradient at the end of the sweep.
        let (run, trace) = try Self.run()
        let head = run.config.headSize
        let at0 = trace.positions[0].layers[0], at1 = trace.positions[1].layers[0]
        let g7 = Graph()
        let q = (0..<head).map { Value(at1.query[$0], label: "q\($0)", in: g7) }
        let k0 = (0..<head).map { Value(at0.key[$0], label: "k0[\($0)]", in: g7) }
        let k1 = (0..<head).map { Value(at1.key[$0], label: "k1[\($0)]", in: g7) }
        let s0 = (sum((0..<head).map { q[$0] * k0[$0] }) / Double(head).squareRoot()).named("s0")
        let s1 = (sum((0..<head).map { q[$0] * k1[$0] }) / Double(head).squareRoot()).named("s1")
        let largest = max(s0.data, s1.data)
        let e0 = (s0 - largest).exp().named("e0"), e1 = (s1 - largest).exp().named("e1")
        let w1 = (e1 / sum([e0, e1])).named("w1")
        w1.backward()
        #expect(w1.data == at1.heads[0].weights[1])
        let second = "#\(try #require(try browser.evaluate("document.querySelectorAll('figure.graph-sweep')[1].id")).replacingOccurrences(of: "\"", with: ""))"
        // Folded, the picture shows the inputs and the five named values; unfolding s0 adds its eight.
        #expect(try browser.evaluate("document.querySelectorAll('\(second) svg.sweep-svg g.node').length") == "\(3 * head + 5)")
        try browser.click("\(second) .sweep-groups button[data-group='\(try groupNode(w1, "s0"))']")
        #expect(try browser.evaluate("document.querySelectorAll('\(second) svg.sweep-svg g.node').length") == "\(3 * head + 5 + 2 * head)")
        #expect(try browser.evaluate("document.querySelector('\(second) .sweep-groups button[data-group=\"\(try groupNode(w1, "s0"))\"]').getAttribute('aria-expanded')") == "\"true\"")
        try browser.click("\(second) .sweep-canvas")
        try browser.press("End")
        for value in q + k0 + k1 + [s0, s1, e0, e1, w1] {
            let box = try boxText(browser, second, value.label)
            #expect(close(number(after: "data ", in: box), value.data) && close(number(after: "grad ", in: box), value.grad), "\(value.label): \(box)")
        }
        try Self.shoot(browser, second, "autograd-attention-weight")
        // The division is a power with exponent −1, and the forward sweep says so.
        let power = try #require(w1.expressionGraph.nodes.first { $0.operation.hasPrefix("pow") })
        #expect(power.operation == "pow -1.0")
        try browser.click("\(second) [data-action=start]")
        try browser.click("\(second) .sweep-canvas")
        var readout = ""
        for _ in w1.expressionGraph.nodes where !readout.contains("pow(") {
            try browser.press("ArrowRight")
            readout = try shown(browser, second, "readout")
        }
        #expect(readout.contains("\(power.label) = pow(") && readout.contains(", −1) = "), "\(readout)")
        #expect(browser.consoleMessages == [])
    }

    @Test func blockMapShowsTheEnginesActivationsForTheChosenNamePositionAndStation() throws {
        let page = try Self.site.get().appendingPathComponent("en/04-transformer-block.html")
        let browser = try HeadlessBrowser()
        defer { browser.close() }
        try browser.listenToConsole()
        try browser.emulate(width: 1200, height: 1400)
        try browser.navigate(page.absoluteString)
        try browser.waitUntil("!!document.querySelector('figure.block-map.ready')")
        let (run, _) = try Self.run()
        let map = "figure.block-map"

        /// The numbers in the panel, in order.
        func panelNumbers() throws -> [Double] {
            let json = try #require(try browser.evaluate("Array.from(document.querySelectorAll('\(map) .block-map-panel ol.vector li')).map(li => li.lastChild.textContent)"))
            let texts = try JSONDecoder().decode([String].self, from: Data(json.utf8))
            return texts.map { parse($0) }
        }
        func expect(_ name: String, _ position: Int, _ station: String, _ expected: [Double]) throws {
            #expect(try browser.evaluate("document.querySelector('\(map)').dataset.shown") == "\"\(name) \(position) \(station)\"")
            let numbers = try panelNumbers()
            #expect(numbers.count == expected.count, "\(name) \(position) \(station)")
            for (shown, value) in zip(numbers, expected) { #expect(close(shown, value), "\(name) \(position) \(station): \(shown) vs \(value)") }
        }

        // The default: "anna" at position 2, first station wte[token].
        let anna = try run.model.forward("anna").positions[2]
        try expect("anna", 2, "wte", run.model.matrix("wte")[anna.token])
        // Click a station with the mouse.
        try browser.click("\(map) button.station[data-station='3']")
        try expect("anna", 2, "norm0", anna.normalizedEmbedding)
        // Arrows move between stations, Enter shows one: from norm0 down to q.
        try browser.press("ArrowDown")
        try browser.press("ArrowDown")
        try browser.press("Enter")
        try expect("anna", 2, "query", anna.layers[0].query)
        #expect(try browser.evaluate("document.activeElement.getAttribute('data-station')") == "\"5\"")
        // Another name and position (the pickers are native selects).
        try browser.click("\(map) select[data-pick=text]")
        _ = try browser.evaluate("(function(){var s=document.querySelector('\(map) select[data-pick=text]'); s.value='2'; s.dispatchEvent(new Event('change'));})()")
        _ = try browser.evaluate("(function(){var s=document.querySelector('\(map) select[data-pick=position]'); s.value='4'; s.dispatchEvent(new Event('change'));})()")
        let olivia = try run.model.forward("olivia").positions[4]
        try expect("olivia", 4, "query", olivia.layers[0].query)
        for (station, key, values) in [(8, "weights", olivia.layers[0].heads.flatMap(\.weights)), (14, "activated", olivia.layers[0].activated),
                                       (16, "output", olivia.layers[0].output), (18, "probabilities", olivia.probabilities.probabilities)] {
            try browser.click("\(map) button.station[data-station='\(station)']")
            try expect("olivia", 4, key, values)
        }
        // The softmax's numbers are labelled with the tokens they are for.
        let firstToken = try browser.evaluate("document.querySelector('\(map) .block-map-panel ol.vector li .index').textContent")
        #expect(firstToken == "\"\(run.tokenizer.symbol(0))\"")
        #expect(try browser.evaluate("document.querySelector('\(map) .block-map-panel').getAttribute('aria-live')") == "\"polite\"")
        // Every station's link leads somewhere on the page, or to the attention chapter.
        let links = try #require(try browser.evaluate("JSON.parse(document.querySelector('\(map) script.widget-data').textContent).stations.map(s => s.link.startsWith('#') ? !!document.getElementById(s.link.slice(1)) : s.link)"))
        #expect(!links.contains("false"), "\(links)")
        try Self.shoot(browser, map, "block-map")
        #expect(browser.consoleMessages == [])
    }

    /// The figure in light and dark at 1200 px, and light at a phone's 390 px.
    static func shoot(_ browser: HeadlessBrowser, _ selector: String, _ name: String) throws {
        try browser.screenshot(of: selector, to: screenshots.appendingPathComponent("\(name)-light.png"))
        try browser.emulate(width: 1200, height: 1400, dark: true)
        try browser.screenshot(of: selector, to: screenshots.appendingPathComponent("\(name)-dark.png"))
        try browser.emulate(width: 390, height: 1400)
        let overflow = try browser.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
        #expect(overflow == "false", "\(name) makes the page scroll sideways at 390 px")
        try browser.screenshot(of: selector, to: screenshots.appendingPathComponent("\(name)-phone.png"))
        try browser.emulate(width: 1200, height: 1400)
    }
}

/// The visible text of a sweep widget's part.
private func shown(_ browser: HeadlessBrowser, _ figure: String, _ part: String) throws -> String {
    let json = try browser.evaluate("document.querySelector('\(figure) .sweep-\(part)').textContent") ?? "\"\""
    return try JSONDecoder().decode(String.self, from: Data(json.utf8))
}

/// The text of the node box labelled `label` ("q0data 0.12grad −0.3").
private func boxText(_ browser: HeadlessBrowser, _ figure: String, _ label: String) throws -> String {
    let quoted = String(decoding: try JSONSerialization.data(withJSONObject: label, options: [.fragmentsAllowed]), as: UTF8.self)
    let json = try browser.evaluate("""
        (function () { var boxes = document.querySelectorAll('\(figure) svg.sweep-svg g.node');
          for (var i = 0; i < boxes.length; i++) { var t = boxes[i].querySelectorAll('text');
            if (t[0].textContent.replace(' \\u25b8', '') === \(quoted)) return t[t.length - 2].textContent + ' ' + t[t.length - 1].textContent; }
          return ''; })()
        """) ?? "\"\""
    return try JSONDecoder().decode(String.self, from: Data(json.utf8))
}

/// The id of the node a group is named after, as the sweep numbers its nodes.
private func groupNode(_ value: Value, _ label: String) throws -> Int {
    try #require(value.sweep.graph.nodes.first { $0.label == label }).id
}

/// A number as the English pages write it ("−0.0024", "1.5e-05").
private func parse(_ text: String) -> Double {
    Double(text.replacingOccurrences(of: "\u{2212}", with: "-").trimmingCharacters(in: .whitespaces)) ?? .nan
}

/// The number after `marker` in `text` (the last such when `last`).
private func number(after marker: String, in text: String, last: Bool = false) -> Double {
    guard let range = last ? text.range(of: marker, options: .backwards) : text.range(of: marker) else { return .nan }
    return parse(String(text[range.upperBound...].prefix { !$0.isWhitespace && $0 != "(" }))
}

/// Equal as far as four decimals (or two significant digits for tiny numbers) show.
private func close(_ shown: Double, _ value: Double) -> Bool {
    abs(shown - value) <= 0.000051 + abs(value) * 0.05 * (abs(value) < 1e-4 ? 1 : 0)
}

/// How the English pages write `x` (four decimals at most, the typographic minus).
private func format(_ x: Double) -> String {
    var s = String(format: "%.4f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s.replacingOccurrences(of: "-", with: "\u{2212}")
}
