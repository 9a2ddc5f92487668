/// A result computed for every position of a slider: all fragments are in the page, one shows.
/// `book.js` reveals the range input and switches fragments; without JavaScript the default shows.
struct Slider: Sendable {
    /// What the slider changes, e.g. `temperature`.
    var label: String
    /// The value at each position, as the reader sees it.
    var valueLabels: [String]
    /// The HTML fragment for each position.
    var fragments: [String]
    /// The position shown first and without JavaScript.
    var defaultIndex: Int

    /// The slider's HTML: a hidden control (shown by the script) and every variant. Its id comes
    /// from its label, values and `identity` (the fragments as drawn alone, by default).
    func html(ids: PageIDs = PageIDs(), identity: [String]? = nil) -> String {
        let count = min(valueLabels.count, fragments.count)
        guard count > 0 else { return "" }
        let chosen = min(max(defaultIndex, 0), count - 1)
        let base = SVG.chartID("slider", [label] + valueLabels + (identity ?? fragments)).replacingOccurrences(of: "chart-", with: "slider-")
        let id = ids.unique(base)
        var html = "<div class=\"variants\" data-variants>"
        html += "<div class=\"slider\" id=\"\(id)\" hidden><label for=\"\(id)-input\">\(HTML.escape(label))</label>"
        html += "<input type=\"range\" id=\"\(id)-input\" min=\"0\" max=\"\(count - 1)\" step=\"1\" value=\"\(chosen)\" "
        html += "data-labels=\"\(HTML.escape(valueLabels.prefix(count).joined(separator: "\u{1F}")))\">"
        html += "<output for=\"\(id)-input\">\(HTML.escape(valueLabels[chosen]))</output></div>"
        for i in 0..<count {
            html += "<div class=\"variant\" data-index=\"\(i)\"\(i == chosen ? "" : " hidden")>\(fragments[i])</div>"
        }
        return html + "</div>"
    }
}
