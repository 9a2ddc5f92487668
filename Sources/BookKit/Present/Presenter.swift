/// Turns a step's result into an HTML fragment: a table, an SVG chart or plain text.
public enum Presenter {
    /// `value` is the native Swift value of the step's last expression (nil when it had none);
    /// `text` is its plain-text form, exactly what an `output` block holds. English interface words.
    public static func html(value: Any?, text: String) -> String {
        html(value: value, text: text, language: "en")
    }

    /// The same, with chart titles, axis labels and number formats in `language` (en, ru, et).
    public static func html(value: Any?, text: String, language: String) -> String {
        guard let value else { return text.isEmpty ? "" : plain(text) }
        guard let rich = rich(value, language: language) else { return plain(text) }
        // What the step printed comes before the value's description in `text`; keep it visible.
        let described = String(describing: value)
        var printed = ""
        if text.hasSuffix(described) && text.count > described.count {
            printed = String(text.dropLast(described.count))
            if printed.hasSuffix("\n") { printed.removeLast() }
        }
        return (printed.isEmpty ? "" : plain(printed)) + rich
    }

    /// Swift source highlighted by swift-syntax's classifier, as `<pre class="code">`.
    public static func code(_ swift: String) -> String {
        "<pre class=\"code\"><code class=\"language-swift\">" + CodeHighlighter.html(swift) + "</code></pre>"
    }

    /// One step as the page shows it: its code (folded when `codeHidden`) above its result.
    public static func step(code swift: String, result: String, language: String = "en",
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
        return "<div class=\"step\">" + shown + "</div>"
    }

    /// Plain text in the output style.
    static func plain(_ text: String) -> String {
        "<pre class=\"output\">" + HTML.escape(text) + "</pre>"
    }

    /// A chart in a figure with its title visible below it.
    static func figure(_ content: String, caption: String) -> String {
        "<figure class=\"result\">\(content)<figcaption aria-hidden=\"true\">\(HTML.escape(caption))</figcaption></figure>"
    }

    /// The rich form of `value`, or nil when plain text is the best it gets.
    static func rich(_ value: Any, language: String) -> String? {
        if let engine = engineHTML(value, language: language) { return engine }
        switch value {
        case let chart as BarChart:
            return figure(chart.svg(language: language), caption: chart.title ?? InterfaceText.forLanguage(language).distributionTitle)
        case let chart as Heatmap:
            return figure(chart.svg(language: language), caption: chart.title)
        case let chart as LineChart:
            return figure(chart.svg(language: language), caption: chart.title ?? InterfaceText.forLanguage(language).lossTitle)
        case let chart as GraphChart:
            return figure(chart.svg(language: language), caption: chart.title ?? InterfaceText.forLanguage(language).graphTitle)
        case let slider as any SliderPresentable:
            return sliderHTML(slider, language: language)
        case let vector as [Double] where !vector.isEmpty:
            return Tables.vector(vector, language: language)
        case let vector as [Int] where !vector.isEmpty:
            return Tables.integers(vector)
        case let matrix as [[Double]] where !matrix.isEmpty:
            return Tables.matrix(matrix, language: language)
        case let names as [String] where !names.isEmpty:
            return Tables.samples(names, language: language)
        default:
            return nil
        }
    }

    /// Every variant's fragment behind one slider.
    static func sliderHTML(_ slider: any SliderPresentable, language: String) -> String {
        let format = NumberFormat(language: language)
        let fragments = slider.sliderResults.map { result in
            html(value: result, text: String(describing: result), language: language)
        }
        return Slider(label: slider.sliderLabel, valueLabels: slider.sliderValues.map { format.string($0) },
                      fragments: fragments, defaultIndex: slider.sliderDefaultIndex).html()
    }
}

/// A result computed for each position of a slider (MicroGPT's `Variants` conforms).
public protocol SliderPresentable {
    /// What the slider changes.
    var sliderLabel: String { get }
    /// The value at each position.
    var sliderValues: [Double] { get }
    /// The result at each position, as native values.
    var sliderResults: [Any] { get }
    /// The position shown by default.
    var sliderDefaultIndex: Int { get }
}

/// HTML escaping, the one place that does it.
public enum HTML {
    /// `text` with &, <, >, " and ' escaped for element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
