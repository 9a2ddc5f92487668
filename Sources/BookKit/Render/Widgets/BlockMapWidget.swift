/// The block map: every station of the forward pass with its shape, as a list that reads top to
/// bottom, and a table of the default text's numbers at the default position (what print, EPUB
/// and readers without scripts see). With `block-map.js`, the stations are buttons: choosing one
/// shows its vector for the chosen name and position, from the engine's recorded activations.
struct BlockMapWidget {
    let map: BlockMapDisplay

    /// What the script reads: the words, the number format, the stations and every text's numbers.
    private struct Payload: Encodable {
        let words: BlockMapWords
        let decimal: String
        let stations: [BlockMapDisplay.Station]
        let texts: [BlockMapDisplay.Text]
        let symbols: [String]
        let defaultText, defaultPosition: Int
    }

    func html(language: String, ids: PageIDs, interactive: Bool) -> String {
        let words = InterfaceText.forLanguage(language).blockMap
        let format = NumberFormat(language: language)
        guard map.texts.indices.contains(map.defaultText) else { return "" }
        let text = map.texts[map.defaultText]
        let position = min(max(map.defaultPosition, 0), max(text.values.count - 1, 0))
        let id = ids.unique(SVG.chartID("blockmap", map.stations.map(\.key) + map.texts.map(\.name)))

        var html = "<figure class=\"widget block-map\" id=\"\(id)\"\(interactive ? " data-widget=\"block-map\"" : "")>"
        if interactive {
            html += "<div class=\"block-map-pickers\" hidden>"
            html += "<label>\(HTML.escape(words.name)) <select data-pick=\"text\"></select></label>"
            html += "<label>\(HTML.escape(words.position)) <select data-pick=\"position\"></select></label></div>"
        }
        html += flow(words, interactive: interactive)
        if interactive { html += "<div class=\"block-map-panel\" aria-live=\"polite\" hidden></div>" }
        // The default name and position, every station: the text alternative.
        let rows = map.stations.enumerated().map { s, station -> [String] in
            let numbers = text.values.indices.contains(position) && text.values[position].indices.contains(s) ? text.values[position][s] : []
            let perRow = station.rows > 1 ? max(1, numbers.count / station.rows) : max(numbers.count, 1)
            let shown = stride(from: 0, to: numbers.count, by: perRow).map { start in
                numbers[start..<min(start + perRow, numbers.count)].map { format.string($0) }.joined(separator: " ")
            }.joined(separator: " | ")
            return [station.title, station.shape, shown]
        }
        let caption = words.table.replacingOccurrences(of: "{1}", with: text.name).replacingOccurrences(of: "{2}", with: String(position))
        html += "<div class=\"widget-static\">" + Tables.rows(caption: caption, header: [words.station, words.shape, words.values], rows: rows) + "</div>"
        if interactive {
            html += WidgetData.script(Payload(
                words: words, decimal: WidgetData.decimalSeparator(language), stations: map.stations,
                texts: map.texts.map { t in
                    BlockMapDisplay.Text(name: t.name, inputs: t.inputs, targets: t.targets,
                                         values: t.values.map { $0.map { $0.map(Self.rounded) } })
                },
                symbols: map.symbols.map(SVG.symbol), defaultText: map.defaultText, defaultPosition: position))
        }
        return html + "<figcaption>\(HTML.escape(words.title))</figcaption></figure>"
    }

    /// The stations grouped by part of the model, in the order the numbers flow.
    private func flow(_ words: BlockMapWords, interactive: Bool) -> String {
        var html = "<ol class=\"block-map-flow\">"
        var open: (group: String, layer: Int)?
        for (i, station) in map.stations.enumerated() {
            if open == nil || open?.group != station.group || open?.layer != station.layer {
                if open != nil { html += "</ol></li>" }
                let title: String
                switch station.group {
                case "embedding": title = words.embedding
                case "attention": title = words.attention.replacingOccurrences(of: "{1}", with: String(station.layer))
                case "mlp": title = words.mlp.replacingOccurrences(of: "{1}", with: String(station.layer))
                default: title = words.output
                }
                html += "<li class=\"block-map-group group-\(HTML.escape(station.group))\"><span class=\"group-title\">\(HTML.escape(title))</span><ol>"
                open = (station.group, station.layer)
            }
            let content = "<span class=\"station-title\">\(HTML.escape(station.title))</span> <span class=\"station-shape\">\(HTML.escape(station.shape))</span>"
            html += interactive
                ? "<li><button type=\"button\" class=\"station\" data-station=\"\(i)\" aria-pressed=\"false\">\(content)</button></li>"
                : "<li><span class=\"station\">\(content)</span></li>"
        }
        if open != nil { html += "</ol></li>" }
        return html + "</ol>"
    }

    /// Four decimals, as the pages show numbers; smaller ones keep two significant digits.
    private static func rounded(_ x: Double) -> Double {
        guard x.isFinite else { return 0 }
        if x != 0 && abs(x) < 1e-4 { return Double(String(format: "%.2g", x)) ?? x }
        let r = (x * 10_000).rounded() / 10_000
        return r == 0 ? 0 : r
    }
}
