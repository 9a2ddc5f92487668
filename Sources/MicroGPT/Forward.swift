import Foundation

/// microgpt.py's `gpt()` recorded on a `Graph`, one token at a time, with a KV cache:
/// the same operations in the same order, so values and gradients match Python exactly.
/// The model's parameters are the graph's first `parameterCount` nodes, in layout order.
struct Forward {
    let config: Config
    let graph: Graph
    private let wte: MatrixShape, wpe: MatrixShape, lmHead: MatrixShape
    /// Per layer: attn_wq, attn_wk, attn_wv, attn_wo, mlp_fc1, mlp_fc2.
    private let layerWeights: [[MatrixShape]]
    /// Per layer, the keys and values of the positions seen so far (the KV cache).
    private(set) var keys: [[[Int32]]]
    private(set) var values: [[[Int32]]]
    /// The last position's final activations, the input of lm_head.
    private(set) var output: [Int32] = []
    /// When set, every station of every position is kept here (for windows into the model).
    var stations: [Stations]?

    /// The node ids of one position's activations.
    struct Stations {
        var embedding: [Int32] = []
        var normalizedEmbedding: [Int32] = []
        var layers: [LayerStations] = []
        var logits: [Int32] = []
    }
    struct LayerStations {
        var input: [Int32] = [], norm1: [Int32] = [], query: [Int32] = [], key: [Int32] = [], value: [Int32] = []
        var scores: [[Int32]] = [], weights: [[Int32]] = [], headOutputs: [[Int32]] = []
        var attention: [Int32] = [], residual1: [Int32] = [], norm2: [Int32] = []
        var hidden: [Int32] = [], activated: [Int32] = [], mlp: [Int32] = [], output: [Int32] = []
    }

    init(config: Config, shapes: [MatrixShape], graph: Graph, recording: Bool = false) {
        self.config = config
        let byName = Dictionary(uniqueKeysWithValues: shapes.map { ($0.name, $0) })
        func weight(_ name: String) -> MatrixShape {
            guard let shape = byName[name] else { preconditionFailure("the layout has no matrix \(name)") }
            return shape
        }
        wte = weight("wte"); wpe = weight("wpe"); lmHead = weight("lm_head")
        layerWeights = (0..<config.layerCount).map { i in
            ["attn_wq", "attn_wk", "attn_wv", "attn_wo", "mlp_fc1", "mlp_fc2"].map { weight("layer\(i).\($0)") }
        }
        self.graph = graph
        keys = Array(repeating: [], count: config.layerCount)
        values = Array(repeating: [], count: config.layerCount)
        stations = recording ? [] : nil
    }

    /// `linear(x, w)`: one `sum(wi * xi)` per row.
    func linear(_ x: [Int32], _ w: MatrixShape) -> [Int32] {
        (0..<w.rows).map { r in
            let row = Int32(w.offset + r * w.columns)
            return graph.dot(w.columns, { row + Int32($0) }, { x[$0] })
        }
    }

    /// `softmax(logits)`: subtract the largest value, exponentiate, divide by the total.
    func softmax(_ logits: [Int32]) -> [Int32] {
        let largest = logits.map { graph.data($0) }.max() ?? 0
        let exps = logits.map { graph.exp(graph.add($0, constant: -largest)) }
        let total = graph.sum(exps)
        // `e / total` is `e * total ** -1`, a new power node each time (the same number each time).
        let inverse = graph.power(total, -1)
        return exps.enumerated().map { i, e in graph.multiply(e, i == 0 ? inverse : graph.repeated(inverse)) }
    }

    /// `rmsnorm(x)`: scale by `(mean(x²) + 1e-5) ** -0.5`.
    func rmsnorm(_ x: [Int32]) -> [Int32] {
        let squares = graph.dot(x.count, { x[$0] }, { x[$0] })
        let meanSquare = graph.multiply(squares, constant: graph.libmPow(Double(x.count), -1))
        let scale = graph.power(graph.add(meanSquare, constant: 1e-5), -0.5)
        return x.map { graph.multiply($0, scale) }
    }

    /// One call of `gpt(token_id, pos_id, keys, values)`: the logits for the next token.
    mutating func callAsFunction(token: Int, position: Int) -> [Int32] {
        let e = config.embeddingSize, headSize = config.headSize
        var record = Stations()
        var x = (0..<e).map { graph.add(Int32(wte.offset + token * e + $0), Int32(wpe.offset + position * e + $0)) }
        record.embedding = x
        x = rmsnorm(x)
        record.normalizedEmbedding = x
        let scoreScale = graph.libmPow(graph.libmPow(Double(headSize), 0.5), -1)
        for layer in 0..<config.layerCount {
            let w = layerWeights[layer]
            var l = LayerStations()
            l.input = x
            let residual = x
            x = rmsnorm(x)
            l.norm1 = x
            let q = linear(x, w[0])
            let k = linear(x, w[1])
            let v = linear(x, w[2])
            (l.query, l.key, l.value) = (q, k, v)
            keys[layer].append(k)
            values[layer].append(v)
            var attended: [Int32] = []
            for head in 0..<config.headCount {
                let hs = head * headSize
                let scores = keys[layer].map { key in
                    graph.multiply(graph.dot(headSize, { q[hs + $0] }, { key[hs + $0] }), constant: scoreScale)
                }
                let weights = softmax(scores)
                let cache = values[layer]
                let out = (0..<headSize).map { j in graph.dot(weights.count, { weights[$0] }, { cache[$0][hs + j] }) }
                l.scores.append(scores); l.weights.append(weights); l.headOutputs.append(out)
                attended += out
            }
            x = linear(attended, w[3])
            l.attention = x
            x = zip(x, residual).map { graph.add($0, $1) }
            l.residual1 = x
            let residual2 = x
            x = rmsnorm(x)
            l.norm2 = x
            x = linear(x, w[4])
            l.hidden = x
            x = x.map { graph.relu($0) }
            l.activated = x
            x = linear(x, w[5])
            l.mlp = x
            x = zip(x, residual2).map { graph.add($0, $1) }
            l.output = x
            if stations != nil { record.layers.append(l) }
        }
        output = x
        let logits = linear(x, lmHead)
        if stations != nil {
            record.logits = logits
            stations?.append(record)
        }
        return logits
    }
}

extension Graph {
    /// A tape whose first nodes are the model's parameters, as leaves in layout order.
    convenience init(parameters: [Double]) {
        self.init()
        reserve(parameters.count * 16)
        for p in parameters { _ = leaf(p) }
    }
}
