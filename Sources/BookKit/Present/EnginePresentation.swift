import MicroGPT

extension Presenter {
    /// The rich form of a MicroGPT value, or nil when `value` is not one.
    static func engineHTML(_ value: Any, language: String) -> String? {
        let words = InterfaceText.forLanguage(language)
        switch value {
        case let distribution as Distribution:
            let chart = BarChart(labels: distribution.symbols, values: distribution.probabilities)
            return figure(chart.svg(language: language), caption: words.distributionTitle)
        case let map as AttentionMap:
            return attentionHTML([map], language: language)
        case let maps as [AttentionMap] where !maps.isEmpty:
            return attentionHTML(maps, language: language)
        case let curve as LossCurve:
            let chart = LineChart(values: curve.values, smoothed: curve.smoothed(window: max(1, curve.count / 20)))
            return figure(chart.svg(language: language), caption: words.lossTitle)
        case let graph as ExpressionGraph:
            return figure(GraphChart(nodes: graph.nodes.map(GraphChart.Node.init)).svg(language: language),
                          caption: words.graphTitle)
        case let trace as Trace:
            return traceHTML(trace, language: language)
        default:
            return nil
        }
    }

    /// One heatmap per head, side by side.
    static func attentionHTML(_ maps: [AttentionMap], language: String) -> String {
        let charts = maps.map { map in
            let heatmap = Heatmap.attention(queries: map.queries, keys: map.keys, weights: map.weights,
                                            layer: map.layer, head: map.head, language: language)
            return figure(heatmap.svg(language: language), caption: heatmap.title)
        }
        return "<div class=\"figure-row\">" + charts.joined() + "</div>"
    }

    /// A forward pass as a table: what each position saw, what came next, how likely and how costly.
    static func traceHTML(_ trace: Trace, language: String) -> String {
        let words = InterfaceText.forLanguage(language)
        let format = NumberFormat(language: language)
        let rows = trace.positions.map { p in
            [String(p.position), SVG.symbol(p.symbol), SVG.symbol(p.targetSymbol),
             format.string(p.probabilities.probability(of: p.targetSymbol)), format.string(p.loss)]
        }
        return Tables.rows(caption: InterfaceText.filled(words.traceTitle, format.string(trace.loss)),
                           header: [words.positionColumn, words.inputColumn, words.targetColumn,
                                    words.targetProbabilityColumn, words.lossAxis],
                           rows: rows)
    }
}

extension GraphChart.Node {
    /// The chart's node for an engine graph node.
    init(_ node: ExpressionNode) {
        self.init(id: node.id, label: node.label, operation: node.operation, data: node.data, grad: node.grad,
                  inputs: node.inputs, localGradients: node.localGradients)
    }
}

extension Variants: SliderPresentable {
    public var sliderLabel: String { label }
    public var sliderValues: [Double] { values }
    public var sliderResults: [Any] { results.map { $0 as Any } }
    public var sliderDefaultIndex: Int { defaultIndex }
}
