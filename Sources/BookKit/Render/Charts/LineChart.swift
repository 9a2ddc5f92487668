/// A line chart of a loss curve: every step's value as a faint line, a moving average on top,
/// axes with round ticks.
struct LineChart: Sendable {
    /// The raw values, one per step (step 1 first).
    var values: [Double]
    /// The smoothed values (the trend under the noise), same count.
    var smoothed: [Double]

    /// The chart as an accessible SVG.
    func svg(_ style: PageStyle = PageStyle()) -> String {
        let (words, format, ids) = (style.words, style.format, style.ids)
        let raw = values.filter(\.isFinite).count == values.count ? values : values.map { $0.isFinite ? $0 : 0 }
        let smooth = smoothed
        let width = 680.0, height = 320.0
        let left = 58.0, right = 16.0, top = 34.0, bottom = 50.0
        let plotW = width - left - right, plotH = height - top - bottom
        let count = max(raw.count, 1)
        let lowData = min(raw.min() ?? 0, smooth.min() ?? 0), highData = max(raw.max() ?? 1, smooth.max() ?? 1)
        let yTicks = SVG.ticks(from: min(0, lowData), to: highData, count: 5)
        let yLow = min(yTicks.first ?? 0, lowData), yHigh = max(yTicks.last ?? highData, highData, yLow + 1e-9)
        let xTicks = SVG.ticks(from: 1, to: Double(count), count: 6).filter { $0 >= 1 }
        func x(_ step: Double) -> Double { left + plotW * (count == 1 ? 0.5 : (step - 1) / Double(count - 1)) }
        func y(_ v: Double) -> Double { top + plotH - plotH * (v - yLow) / (yHigh - yLow) }
        func path(_ vs: [Double]) -> String {
            vs.enumerated().map { (i, v) in (i == 0 ? "M" : "L") + SVG.n(x(Double(i + 1))) + " " + SVG.n(y(v)) }.joined()
        }

        var body = ""
        let yDecimals = SVG.decimals(forStep: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)
        for t in yTicks {
            body += "<line class=\"grid\" x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(width - right))\" y1=\"\(SVG.n(y(t)))\" y2=\"\(SVG.n(y(t)))\"/>"
            body += SVG.text(format.fixed(t, decimals: yDecimals), x: left - 8, y: y(t) + 4, anchor: "end", className: "tick")
        }
        for t in xTicks {
            body += "<line class=\"axis\" x1=\"\(SVG.n(x(t)))\" x2=\"\(SVG.n(x(t)))\" y1=\"\(SVG.n(top + plotH))\" y2=\"\(SVG.n(top + plotH + 5))\"/>"
            body += SVG.text(String(Int(t)), x: x(t), y: top + plotH + 19, className: "tick")
        }
        body += "<line class=\"axis\" x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(width - right))\" y1=\"\(SVG.n(top + plotH))\" y2=\"\(SVG.n(top + plotH))\"/>"
        body += "<line class=\"axis\" x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(left))\" y1=\"\(SVG.n(top))\" y2=\"\(SVG.n(top + plotH))\"/>"
        if raw.count <= 150 {
            body += raw.enumerated().map { "<circle class=\"raw-point\" cx=\"\(SVG.n(x(Double($0.offset + 1))))\" cy=\"\(SVG.n(y($0.element)))\" r=\"2\"/>" }.joined()
        } else {
            body += "<path class=\"raw-line\" d=\"\(path(raw))\"/>"
        }
        body += "<path class=\"smooth-line\" d=\"\(path(smooth))\"/>"
        body += SVG.text(words.stepAxis, x: left + plotW / 2, y: height - 8, className: "axis-title")
        body += SVG.text(words.lossAxis, x: 14, y: top + plotH / 2, className: "axis-title",
                         extra: " transform=\"rotate(-90 14 \(SVG.n(top + plotH / 2)))\"")
        let legendX = width - right - 300
        body += "<line class=\"raw-line legend\" x1=\"\(SVG.n(legendX))\" x2=\"\(SVG.n(legendX + 22))\" y1=\"16\" y2=\"16\"/>"
        body += SVG.text(words.rawLegend, x: legendX + 28, y: 20, anchor: "start", className: "legend-text")
        body += "<line class=\"smooth-line legend\" x1=\"\(SVG.n(legendX + 140))\" x2=\"\(SVG.n(legendX + 162))\" y1=\"16\" y2=\"16\"/>"
        body += SVG.text(words.smoothedLegend, x: legendX + 168, y: 20, anchor: "start", className: "legend-text")

        let title = words.lossTitle
        let description = words.filled(words.lossDescription, .count(raw.count),
                                       .text(format.string(raw.first ?? 0)), .text(format.string(raw.last ?? 0)))
        let id = ids.unique(SVG.chartID("line", [title] + raw.map { String($0) }))
        return SVG.frame(id: id, width: width, height: height, title: title, description: description,
                         kind: "line", content: body)
    }
}
