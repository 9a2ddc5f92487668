/// Turns a step's result into an HTML fragment: a table, an SVG chart or plain text.
enum Presenter {
    /// The result of `outcome`: what it printed, then its value's rich form (or its text).
    static func html(_ outcome: StepOutcome, language: String, ids: PageIDs, interactive: Bool = true) -> String {
        html(display: outcome.display, text: OutcomeCheck.trimmed(outcome.text), printed: outcome.printed, language: language,
             ids: ids, interactive: interactive)
    }

    /// `display` is how the value shows (nil when there was none); `text` its plain-text form, exactly
    /// what an `output` block holds; `printed` what the step printed before it. Without `interactive`
    /// (no scripts, as in EPUB) a slider shows its default result.
    static func html(display: Display?, text: String, printed: String = "", language: String, ids: PageIDs,
                     interactive: Bool = true) -> String {
        guard let display else { return plainHTML(text) }
        if case .variants(let variants) = display, !interactive, variants.results.indices.contains(variants.defaultIndex) {
            let chosen = variants.results[variants.defaultIndex]
            return html(display: chosen.display, text: chosen.text, printed: printed, language: language, ids: ids, interactive: false)
        }
        guard let rich = rich(display, language: language, ids: ids, interactive: interactive) else { return plainHTML(text) }
        // What the step printed comes before the value; keep it visible.
        var shown = printed
        if shown.hasSuffix("\n") { shown.removeLast() }
        return plainHTML(shown) + rich
    }

    /// Swift source highlighted by swift-syntax's classifier, as `<pre class="code">`.
    static func code(_ swift: String) -> String {
        "<pre class=\"code\"><code class=\"language-swift\">" + CodeHighlighter.html(swift) + "</code></pre>"
    }

    /// One step as the page shows it: its code (folded when `codeHidden`) above its result.
    static func step(code swift: String, result: String, language: String = "en", id: String? = nil,
                     codeHidden: Bool = false, answer: Bool = false) -> String {
        let words = InterfaceText.forLanguage(language)
        let codeHTML = code(swift)
        let shownCode = codeHidden
            ? "<details class=\"step-code\"><summary>\(HTML.escape(words.showCode))</summary>\(codeHTML)</details>"
            : codeHTML
        let resultHTML = result.isEmpty ? "" : "<div class=\"step-result\" aria-label=\"\(HTML.escape(words.output))\">\(result)</div>"
        let body = shownCode + resultHTML
        // An exercise's answer stays folded until the reader opens it.
        let shown = answer ? "<details class=\"step-answer\"><summary>\(HTML.escape(words.showAnswer))</summary>\(body)</details>" : body
        let idAttribute = id.map { " id=\"\(HTML.escape($0))\"" } ?? ""
        return "<div class=\"step\"\(idAttribute)>" + shown + "</div>"
    }

    /// Plain text in the output style; nothing for no text.
    static func plainHTML(_ text: String) -> String {
        text.isEmpty ? "" : "<pre class=\"output\">" + HTML.escape(text) + "</pre>"
    }

    /// A chart in a figure with its title visible below it.
    static func figure(_ content: String, caption: String) -> String {
        "<figure class=\"result\">\(content)<figcaption aria-hidden=\"true\">\(HTML.escape(caption))</figcaption></figure>"
    }

