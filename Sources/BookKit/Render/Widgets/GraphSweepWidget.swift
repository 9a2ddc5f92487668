/// The autograd step-through: the static graph (what print, EPUB and readers without scripts see)
/// and, for `graph-sweep.js`, the controls and the engine's recorded sweep as JSON. The script
/// replays the forward pass in the tape's order and the backward sweep visit by visit; it shows
/// the recorded numbers and computes none.
struct GraphSweepWidget {
    let sweep: GraphSweepDisplay

    /// What the script reads: the words, the number format and the sweep.
    private struct Payload: Encodable {
        struct Node: Encodable {
            let id: Int
            let label, operation: String
            let data, grad: Double
            let inputs: [Int]
            let localGradients: [Double]
        }
        let words: SweepWords
        let decimal: String
        let nodes: [Node]
        let forward, backward: [Int]
        /// Per visit: [node, grad] pairs.
        let changes: [[[Double]]]
        let groups: [GraphGroupDisplay]
    }

    func html(language: String, ids: PageIDs, interactive: Bool) -> String {
        let style = PageStyle(language: language, ids: ids)
        let words = style.words.sweep
        let chart = GraphChart(nodes: sweep.nodes).svg(style)
        guard interactive else { return Presenter.figure(chart, caption: words.title) }
        let id = ids.unique(SVG.chartID("sweep", sweep.nodes.map { "\($0.id),\($0.label),\($0.data),\($0.grad)" }))
        let payload = Payload(
            words: words, decimal: WidgetData.decimalSeparator(language),
            nodes: sweep.nodes.map { n in
                Payload.Node(id: n.id, label: n.label, operation: n.operation, data: WidgetData.short(n.data), grad: WidgetData.short(n.grad),
                             inputs: n.inputs, localGradients: n.localGradients.map(WidgetData.short))
            },
            forward: sweep.forward, backward: sweep.backward,
            changes: sweep.changes.map { $0.map { [Double($0.node), WidgetData.short($0.grad)] } },
            groups: sweep.groups)
        let steps = sweep.forward.count + 1 + sweep.backward.count
        func button(_ action: String, _ symbol: String, _ label: String) -> String {
            "<button type=\"button\" data-action=\"\(action)\"><span aria-hidden=\"true\">\(symbol)</span> \(HTML.escape(label))</button>"
        }
        var html = "<figure class=\"widget graph-sweep\" id=\"\(id)\" data-widget=\"graph-sweep\">"
        html += "<div class=\"widget-static\">\(chart)</div>"
        html += "<div class=\"widget-live\" hidden>"
        html += "<div class=\"sweep-controls\" role=\"group\" aria-label=\"\(HTML.escape(words.controls))\">"
        html += button("start", "«", words.start) + button("back", "◀", words.back)
        html += "<button type=\"button\" data-action=\"play\" aria-pressed=\"false\"><span aria-hidden=\"true\">▶</span> <span class=\"play-label\">\(HTML.escape(words.play))</span></button>"
        html += button("step", "▶", words.step) + button("end", "»", words.end)
        html += "<label class=\"sweep-position\"><span>\(HTML.escape(words.position))</span>"
        html += "<input type=\"range\" min=\"0\" max=\"\(steps)\" step=\"1\" value=\"0\"></label></div>"
        html += "<p class=\"sweep-readout\" aria-live=\"polite\"></p>"
        if !sweep.groups.isEmpty {
            html += "<div class=\"sweep-groups\" role=\"group\" aria-label=\"\(HTML.escape(words.groups))\"><span aria-hidden=\"true\">\(HTML.escape(words.groups))</span></div>"
        }
        html += "<div class=\"sweep-canvas\" tabindex=\"0\" role=\"group\" aria-label=\"\(HTML.escape(words.canvas))\"></div>"
        html += "</div>" + WidgetData.script(payload)
        return html + "<figcaption>\(HTML.escape(words.title))</figcaption></figure>"
    }
}
