import BookTestSupport
import Foundation
@testable import BookKit

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

    static let graph: [GraphNodeDisplay] = [
        .init(id: 0, label: "a", operation: "", data: 2, grad: -3, inputs: [], localGradients: []),
        .init(id: 1, label: "b", operation: "", data: -3, grad: 2, inputs: [], localGradients: []),
        .init(id: 2, label: "c", operation: "*", data: -6, grad: 1, inputs: [0, 1], localGradients: [-3, 2]),
        .init(id: 3, label: "", operation: "", data: 10, grad: 1, inputs: [], localGradients: []),
        .init(id: 4, label: "d", operation: "+", data: 4, grad: 1, inputs: [2, 3], localGradients: [1, 1]),
        .init(id: 5, label: "L", operation: "relu", data: 4, grad: 1, inputs: [4], localGradients: [1]),
    ]

    /// A step's outcome with this display and text.
    static func outcome(_ display: Display?, _ text: String) -> StepOutcome {
        StepOutcome(printed: "", text: text, display: display, diagnostics: [], duration: .zero)
    }

    static func chapterOne(_ language: String) -> BookResults.ChapterResult {
        let title = language == "ru" ? "Вероятности" : language == "et" ? "Tõenäosused" : "Probabilities"
        let markdown = """
        # \(title)

        A model turns scores into probabilities. The step below computes a dot product; its result is a plain number.

        ## Numbers and vectors

        ```swift step
        let a: [Double] = [1, 2, 3]
        let b: [Double] = [4, 0, -1]
        dot(a, b) // a number
        ```

        ```swift step
        softmax([2, 1, 0.1, -1.5, 0, 3])
        ```

        ### A matrix

        ```swift step hide-code
        model.matrix("wte")
        ```

        ## The next character

        Drag the slider to change the temperature.

        ```swift step
        vary("temperature", over: [0.1, 0.5, 1.0], default: 0.5) { t in model.next(after: "em") }
        ```

        ## Samples

        ```swift step
        run.samples
        ```

        Back to [numbers](#numbers-and-vectors), on to [the loss](02-attention.html#loss).
        """
        let slider = VariantsDisplay(label: "temperature", values: [0.1, 0.5, 1.0], results: [0.1, 0.5, 1.0].map {
            .init(display: .distribution(labels: symbols, probabilities: distribution(temperature: $0)), text: "...")
        }, defaultIndex: 1)
        let outcomes = [
            outcome(.number(1), "1.0"),
            outcome(.vector([0.2318, 0.0853, 0.0347, 0.0077, 0.0314, 0.6301]), "[0.2318, 0.0853, 0.0347, 0.0077, 0.0314, 0.6301]"),
            outcome(.matrix((0..<4).map { r in (0..<6).map { c in sin(Double(r * 6 + c)) * 0.1 } }), "[[...]]"),
            outcome(.variants(slider), "..."),
            outcome(.strings(["kamon", "ann", "karai", "jaire", "vialan", "karia", "yeran", "anna", "areli", "kaina"]), "..."),
        ]
        let chapter = ChapterParser.parse(ChapterText(file: "\(language)/01-probabilities.md", text: markdown))
        return BookResults.ChapterResult(slug: "01-probabilities", chapter: chapter, outcomes: outcomes)
    }

    static func chapterTwo(_ language: String) -> BookResults.ChapterResult {
        let keys = ["⟨BOS⟩", "e", "m", "m", "a"]
        let markdown = """
        # Attention and loss

        ## Attention

        Each head looks back over the characters before it.

        ```swift step
        try model.attention("emma")
        ```

        ## Loss

        ```swift step
        run.losses
        ```

        ## A graph

        ```swift step
        let c = a * b
        let d = c + 10
        let L = d.relu()
        L.backward()
        L.expressionGraph
        ```
        """
        let maps = (0..<4).map { AttentionMapDisplay(layer: 0, head: $0, queries: keys, keys: keys, weights: attention(head: $0)) }
        let outcomes = [
            outcome(.attention(maps), "..."),
            outcome(.series(values: losses, smoothed: losses.map { $0 - 0.1 }), "..."),
            outcome(.graph(graph), "..."),
        ]
        let chapter = ChapterParser.parse(ChapterText(file: "\(language)/02-attention.md", text: markdown))
        return BookResults.ChapterResult(slug: "02-attention", chapter: chapter, outcomes: outcomes)
    }

    /// The sample book as step results: what every renderer gets.
    static let book = BookResults(editions: ["en", "ru", "et"].map {
        BookResults.Edition(language: $0, chapters: [chapterOne($0), chapterTwo($0)])
    })

    /// The sample book's pages before the site's template wraps them.
    static let editions = SiteRenderer().editions(book)
}
