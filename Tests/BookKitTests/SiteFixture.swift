import Foundation
@testable import BookKit

/// A slider result like MicroGPT's `Variants`, for tests that must not wait for the engine.
struct FakeVariants: SliderPresentable, CustomStringConvertible {
    var sliderLabel: String
    var sliderValues: [Double]
    var sliderResults: [Any]
    var sliderDefaultIndex: Int
    var description: String { String(describing: sliderResults[sliderDefaultIndex]) }
}

/// A small site: three languages, two chapters each, every kind of presentation and a slider.
enum SiteFixture {
    static let symbols = ["⟨BOS⟩"] + "abcdefghijklmnopqrstuvwxyz".map(String.init)

    /// A softmax of made-up scores, so the bars look like a real distribution.
    static func distribution(temperature: Double) -> [Double] {
        let scores = symbols.indices.map { sin(Double($0) * 1.7) * 2 + ($0 == 1 ? 2.5 : 0) + ($0 == 5 ? 1.8 : 0) }
        let exps = scores.map { exp($0 / temperature) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    static func attention(head: Int) -> [[Double]] {
        (0..<5).map { i in
            let raw = (0...i).map { j in exp(Double((i * 3 + j * (head + 2)) % 7) / 2) }
            let total = raw.reduce(0, +)
            return raw.map { $0 / total }
        }
    }

    static let losses: [Double] = (0..<1000).map { step in
        let t = Double(step)
        return 2.3 + 1.0 * exp(-t / 180) + 0.35 * sin(t * 12.9898).magnitude - 0.17
    }

    static let graph: [GraphChart.Node] = [
        .init(id: 0, label: "a", operation: "", data: 2, grad: -3, inputs: [], localGradients: []),
        .init(id: 1, label: "b", operation: "", data: -3, grad: 2, inputs: [], localGradients: []),
        .init(id: 2, label: "c", operation: "*", data: -6, grad: 1, inputs: [0, 1], localGradients: [-3, 2]),
        .init(id: 3, label: "", operation: "", data: 10, grad: 1, inputs: [], localGradients: []),
        .init(id: 4, label: "d", operation: "+", data: 4, grad: 1, inputs: [2, 3], localGradients: [1, 1]),
        .init(id: 5, label: "L", operation: "relu", data: 4, grad: 1, inputs: [4], localGradients: [1]),
    ]

    static func step(_ code: String, _ value: Any?, _ text: String, _ language: String, hidden: Bool = false) -> String {
        Presenter.step(code: code, result: Presenter.html(value: value, text: text, language: language),
                       language: language, codeHidden: hidden)
    }

    static func chapterOne(_ language: String) -> RenderedChapter {
        let slider = FakeVariants(sliderLabel: "temperature", sliderValues: [0.1, 0.5, 1.0],
                                  sliderResults: [0.1, 0.5, 1.0].map { BarChart(labels: symbols, values: distribution(temperature: $0)) },
                                  sliderDefaultIndex: 1)
        let body = """
        <h1>\(language == "ru" ? "Вероятности" : language == "et" ? "Tõenäosused" : "Probabilities")</h1>
        <p>A model turns scores into probabilities. The step below computes a dot product; its result is a plain number.</p>
        <h2 id="numbers">Numbers and vectors</h2>
        \(step("let a: [Double] = [1, 2, 3]\nlet b: [Double] = [4, 0, -1]\ndot(a, b) // a number", 1.0, "1.0", language))
        \(step("softmax([2, 1, 0.1, -1.5, 0, 3])", [0.2318, 0.0853, 0.0347, 0.0077, 0.0314, 0.6301], "[0.2318, 0.0853, 0.0347, 0.0077, 0.0314, 0.6301]", language))
        <h3 id="matrix">A matrix</h3>
        \(step("model.matrix(\"wte\")", (0..<4).map { r in (0..<6).map { c in sin(Double(r * 6 + c)) * 0.1 } }, "[[...]]", language, hidden: true))
        <h2 id="distribution">The next character</h2>
        <p>Drag the slider to change the temperature.</p>
        \(step("vary(\"temperature\", over: [0.1, 0.5, 1.0], default: 0.5) { t in model.next(after: \"em\") }", slider, String(describing: slider), language))
        <h2 id="samples">Samples</h2>
        \(step("run.samples", ["kamon", "ann", "karai", "jaire", "vialan", "karia", "yeran", "anna", "areli", "kaina"], "...", language))
        <p>Back to <a href="#numbers">numbers</a>, on to <a href="02-attention.html#loss">the loss</a>.</p>
        """
        return RenderedChapter(slug: "01-probabilities", title: "Probabilities \(language)", body: body,
                               headings: [Heading(level: 2, id: "numbers", text: "Numbers and vectors"),
                                          Heading(level: 3, id: "matrix", text: "A matrix"),
                                          Heading(level: 2, id: "distribution", text: "The next character"),
                                          Heading(level: 2, id: "samples", text: "Samples")])
    }

    static func chapterTwo(_ language: String) -> RenderedChapter {
        let keys = ["⟨BOS⟩", "e", "m", "m", "a"]
        let heads = (0..<4).map { h in
            Heatmap.attention(queries: keys, keys: keys, weights: attention(head: h), layer: 0, head: h, language: language).svg(language: language)
        }.map { "<figure class=\"result\">\($0)</figure>" }.joined()
        let body = """
        <h2 id="attention">Attention</h2>
        <p>Each head looks back over the characters before it.</p>
        \(Presenter.step(code: "try model.attention(\"emma\")", result: "<div class=\"figure-row\">\(heads)</div>", language: language))
        <h2 id="loss">Loss</h2>
        \(Presenter.step(code: "run.losses", result: Presenter.figure(LineChart(values: losses).svg(language: language), caption: InterfaceText.forLanguage(language).lossTitle), language: language))
        <h2 id="graph">A graph</h2>
        \(Presenter.step(code: "let c = a * b\nlet d = c + 10\nlet L = d.relu()\nL.backward()\nL.expressionGraph", result: Presenter.figure(GraphChart(nodes: graph).svg(language: language), caption: InterfaceText.forLanguage(language).graphTitle), language: language))
        """
        return RenderedChapter(slug: "02-attention", title: "Attention \(language)", body: body,
                               headings: [Heading(level: 2, id: "attention", text: "Attention"),
                                          Heading(level: 2, id: "loss", text: "Loss"),
                                          Heading(level: 2, id: "graph", text: "A graph")])
    }

    static let editions = ["en", "ru", "et"].map { RenderedEdition(language: $0, chapters: [chapterOne($0), chapterTwo($0)]) }
}

