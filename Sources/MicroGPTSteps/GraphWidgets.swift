import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// The two step-through pictures: an autograd graph replayed, and the block map of the model.
    func registerGraphWidgets(in library: Library) {
        library.property(Value.self, "sweep") { value, meter in
            // The replay reads every node once per visit it lists, and shows each node once.
            try meter.spend(operations: value.graph.count / 4 + 1)
            try meter.allocate(bytes: EngineCost.product(value.graph.count, 2 * bytesPerShownNode))
            return value.sweep
        }
        library.properties(GraphSweep.self, ["graph": \.graph, "forwardOrder": \.forwardOrder, "backwardOrder": \.backwardOrder])
        library.properties(BlockMap.self, ["stations": \.stations, "texts": \.texts, "symbols": \.symbols, "defaultText": \.defaultText, "defaultPosition": \.defaultPosition])
        library.properties(BlockMap.Station.self, ["key": \.key, "title": \.title, "shape": \.shape, "group": \.group, "layer": \.layer, "rows": \.rows, "perToken": \.perToken])
        library.properties(BlockMap.Text.self, ["name": \.name, "inputs": \.inputs, "targets": \.targets, "values": \.values])
        library.method(GPT.self, "func blockMap(_ texts: [String], position: Int = 0) throws -> BlockMap") { a in
            let model: GPT = try a.this(), texts: [String] = try a(0)
            let positions = try texts.reduce(0) { $0 + (try whole($1, in: model)) }
            try EngineCost.charge(a, parameters: model.parameterCount, positions: positions)
            return try model.blockMap(texts, position: try a(1))
        }
    }
}

/// Where the book explains each station of the block map: step names in the Transformer Block
/// chapter, and the Attention chapter for what happens inside a head.
private func section(of key: String) -> String {
    let station = key.split(separator: ".").last.map(String.init) ?? key
    switch station {
    case "wte", "wpe", "embedding": return "#block-embedding"
    case "norm0", "norm1", "norm2": return "#block-rmsnorm"
    case "query", "key", "value", "weights", "heads": return "03-attention.html"
    case "attention", "residual1": return "#block-residual"
    case "hidden", "activated": return "#block-mlp"
    case "mlp", "output": return "#block-residual-2"
    default: return "#block-logits"
    }
}

extension GraphSweepDisplay {
    /// The sweep as the engine recorded it.
    init(_ sweep: GraphSweep) {
        self.init(nodes: sweep.graph.nodes.map(GraphNodeDisplay.init),
                  forward: sweep.forwardOrder, backward: sweep.backwardOrder,
                  changes: sweep.gradientChanges.map { $0.map { GradientChangeDisplay(node: $0.node, grad: $0.grad) } },
                  groups: sweep.groups.map { GraphGroupDisplay(node: $0.node, members: $0.members) })
    }
}

extension GraphNodeDisplay {
    /// One node of an engine graph.
    init(_ node: ExpressionNode) {
        self.init(id: node.id, label: node.label, operation: node.operation, data: node.data, grad: node.grad,
                  inputs: node.inputs, localGradients: node.localGradients)
    }
}

extension BlockMapDisplay {
    /// The map as the engine recorded it, each station linked to the section that explains it.
    init(_ map: BlockMap) {
        self.init(stations: map.stations.map { s in
                      Station(key: s.key, title: s.title, shape: s.shape, group: s.group, layer: s.layer, rows: s.rows,
                              perToken: s.perToken, link: section(of: s.key))
                  },
                  texts: map.texts.map { Text(name: $0.name, inputs: $0.inputs, targets: $0.targets, values: $0.values) },
                  symbols: map.symbols, defaultText: map.defaultText, defaultPosition: map.defaultPosition)
    }
}
