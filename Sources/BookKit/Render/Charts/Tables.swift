/// Numbers as HTML: a vector as a row of shaded cells, a matrix as a shaded table.
/// Shading uses the same accent as the heatmaps, so signs and sizes read at a glance.
enum Tables {
    /// A vector: each entry with its index above, shaded by its size relative to the largest.
    static func vector(_ values: [Double], language: String = "en") -> String {
        let words = InterfaceText.forLanguage(language)
        let format = NumberFormat(language: language)
        let largest = max(values.map { abs($0) }.filter(\.isFinite).max() ?? 0, 1e-12)
        var html = "<ol class=\"vector\" aria-label=\"\(HTML.escape(words.filled(words.vectorTitle, .count(values.count))))\">"
        for (i, v) in values.enumerated() {
            html += "<li\(shade(v, largest))><span class=\"index\">\(i)</span>\(format.string(v))</li>"
        }
        return html + "</ol>"
    }

    /// Whole numbers, e.g. token ids: the same cells without shading.
    static func integers(_ values: [Int]) -> String {
        "<ol class=\"vector\">" + values.enumerated().map { "<li><span class=\"index\">\($0.offset)</span>\($0.element)</li>" }.joined() + "</ol>"
    }

    /// A matrix: row and column indices (or the given labels), cells shaded by value.
    static func matrix(_ rows: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                              language: String = "en") -> String {
        let words = InterfaceText.forLanguage(language)
        let format = NumberFormat(language: language)
        let columns = rows.map(\.count).max() ?? 0
        let largest = max(rows.flatMap { $0 }.map { abs($0) }.filter(\.isFinite).max() ?? 0, 1e-12)
        let caption = words.filled(words.matrixTitle, .count(rows.count), .count(columns))
        var html = "<div class=\"table-scroll\"><table class=\"matrix\"><caption>\(HTML.escape(caption))</caption><thead><tr><th></th>"
        for c in 0..<columns {
            html += "<th scope=\"col\">\(HTML.escape(c < columnLabels.count ? SVG.symbol(columnLabels[c]) : String(c)))</th>"
        }
        html += "</tr></thead><tbody>"
        for (r, row) in rows.enumerated() {
            html += "<tr><th scope=\"row\">\(HTML.escape(r < rowLabels.count ? SVG.symbol(rowLabels[r]) : String(r)))</th>"
            for v in row { html += "<td\(shade(v, largest))>\(format.string(v))</td>" }
            html += String(repeating: "<td class=\"empty\"></td>", count: columns - row.count) + "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// A list of strings, e.g. sampled names, numbered and set in columns.
    static func samples(_ names: [String], language: String = "en") -> String {
        let words = InterfaceText.forLanguage(language)
        let title = words.filled(words.samplesTitle, .count(names.count))
        return "<ol class=\"samples\" aria-label=\"\(HTML.escape(title))\">"
            + names.map { "<li>\(HTML.escape($0.isEmpty ? "∅" : $0))</li>" }.joined() + "</ol>"
    }

    /// A plain table of text cells with a caption and column heads; numbers align right.
    static func rows(caption: String, header: [String], rows: [[String]]) -> String {
        var html = "<div class=\"table-scroll\"><table class=\"rows\"><caption>\(HTML.escape(caption))</caption><thead><tr>"
        html += header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// A style attribute that tints a cell: blue for positive, orange for negative.
    private static func shade(_ v: Double, _ largest: Double) -> String {
        guard v.isFinite, v != 0 else { return "" }
        let strength = Int((min(1, abs(v) / largest) * 45).rounded())
        guard strength > 0 else { return "" }
        return " class=\"\(v < 0 ? "neg" : "pos")\" style=\"--s:\(strength)%\""
    }
}
