import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// The display of a MicroGPT value, nil when `value` is not one.
    public func display(of value: Any, convert: (Any) -> Display) -> Display? {
        switch value {
        case let distribution as Distribution:
            return .distribution(labels: distribution.symbols, probabilities: distribution.probabilities)
        case let map as AttentionMap:
            return .attention([AttentionMapDisplay(map)])
        case let maps as [AttentionMap] where !maps.isEmpty:
            return .attention(maps.map(AttentionMapDisplay.init))
        case let curve as LossCurve:
            return .series(values: curve.values, smoothed: curve.smoothed(window: max(1, curve.count / 20)))
        case let graph as ExpressionGraph:
            return .graph(graph.nodes.map(GraphNodeDisplay.init))
        case let sweep as GraphSweep:
            return .graphSweep(GraphSweepDisplay(sweep))
        case let map as BlockMap:
            return .blockMap(BlockMapDisplay(map))
        case let trace as Trace:
            return .trace(loss: trace.loss, positions: trace.positions.map { p in
                TracePositionDisplay(position: p.position, symbol: p.symbol, targetSymbol: p.targetSymbol,
                                     targetProbability: p.probabilities.probability(of: p.targetSymbol), loss: p.loss)
            })
        case let lab as AttentionLab:
            return .attentionLab(AttentionLabDisplay(lab))
        case let timeline as TrainingTimeline:
            return .trainingTimeline(TrainingTimelineDisplay(timeline))
        case let map as EmbeddingMap:
            return .scene3D(Scene3DDisplay(map))
        case let landscape as LossLandscape:
            return .scene3D(Scene3DDisplay(landscape))
        case let space as QueryKeySpace:
            return .scene3D(Scene3DDisplay(space))
        case let variants as Variants<Any>:
            return .variants(VariantsDisplay(
                label: variants.label, values: variants.values,
                results: variants.results.map { .init(display: convert($0), text: String(describing: $0)) },
                defaultIndex: variants.defaultIndex))
        default:
            return nil
        }
    }
}

extension AttentionMapDisplay {
    /// One head's weights as the engine computed them.
    init(_ map: AttentionMap) {
        self.init(layer: map.layer, head: map.head, queries: map.queries, keys: map.keys, weights: map.weights)
    }
}