    /// The rich form of `display`, or nil when plain text is the best it gets. Without
    /// `interactive` (EPUB) a widget shows only its static form.
    static func rich(_ display: Display, language: String, ids: PageIDs, interactive: Bool = true) -> String? {
        let words = InterfaceText.forLanguage(language)
        switch display {
        case .distribution(let labels, let probabilities):
            let chart = BarChart(labels: labels, values: probabilities)
            return figure(chart.svg(PageStyle(language: language, ids: ids)), caption: words.distributionTitle)
        case .attention(let maps) where !maps.isEmpty:
            let charts = maps.map { map in
                let heatmap = Heatmap.attention(queries: map.queries, keys: map.keys, weights: map.weights,
                                                layer: map.layer, head: map.head, language: language)
                return figure(heatmap.svg(PageStyle(language: language, ids: ids)), caption: heatmap.title)
            }
            return "<div class=\"figure-row\">" + charts.joined() + "</div>"
        case .series(let values, let smoothed):
            let chart = LineChart(values: values, smoothed: smoothed)
            return figure(chart.svg(PageStyle(language: language, ids: ids)), caption: words.lossTitle)
        case .graph(let nodes):
            return figure(GraphChart(nodes: nodes).svg(PageStyle(language: language, ids: ids)), caption: words.graphTitle)
        case .trace(let loss, let positions):
            return traceHTML(loss: loss, positions: positions, language: language)
        case .variants(let variants):
            return sliderHTML(variants, language: language, ids: ids)
        case .attentionLab(let lab) where !lab.texts.isEmpty:
            return AttentionLabWidget(lab: lab, language: language).html(ids: ids, interactive: interactive)
        case .trainingTimeline(let timeline):
            return TrainingScrubberWidget(timeline: timeline, language: language).html(interactive: interactive)
        case .graphSweep(let sweep):
            return GraphSweepWidget(sweep: sweep).html(language: language, ids: ids, interactive: interactive)
        case .blockMap(let map):
            return BlockMapWidget(map: map).html(language: language, ids: ids, interactive: interactive)
        case .scene3D(let scene):
            return Scene3DWidget(scene: scene, language: language, interactive: interactive).html(ids: ids)
        case .vector(let vector) where !vector.isEmpty:
            return Tables.vector(vector, language: language)
        case .integers(let vector) where !vector.isEmpty:
            return Tables.integers(vector)
        case .matrix(let matrix) where !matrix.isEmpty:
            return Tables.matrix(matrix, language: language)
        case .strings(let names) where !names.isEmpty:
            return Tables.samples(names, language: language)
        default:
            return nil
        }
    }

    /// A forward pass as a table: what each position saw, what came next, how likely and how costly.
    static func traceHTML(loss: Double, positions: [TracePositionDisplay], language: String) -> String {
        let words = InterfaceText.forLanguage(language)
        let format = NumberFormat(language: language)
        let rows = positions.map { p in
            [String(p.position), SVG.symbol(p.symbol), SVG.symbol(p.targetSymbol), format.string(p.targetProbability), format.string(p.loss)]
        }
        return Tables.rows(caption: words.filled(words.traceTitle, .text(format.string(loss))),
                           header: [words.positionColumn, words.inputColumn, words.targetColumn,
                                    words.targetProbabilityColumn, words.lossAxis],
                           rows: rows)
    }

    /// Every variant's fragment behind one slider.
    static func sliderHTML(_ variants: VariantsDisplay, language: String, ids: PageIDs) -> String {
        let format = NumberFormat(language: language)
        // The slider's id comes from its fragments as each draws alone, whatever else the page shows.
        let identity = variants.results.map { result in
            html(display: result.display, text: result.text, language: language, ids: PageIDs())
        }
        let fragments = variants.results.map { result in
            html(display: result.display, text: result.text, language: language, ids: ids)
        }
        return Slider(label: variants.label, valueLabels: variants.values.map { format.string($0) },
                      fragments: fragments, defaultIndex: variants.defaultIndex).html(ids: ids, identity: identity)
    }
}

/// HTML escaping for the pages' own markup, the one place that does it.
enum HTML {
    /// `text` with &, <, >, " and (unless told not to) ' escaped for element content and attribute values.
    static func escape(_ text: String, apostrophe: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// What every chart on one page shares: the language's words and number format, and the page's ids.
struct PageStyle {
    let words: InterfaceText
    let format: NumberFormat
    let ids: PageIDs

    init(language: String = "en", ids: PageIDs = PageIDs()) {
        (words, format, self.ids) = (InterfaceText.forLanguage(language), NumberFormat(language: language), ids)
    }
}

/// The ids of one page: charts and sliders name theirs after their content, and when a page shows
/// the same result twice the second copy's ids get a suffix, so every id on a page stays unique.
final class PageIDs {
    /// What a chart or slider adds to its id for its parts (title, description, arrow, input).
    static let partSuffixes = ["", "-title", "-desc", "-arrow", "-input"]
    private var uses: [String: Int] = [:]
    /// Ids the page has already (headings, step names, the template's).
    private var taken: Set<String> = []

    /// Keeps `ids` from charts and sliders, whose ids and parts' ids then step around them.
    func reserve(_ ids: [String]) { taken.formUnion(ids) }

    /// `base` the first time, then `base-2`, `base-3`, ... (skipping any whose parts are taken).
    func unique(_ base: String) -> String {
        while true {
            let n = uses[base, default: 0] + 1
            uses[base] = n
            let id = n == 1 ? base : "\(base)-\(n)"
            if !Self.partSuffixes.contains(where: { taken.contains(id + $0) }) { return id }
        }
    }
}
