import Foundation
import Testing
@testable import BookKit

private func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// How the page shows a result with this display and text.
private func present(_ display: Display?, _ text: String, printed: String = "", language: String = "en") -> String {
    Presenter.html(display: display, text: text, printed: printed, language: language, ids: PageIDs())
}

@Test func barChartHasOneLabelledBarPerCharacterAndAnAccessibleName() {
    let svg = BarChart(labels: SiteFixture.symbols, values: SiteFixture.distribution(temperature: 1)).svg()
    #expect(count("<rect class=\"bar\"", in: svg) == 27)
    #expect(svg.contains(">⟨BOS⟩</text>"))
    #expect(svg.contains("role=\"img\""))
    let id = svg.components(separatedBy: "id=\"")[1].components(separatedBy: "\"")[0]
    #expect(svg.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
    #expect(svg.contains("<title id=\"\(id)-title\">Probability of the next character</title>"))
}

@Test func barChartDescriptionNamesTheMostLikelyCharactersInTheReadersLanguage() {
    let svg = BarChart(labels: ["a", "b", "⟨BOS⟩"], values: [0.25, 0.5, 0.25]).svg(PageStyle(language: "ru"))
    #expect(svg.contains("Вероятнее всего: b 0,5, a 0,25, ⟨BOS⟩ 0,25."))
}

@Test func attentionHeatmapLeavesTheUpperTriangleEmpty() {
    let weights = [[1.0], [0.25, 0.75], [0.2, 0.3, 0.5]]
    let svg = Heatmap.attention(queries: ["⟨BOS⟩", "a", "b"], keys: ["⟨BOS⟩", "a", "b"], weights: weights,
                                layer: 0, head: 2).svg()
    #expect(count("class=\"cell empty\"", in: svg) == 3)
    #expect(count("class=\"cell pos\"", in: svg) == 6)
    #expect(svg.contains("Attention weights, layer 0, head 2"))
    #expect(svg.contains("⟨BOS⟩ → a: 0.25") == false)  // query ⟨BOS⟩ never sees key a
    #expect(svg.contains("a → ⟨BOS⟩: 0.25"))
}

@Test func lossChartDrawsRawValuesAndASmoothedLineWithTicks() {
    let svg = LineChart(values: SiteFixture.losses, smoothed: SiteFixture.losses.map { $0 - 0.1 }).svg(PageStyle(language: "et"))
    #expect(count("class=\"raw-line\"", in: svg) == 1)
    #expect(count("class=\"smooth-line\"", in: svg) == 1)
    #expect(svg.contains(">1000</text>"))
    #expect(svg.contains("Treeningu kadu"))
}

@Test func graphLayoutPutsEachValueOneColumnRightOfItsFurthestInput() {
    let chart = GraphChart(nodes: SiteFixture.graph)
    #expect(chart.columns() == [0: 0, 1: 0, 2: 1, 3: 1, 4: 2, 5: 3])
    #expect(chart.layers().map { Set($0) } == [[0, 1], [2, 3], [4], [5]])
    let svg = chart.svg()
    #expect(count("<g class=\"node\">", in: svg) == 6)
    #expect(count("class=\"edge\"", in: svg) == 5)
    #expect(svg.contains(">grad −3</text>"))
    #expect(svg.contains("flowing left to right into L"))
}

@Test func presenterPicksATableOrListForPlainSwiftValues() {
    #expect(present(.number(1.5), "1.5") == "<pre class=\"output\">1.5</pre>")
    #expect(present(nil, "") == "")
    #expect(present(.vector([]), "[]") == "<pre class=\"output\">[]</pre>")
    let vector = present(.vector([0.5, -0.25]), "[0.5, -0.25]", language: "et")
    #expect(vector.contains("<ol class=\"vector\"") && vector.contains("−0,25"))
    let matrix = present(.matrix([[1.0, 2.0], [3.0, 4.0]]), "")
    #expect(count("<td", in: matrix) == 4)
    let names = present(.strings(["anna", "<b>"]), "")
    #expect(names.contains("<li>anna</li>") && names.contains("<li>&lt;b&gt;</li>"))
}

@Test func presenterKeepsWhatAStepPrintedAboveItsChart() {
    let html = present(.vector([1.0, 2.0]), "hello\n[1.0, 2.0]", printed: "hello\n")
    #expect(html.hasPrefix("<pre class=\"output\">hello</pre><ol class=\"vector\""))
}

@Test func sliderShowsTheDefaultVariantAndHidesTheOthersAndTheControl() {
    let slider = VariantsDisplay(label: "temperature", values: [0.1, 0.5, 1.2],
                                 results: [1.0, 2.0, 3.0].map { .init(display: .number($0), text: "\($0)") }, defaultIndex: 1)
    let html = present(.variants(slider), "2.0", language: "ru")
    #expect(html.contains("<div class=\"variant\" data-index=\"1\"><pre class=\"output\">2.0</pre></div>"))
    #expect(count("class=\"variant\" data-index=", in: html) == 3)
    #expect(count(" hidden>", in: html) == 3)  // the control and the two other variants
    #expect(html.contains("value=\"1\""))
    #expect(html.contains("<output for=") && html.contains(">0,5</output>"))
}

@Test func codeIsClassifiedBySwiftSyntax() {
    let html = Presenter.code("let x = dot(a, b) // why\nprint(\"hi\", 2.5)")
    #expect(html.hasPrefix("<pre class=\"code\"><code class=\"language-swift\">"))
    #expect(html.contains("<span class=\"tok-keyword\">let</span>"))
    #expect(html.contains("<span class=\"tok-comment\">// why</span>"))
    #expect(html.contains("<span class=\"tok-string\">&quot;hi&quot;</span>"))
    #expect(html.contains("<span class=\"tok-number\">2.5</span>"))
}

@Test func numbersUseTheDecimalCommaInRussianAndEstonian() {
    #expect(NumberFormat(language: "en").string(-0.12345) == "−0.1235")
    #expect(NumberFormat(language: "ru").string(2.5) == "2,5")
    #expect(NumberFormat(language: "et").string(3) == "3")
    #expect(NumberFormat(language: "en").string(0.00001) == "1.0e−05")
    #expect(SVG.ticks(from: 0, to: 0.88, count: 4) == [0, 0.2, 0.4, 0.6, 0.8])
}

@Test func everyInterfaceTableHasEveryWord() {
    for language in InterfaceText.languages {
        let words = InterfaceText.forLanguage(language)
        #expect(words.language == language)
        let english = InterfaceText.forLanguage("en").templates.map(\.label)
        #expect(words.templates.map(\.label) == english)
        #expect(english.contains("scene3D.reset"))
        for (label, text) in words.templates {
            #expect(!text.isEmpty, "\(language).\(label) is empty")
        }
    }
    #expect(InterfaceText.languages.map { InterfaceText.forLanguage($0).languageName } == ["English", "Русский", "Eesti"])
}

@Test func aPageShowingTheSameChartTwiceKeepsEveryIDUnique() {
    let ids = PageIDs()
    let display = Display.distribution(labels: ["a", "b"], probabilities: [0.25, 0.75])
    let first = Presenter.html(display: display, text: "", language: "en", ids: ids)
    let second = Presenter.html(display: display, text: "", language: "en", ids: ids)
    let id = first.components(separatedBy: "id=\"")[1].components(separatedBy: "\"")[0]
    #expect(second.contains("id=\"\(id)-2\"") && second.contains("aria-labelledby=\"\(id)-2-title \(id)-2-desc\""))
    #expect(!second.contains("id=\"\(id)\""))
}
