/// A heatmap of a matrix: rows and columns labelled, each cell shaded by its value.
/// Rows may be shorter than the column count (attention's empty upper triangle).
struct Heatmap: Sendable {
    /// Labels down the left side (attention: query characters).
    var rowLabels: [String]
    /// Labels along the top (attention: key characters).
    var columnLabels: [String]
    /// The values, row by row; a missing entry is drawn as an empty cell.
    var rows: [[Double]]
    /// The chart's title.
    var title: String
    /// Its text description for screen readers.
    var description: String
    /// Axis titles: rows, columns.
    var rowAxis = ""
    var columnAxis = ""
    /// The values that map to no colour and to full colour; when nil, taken from the data
    /// (from zero, or symmetric around zero when there are negative values).
    var scale: ClosedRange<Double>? = nil

    /// The heatmap of attention weights, query characters on rows and key characters on columns.
    static func attention(queries: [String], keys: [String], weights: [[Double]], layer: Int,
                                 head: Int, language: String = "en") -> Heatmap {
        let words = InterfaceText.forLanguage(language)
        let show = { (xs: [String]) in xs.map(SVG.symbol).joined(separator: " ") }
        return Heatmap(rowLabels: queries, columnLabels: keys, rows: weights,
                       title: words.filled(words.attentionTitle, .count(layer), .count(head)),
                       description: words.filled(words.attentionDescription, .text(show(queries)), .text(show(keys))),
                       rowAxis: words.queryAxis, columnAxis: words.keyAxis, scale: 0...1)
    }

    /// The chart as an accessible SVG.
    func svg(_ style: PageStyle = PageStyle()) -> String {
        let (format, ids) = (style.format, style.ids)
        let columns = max(columnLabels.count, rows.map(\.count).max() ?? 0)
        let cell = columns > 16 || rows.count > 24 ? 20.0 : 34.0
        let showNumbers = cell >= 30
        let labelWidth = max(28, Double((rowLabels.map { SVG.symbol($0).count }.max() ?? 1)) * 8 + 12)
        let left = labelWidth + (rowAxis.isEmpty ? 4 : 20), top = 30.0 + (columnAxis.isEmpty ? 0 : 18)
        let width = left + cell * Double(columns) + 8
        let height = top + cell * Double(rows.count) + 8
        let values = rows.flatMap { $0 }.filter(\.isFinite)
        let lowest = values.min() ?? 0, highest = values.max() ?? 1
        let diverging = scale == nil && lowest < 0
        let range = scale ?? (diverging ? -max(-lowest, highest)...max(-lowest, highest) : min(0, lowest)...max(highest, 1e-12))
        let span = max(range.upperBound - range.lowerBound, 1e-12)

        var body = ""
        if !columnAxis.isEmpty {
            body += SVG.text(columnAxis + " →", x: left, y: 14, anchor: "start", className: "axis-title")
        }
        if !rowAxis.isEmpty {
            body += SVG.text(rowAxis + " →", x: 12, y: top, anchor: "end", className: "axis-title",
                             extra: " transform=\"rotate(-90 12 \(SVG.n(top)))\"")
        }
        for c in 0..<columns where c < columnLabels.count {
            body += SVG.text(SVG.symbol(columnLabels[c]), x: left + cell * (Double(c) + 0.5), y: top - 8, className: "axis-label")
        }
        for (r, row) in rows.enumerated() {
            let y = top + cell * Double(r)
            if r < rowLabels.count {
                body += SVG.text(SVG.symbol(rowLabels[r]), x: left - 8, y: y + cell / 2 + 4, anchor: "end", className: "axis-label")
            }
            for c in 0..<columns {
                let x = left + cell * Double(c)
                guard c < row.count, row[c].isFinite else {
                    body += "<rect class=\"cell empty\" x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(cell))\" height=\"\(SVG.n(cell))\"/>"
                    continue
                }
                let v = row[c]
                let strength: Double
                let tone: String
                if diverging {
                    strength = min(1, abs(v) / max(range.upperBound, 1e-12))
                    tone = v < 0 ? "neg" : "pos"
                } else {
                    strength = min(1, max(0, (v - range.lowerBound) / span))
                    tone = "pos"
                }
                let opacity = ((0.06 + 0.94 * strength) * 100).rounded() / 100
                let name = c < columnLabels.count ? SVG.symbol(columnLabels[c]) : String(c)
                let rowName = r < rowLabels.count ? SVG.symbol(rowLabels[r]) : String(r)
                body += "<rect class=\"cell \(tone)\" x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(cell))\" height=\"\(SVG.n(cell))\" fill-opacity=\"\(SVG.n(min(1, opacity)))\"><title>\(HTML.escape(rowName)) → \(HTML.escape(name)): \(format.string(v))</title></rect>"
                if showNumbers {
                    body += SVG.text(format.string(v, decimals: 2), x: x + cell / 2, y: y + cell / 2 + 4,
                                     className: strength > 0.55 ? "cell-value strong" : "cell-value")
                }
            }
        }
        let id = ids.unique(SVG.chartID("heat", [title] + rowLabels + columnLabels + rows.flatMap { $0.map { String($0) } }))
        return SVG.frame(id: id, width: width, height: height, title: title, description: description,
                         kind: "heatmap", content: body)
    }
}
