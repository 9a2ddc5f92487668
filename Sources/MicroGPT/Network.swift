import Foundation

/// microgpt.py's `gpt()` on plain numbers instead of a graph: every activation of every position
/// is kept in memory allocated once, so that `backward` (Backward.swift) can run the chain rule
/// through the same structure. Training and sampling use it; the tape (`Forward`) stays for the
/// pictures and for `lossValue`.
///
/// Every number is computed as microgpt.py computes it: the same operations on the same operands,
/// sums added left to right from 0, libm's `exp`, `log` and `pow` where Python calls them.
final class Network {
    let config: Config
    let vocabularySize: Int
    let parameterCount: Int
    /// Every weight in `GPT.parameters` order (each matrix row by row).
    let weights: UnsafeMutablePointer<Double>
    /// The same weights with each matrix stored column by column (at the same offset): the forward
    /// pass adds one column per input to all the rows at once. Refreshed by `weightsChanged()`.
    let columns: UnsafeMutablePointer<Double>
    let wte: Matrix, wpe: Matrix, lmHead: Matrix
    let layers: [LayerWeights]
    /// The matrices `linear` multiplies by (all but wte and wpe).
    private let multiplied: [Matrix]
    /// Per position, what its forward pass computed (made when a position is first reached, so a
    /// long block size costs memory only for the positions documents use).
    private(set) var positions: [PositionRecord] = []
    /// Per layer, every position's keys and values (the KV cache), position t at `t * n_embd`.
    let keys: [Vector], values: [Vector]
    /// `len(x) ** -1` in rmsnorm and `(head_dim ** 0.5) ** -1` in attention, as libm gives them.
    let inverseWidth: Double, scoreScale: Double
    let arena: Arena
    /// The backward pass's working memory (Backward.swift).
    let scratch: Scratch

    /// A network holding `parameters` (in layout order) for `config` and a vocabulary of `vocabularySize`.
    init(config: Config, vocabularySize: Int, parameters: [Double]) {
        self.config = config
        self.vocabularySize = vocabularySize
        let shapes = GPT.layout(config: config, vocabularySize: vocabularySize)
        let byName = Dictionary(uniqueKeysWithValues: shapes.map { ($0.name, Matrix($0)) })
        func matrix(_ name: String) -> Matrix {
            guard let m = byName[name] else { preconditionFailure("the layout has no matrix \(name)") }
            return m
        }
        wte = matrix("wte"); wpe = matrix("wpe"); lmHead = matrix("lm_head")
        layers = (0..<config.layerCount).map { i in
            LayerWeights(query: matrix("layer\(i).attn_wq"), key: matrix("layer\(i).attn_wk"), value: matrix("layer\(i).attn_wv"),
                         output: matrix("layer\(i).attn_wo"), fc1: matrix("layer\(i).mlp_fc1"), fc2: matrix("layer\(i).mlp_fc2"))
        }
        multiplied = [lmHead] + layers.flatMap(\.all)
        parameterCount = parameters.count
        weights = .allocate(capacity: max(parameterCount, 1))
        columns = .allocate(capacity: max(parameterCount, 1))
        weights.initialize(repeating: 0, count: max(parameterCount, 1))
        columns.initialize(repeating: 0, count: max(parameterCount, 1))
        for (i, w) in parameters.enumerated() { weights[i] = w }
        let e = config.embeddingSize, arena = Arena()
        keys = (0..<config.layerCount).map { _ in arena.vector(config.blockSize * e) }
        values = (0..<config.layerCount).map { _ in arena.vector(config.blockSize * e) }
        self.arena = arena
        scratch = Scratch(config: config, vocabularySize: vocabularySize, arena: arena)
        inverseWidth = libmPow(Double(e), -1)
        scoreScale = libmPow(libmPow(Double(config.headSize), 0.5), -1)
        weightsChanged()
    }

    deinit {
        weights.deallocate()
        columns.deallocate()
    }

    /// The weights in layout order.
    var parameters: [Double] { Array(UnsafeBufferPointer(start: weights, count: parameterCount)) }

    /// Copies the matrices the forward pass multiplies by into `columns`.
    func weightsChanged() {
        for m in multiplied {
            // Column by column, so that the writes are in order.
            var column = columns + m.offset
            for j in 0..<m.columns {
                var w = weights + m.offset + j
                for r in 0..<m.rows {
                    column[r] = w.pointee
                    w += m.columns
                }
                column += m.rows
            }
        }
    }

