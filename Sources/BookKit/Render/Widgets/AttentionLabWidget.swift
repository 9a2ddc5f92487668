import Foundation

/// The attention lab: pick a text, a head and a query position and see q · k for each key, the
/// division by √d, the softmax weights and the weighted sum of the values, with every head's
/// heatmap beside it. The static form (no script, print, EPUB) shows the first text's last
/// position through head 0 and all its heatmaps; `attention-lab.js` rebuilds it from the JSON.
struct AttentionLabWidget: Hashable, Sendable {
    let lab: AttentionLabDisplay
    let language: String

    /// Without `interactive` (EPUB) only the static form, and no data for a script.
    func html(ids: PageIDs, interactive: Bool = true) -> String {
        let words = InterfaceText.forLanguage(language)
        let separator = WidgetJSON.separator(for: language)
        var html = interactive ? "<figure class=\"widget attention-lab\" data-widget=\"attention-lab\">" : "<figure class=\"widget attention-lab\">"
        if let text = lab.texts.first, let head = text.heads.first, let last = head.scores.indices.last {
            html += "<div class=\"widget-static\">"
            html += Self.table(text: text, head: 0, position: last, root: lab.root, words: words.attentionLab, separator: separator)
            let maps = text.heads.enumerated().map { h, head in
                let heatmap = Heatmap.attention(queries: text.symbols, keys: text.symbols, weights: head.weights,
                                                layer: lab.layer, head: h, language: language)
                return Presenter.figure(heatmap.svg(PageStyle(language: language, ids: ids)), caption: heatmap.title)
            }
            html += "<div class=\"figure-row\">" + maps.joined() + "</div></div>"
        }
        guard interactive else { return html + "</figure>" }
        let data = Self.memo.text(self) { json(words: words.attentionLab, separator: separator) }
        return html + WidgetJSON.script(data) + "</figure>"
    }

    private static let memo = WidgetMemo<AttentionLabWidget>()

    /// One query's table: a row per key it sees, then the head's output.
    static func table(text: AttentionLabDisplay.Text, head: Int, position i: Int, root: Double,
                      words: InterfaceText.AttentionLabWords, separator: String) -> String {
        let h = text.heads[head]
        func n(_ x: Double) -> String { WidgetJSON.shown(x, separator: separator) }
        func vector(_ xs: [Double]) -> String { "[" + xs.map(n).joined(separator: "; ") + "]" }
        let symbol = SVG.symbol(text.symbols[i])
        let caption = fill(words.queryLabel, [String(i), symbol, String(head)]) + " = " + vector(h.queries[i])
        var html = "<div class=\"table-scroll\"><table class=\"rows lab-table\"><caption>\(HTML.escape(caption))</caption><thead><tr>"
        let header = [words.keyColumn, words.keyVector, words.dotColumn, fill(words.scoreColumn, [n(root)]), words.weightColumn, words.valueColumn]
        html += header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for j in 0...i {
            let cells = [vector(h.keys[j]), n(h.dots[i][j]), n(h.scores[i][j]), n(h.weights[i][j]), vector(h.values[j])]
            html += "<tr><th scope=\"row\">\(j) \(HTML.escape(SVG.symbol(text.symbols[j])))</th>"
                + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }
        html += "</tbody><tfoot><tr><th scope=\"row\" colspan=\"5\">\(HTML.escape(words.outputRow))</th>"
        return html + "<td>\(HTML.escape(vector(h.outputs[i])))</td></tr></tfoot></table></div>"
    }

    /// `template` with `{1}`, `{2}`, ... replaced (the script fills the same templates the same way).
    static func fill(_ template: String, _ values: [String]) -> String {
        var out = template
        for (i, value) in values.enumerated() { out = out.replacingOccurrences(of: "{\(i + 1)}", with: value) }
        return out
    }

    private func json(words: InterfaceText.AttentionLabWords, separator: String) -> String {
        let texts = lab.texts.map { t in
            WidgetJSON.object([
                "text": WidgetJSON.string(t.text), "known": t.inDataset ? "true" : "false", "symbols": WidgetJSON.strings(t.symbols.map(SVG.symbol)),
                "heads": "[" + t.heads.map { h in
                    WidgetJSON.object(["q": WidgetJSON.rows(h.queries), "k": WidgetJSON.rows(h.keys), "v": WidgetJSON.rows(h.values),
                                       "dot": WidgetJSON.rows(h.dots), "score": WidgetJSON.rows(h.scores), "w": WidgetJSON.rows(h.weights),
                                       "out": WidgetJSON.rows(h.outputs)])
                }.joined(separator: ",") + "]",
            ])
        }
        return WidgetJSON.object(["layer": String(lab.layer), "root": WidgetJSON.number(lab.root), "separator": WidgetJSON.string(separator),
                                  "words": WidgetJSON.encoded(words), "texts": "[" + texts.joined(separator: ",") + "]"])
    }
}
