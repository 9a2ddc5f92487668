/// What one position's forward pass computed, kept for its backward pass: every vector of
/// microgpt.py's `gpt()` under its name there, and the local gradients that are not plain data.
final class PositionRecord {
    /// `wte[token] + wpe[position]`.
    let embedding: Vector
    /// The RMSNorm before the first block.
    let norm0: Norm
    let layers: [LayerRecord]
    /// The input of lm_head (the last block's output, or `norm0`'s without blocks).
    var output: Vector
    let logits: Vector
    /// The softmax of the logits: its `exp`s, `total ** -1` with its local gradient, the probabilities.
    let exps: Vector, probabilities: Vector
    var inverse = 0.0, inverseLocal = 0.0
    /// `-log(probability of the target)` and the local gradient of `log`, `1 / p`.
    var loss = 0.0, logLocal = 0.0

    /// The record of position `position` (which attends to `position + 1` positions).
    init(position: Int, config: Config, vocabularySize: Int, arena: Arena, keys: [Vector], values: [Vector]) {
        let e = config.embeddingSize
        embedding = arena.vector(e)
        norm0 = Norm(arena.vector(e))
        layers = (0..<config.layerCount).map { l in
            LayerRecord(config: config, positions: position + 1, arena: arena, key: keys[l], value: values[l])
        }
        output = norm0.output
        logits = arena.vector(vocabularySize)
        exps = arena.vector(vocabularySize)
        probabilities = arena.vector(vocabularySize)
    }
}

/// One transformer block at one position.
final class LayerRecord {
    let norm1: Norm
    /// q, k and v; k and v are this position's rows of the KV cache.
    let query: Vector, key: Vector, value: Vector
    let heads: [HeadRecord]
    /// The heads' outputs side by side (`x_attn`), then after attn_wo.
    let attended: Vector, attention: Vector
    /// The block's input plus `attention`.
    let residual: Vector
    let norm2: Norm
    /// mlp_fc1's output, after ReLU, after mlp_fc2, and plus `residual`: the block's output.
    let hidden: Vector, activated: Vector, mlp: Vector, output: Vector

    init(config: Config, positions: Int, arena: Arena, key: Vector, value: Vector) {
        let e = config.embeddingSize
        norm1 = Norm(arena.vector(e))
        query = arena.vector(e)
        self.key = key
        self.value = value
        heads = (0..<config.headCount).map { _ in HeadRecord(positions: positions, arena: arena) }
        attended = arena.vector(e)
        attention = arena.vector(e)
        residual = arena.vector(e)
        norm2 = Norm(arena.vector(e))
        hidden = arena.vector(4 * e)
        activated = arena.vector(4 * e)
        mlp = arena.vector(e)
        output = arena.vector(e)
    }
}

/// One attention head at one position, over the positions up to it.
final class HeadRecord {
    /// `q·k / sqrt(head_dim)` per cached key, their `exp`s (after subtracting the largest), and the weights.
    let scores: Vector, exps: Vector, weights: Vector
    /// `total ** -1` and its local gradient.
    var inverse = 0.0, inverseLocal = 0.0

    init(positions: Int, arena: Arena) {
        scores = arena.vector(positions)
        exps = arena.vector(positions)
        weights = arena.vector(positions)
    }
}

/// One RMSNorm: its output and its scale `(mean(x²) + 1e-5) ** -0.5`, with the scale's local gradient.
final class Norm {
    let output: Vector
    var scale = 0.0, scaleLocal = 0.0
    init(_ output: Vector) { self.output = output }
}