    /// One call of `gpt(token_id, pos_id, keys, values)`: fills position `p`'s record (the earlier
    /// positions' keys and values are the KV cache) up to its logits. Positions go 0, 1, 2, ...
    func forward(token: Int, position p: Int) {
        let e = config.embeddingSize
        if p == positions.count {
            positions.append(PositionRecord(position: p, config: config, vocabularySize: vocabularySize, arena: arena,
                                            keys: keys.map { Vector(base: $0.base + p * e, count: e) },
                                            values: values.map { Vector(base: $0.base + p * e, count: e) }))
        }
        let r = positions[p]
        for j in 0..<e { r.embedding[j] = weights[wte.offset + token * e + j] + weights[wpe.offset + p * e + j] }
        rmsnorm(r.embedding, r.norm0)
        var x = r.norm0.output
        for (l, w) in layers.enumerated() {
            let a = r.layers[l]
            rmsnorm(x, a.norm1)
            linear(a.norm1.output, w.query, a.query)
            linear(a.norm1.output, w.key, a.key)
            linear(a.norm1.output, w.value, a.value)
            for h in 0..<config.headCount { attend(head: h, layer: l, position: p) }
            linear(a.attended, w.output, a.attention)
            for j in 0..<e { a.residual[j] = a.attention[j] + x[j] }
            rmsnorm(a.residual, a.norm2)
            linear(a.norm2.output, w.fc1, a.hidden)
            for k in 0..<a.hidden.count { a.activated[k] = a.hidden[k] > 0 ? a.hidden[k] : 0 }
            linear(a.activated, w.fc2, a.mlp)
            for j in 0..<e { a.output[j] = a.mlp[j] + a.residual[j] }
            x = a.output
        }
        r.output = x
        linear(x, lmHead, r.logits)
    }

    /// The forward pass over positions 0..<n of `tokens` (n + 1 tokens: inputs, then targets) with
    /// each position's loss `-log(p(target))`; returns their mean, `(1 / n) * sum(losses)`.
    func loss(tokens: [Int], count n: Int) -> Double {
        var total = 0.0
        for p in 0..<n {
            forward(token: tokens[p], position: p)
            let r = positions[p]
            (r.inverse, r.inverseLocal) = softmax(r.logits, count: vocabularySize, exps: r.exps, into: r.probabilities)
            let probability = r.probabilities[tokens[p + 1]]
            r.logLocal = 1 / probability
            r.loss = Foundation.log(probability) * -1
            total += r.loss
        }
        return total * (1 / Double(n))
    }

    /// Head `h` of layer `l` at position `p`: scores against every cached key, softmax, and the
    /// weighted sum of the cached values.
    private func attend(head h: Int, layer l: Int, position p: Int) {
        let a = positions[p].layers[l], head = a.heads[h], e = config.embeddingSize
        let start = h * config.headSize, end = start + config.headSize
        let keys = keys[l].base, values = values[l].base
        for t in 0...p {
            var dot = 0.0
            for j in start..<end { dot += a.query[j] * keys[t * e + j] }
            head.scores[t] = dot * scoreScale
        }
        (head.inverse, head.inverseLocal) = softmax(head.scores, count: p + 1, exps: head.exps, into: head.weights)
        // out[j] = sum(weights[t] * values[t][j] for t), every j of the head at once.
        accumulate(a.attended.base + start, width: end - start, terms: p + 1, first: values + start, step: e,
                   scalars: head.weights.base, scalarStep: 1, fromZero: true)
    }

    /// `softmax(x[0..<n])`: subtract the largest, `exp`, then multiply each by `total ** -1`.
    /// Returns `total ** -1` and its local gradient `-1 * total ** -2`.
    func softmax(_ x: Vector, count n: Int, exps: Vector, into out: Vector) -> (inverse: Double, local: Double) {
        var largest = x[0]
        for t in 1..<n where x[t] > largest { largest = x[t] }
        var total = 0.0
        for t in 0..<n {
            exps[t] = Foundation.exp(x[t] + -largest)
            total += exps[t]
        }
        let inverse = libmPow(total, -1)
        for t in 0..<n { out[t] = exps[t] * inverse }
        return (inverse, -1 * libmPow(total, -2))
    }

    /// `rmsnorm(x)`: `x * (mean(x²) + 1e-5) ** -0.5`, keeping the scale and its local gradient.
    private func rmsnorm(_ x: Vector, _ norm: Norm) {
        var squares = 0.0
        for j in 0..<x.count { squares += x[j] * x[j] }
        let shifted = squares * inverseWidth + 1e-5
        norm.scale = libmPow(shifted, -0.5)
        norm.scaleLocal = -0.5 * libmPow(shifted, -1.5)
        scale(x.base, by: norm.scale, into: norm.output.base, count: x.count)
    }

    /// `linear(x, w)`: `y[r] = sum(w[r][j] * x[j] for j)`, each row added left to right from 0 as
    /// Python's `sum` adds, all rows at once (one column of `w` per input).
    private func linear(_ x: Vector, _ w: Matrix, _ y: Vector) {
        accumulate(y.base, width: w.rows, terms: w.columns, first: columns + w.offset, step: w.rows,
                   scalars: x.base, scalarStep: 1, fromZero: true)
    }
}

/// Where a weight matrix sits in the network's buffers.
struct Matrix {
    let rows: Int, columns: Int, offset: Int
    init(_ shape: MatrixShape) { (rows, columns, offset) = (shape.rows, shape.columns, shape.offset) }
}

/// One transformer block's matrices.
struct LayerWeights {
    let query: Matrix, key: Matrix, value: Matrix, output: Matrix, fc1: Matrix, fc2: Matrix
    var all: [Matrix] { [query, key, value, output, fc1, fc2] }
}
