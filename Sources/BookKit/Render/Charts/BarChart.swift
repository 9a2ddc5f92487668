/// A bar chart of a probability distribution: one bar per label (a character; `⟨BOS⟩` for the
/// boundary token) as high as its value, labelled below, the largest values on top.
struct BarChart: Sendable {
    var labels: [String]
    var values: [Double]

    /// The chart as an accessible SVG, in `language`'s words and number format.
    func svg(_ style: PageStyle = PageStyle()) -> String {
        let (words, format, ids) = (style.words, style.format, style.ids)
        let count = min(labels.count, values.count)
        let slot = count <= 20 ? 28.0 : count <= 32 ? 21.0 : 15.0
        let rotate = labels.prefix(count).contains { SVG.symbol($0).count > 2 }
        let left = 52.0, top = 28.0, plot = 170.0
        let bottom = rotate ? 64.0 : 44.0
        let width = max(320, left + slot * Double(count) + 16)
        let height = top + plot + bottom
        let highest = max(values.prefix(count).max() ?? 0, 1e-12)
        let ticks = SVG.ticks(from: 0, to: highest, count: 4)
        let top5 = Set(values.prefix(count).enumerated().sorted { $0.element > $1.element }.prefix(5).map(\.offset))
        let scaleTop = max(highest, ticks.last ?? highest)
        func y(_ v: Double) -> Double { top + plot - plot * max(0, v) / scaleTop }

        var body = ""
        let tickDecimals = SVG.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : highest)
        for t in ticks {
            body += "<line class=\"grid\" x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(width - 8))\" y1=\"\(SVG.n(y(t)))\" y2=\"\(SVG.n(y(t)))\"/>"
            body += SVG.text(format.fixed(t, decimals: tickDecimals), x: left - 6, y: y(t) + 4, anchor: "end", className: "tick")
        }
        for i in 0..<count {
            let x = left + slot * Double(i)
            let label = SVG.symbol(labels[i])
            let value = values[i]
            let h = plot * max(0, value) / scaleTop
            body += "<rect class=\"bar\" x=\"\(SVG.n(x + 3))\" y=\"\(SVG.n(top + plot - h))\" width=\"\(SVG.n(slot - 6))\" height=\"\(SVG.n(max(h, 0.5)))\"><title>\(HTML.escape(label)): \(format.string(value))</title></rect>"
            if top5.contains(i) && count > 1 && value >= 0.005 {
                body += SVG.text(format.string(value, decimals: 3), x: x + slot / 2, y: y(value) - 5, className: "value")
            }
            let lx = x + slot / 2, ly = top + plot + 16
            if label.count > 2 {
                body += SVG.text(label, x: lx + 4, y: ly, anchor: "end", className: "axis-label",
                                 extra: " transform=\"rotate(-45 \(SVG.n(lx + 4)) \(SVG.n(ly)))\"")
            } else {
                body += SVG.text(label, x: lx, y: ly, className: "axis-label")
            }
        }
        body += "<line class=\"axis\" x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(width - 8))\" y1=\"\(SVG.n(top + plot))\" y2=\"\(SVG.n(top + plot))\"/>"
        body += SVG.text(words.probabilityAxis, x: 14, y: top + plot / 2, className: "axis-title",
                         extra: " transform=\"rotate(-90 14 \(SVG.n(top + plot / 2)))\"")
        body += SVG.text(words.characterAxis, x: left + (width - left) / 2, y: height - 6, className: "axis-title")

        let best = values.prefix(count).enumerated().sorted { $0.element > $1.element }.prefix(3)
            .map { "\(SVG.symbol(labels[$0.offset])) \(format.string($0.element))" }.joined(separator: ", ")
        let title = words.distributionTitle
        let description = words.filled(words.distributionDescription, .count(count), .text(best))
        let id = ids.unique(SVG.chartID("bar", [title] + labels + values.map { String($0) }))
        return SVG.frame(id: id, width: width, height: height, title: title, description: description,
                         kind: "bar", content: body)
    }
}
