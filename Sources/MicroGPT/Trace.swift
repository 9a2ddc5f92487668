/// Everything the model computed for one text: one `PositionTrace` per input token.
public struct Trace: Sendable, CustomStringConvertible {
    /// The positions in order; position i reads token i and predicts token i + 1.
    public let positions: [PositionTrace]
    /// The mean of the positions' losses: what training minimises for this document.
    public let loss: Double

    public var description: String {
        let rows = positions.map { p in
            "\(p.position)  \(p.symbol) -> \(p.targetSymbol)   p = \(fixed(p.probabilities.probabilities[p.target], 4))   loss \(fixed(p.loss, 4))"
        }
        return (rows + ["mean loss \(fixed(loss, 4))"]).joined(separator: "\n")
    }
}

/// One position of a forward pass, station by station.
public struct PositionTrace: Sendable {
    /// Index of the position (also the row of wpe it used).
    public let position: Int
    /// The input token and its symbol.
    public let token: Int
    public let symbol: String
    /// The token that really comes next, and its symbol.
    public let target: Int
    public let targetSymbol: String
    /// `wte[token] + wpe[position]`.
    public let embedding: [Double]
    /// The embedding after the RMSNorm microgpt.py applies before the first block.
    public let normalizedEmbedding: [Double]
    /// What each transformer block did.
    public let layers: [LayerTrace]
    /// lm_head's scores for every token.
    public let logits: [Double]
    /// softmax of the logits.
    public let probabilities: Distribution
    /// `-log p(target)`.
    public let loss: Double
}

/// One transformer block at one position.
public struct LayerTrace: Sendable {
    /// The block's input (the residual stream).
    public let input: [Double]
    /// The input after the block's first RMSNorm.
    public let norm1: [Double]
    /// Query, key and value vectors (all heads side by side).
    public let query: [Double]
    public let key: [Double]
    public let value: [Double]
    /// Each head's scores, weights and output.
    public let heads: [HeadTrace]
    /// The heads' outputs after attn_wo.
    public let attention: [Double]
    /// input + attention.
    public let residual1: [Double]
    /// residual1 after the second RMSNorm.
    public let norm2: [Double]
    /// mlp_fc1's output, before the ReLU.
    public let hidden: [Double]
    /// After the ReLU.
    public let activated: [Double]
    /// mlp_fc2's output.
    public let mlp: [Double]
    /// residual1 + mlp: the block's output.
    public let output: [Double]
}

/// One attention head at one position.
public struct HeadTrace: Sendable {
    /// q·k / sqrt(head size) for every key in the cache (this position and the ones before).
    public let scores: [Double]
    /// softmax of the scores.
    public let weights: [Double]
    /// The weighted sum of the values.
    public let output: [Double]
}
