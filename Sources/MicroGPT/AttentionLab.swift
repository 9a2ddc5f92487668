/// Every number of one layer's scaled dot-product attention over a few texts, head by head, as a
/// real forward pass computed it: the queries, keys and values, each query's dot product with each
/// key it can see, the scores, the softmax weights and the weighted sum of the values.
public struct AttentionLab: Sendable, CustomStringConvertible {
    /// The layer, from 0.
    public let layer: Int
    /// Numbers per head (`d`).
    public let headSize: Int
    /// `√d`, as the forward pass takes it (`head_dim ** 0.5`).
    public let root: Double
    /// The texts, in the order asked for.
    public let texts: [AttentionLabText]

    public var description: String {
        let inData = texts.filter(\.inDataset).count
        return "attention lab, layer \(layer), \(texts.first?.heads.count ?? 0) heads of \(headSize): "
            + texts.map(\.text).joined(separator: ", ")
            + " (\(texts.count) texts, \(inData) of them in the data set)"
    }
}

/// One text in an attention lab.
public struct AttentionLabText: Sendable {
    /// The text as asked for (without BOS).
    public let text: String
    /// Whether the data set has it as a document.
    public let inDataset: Bool
    /// The input token at each position: BOS, then the text.
    public let symbols: [String]
    /// Each head's numbers.
    public let heads: [AttentionLabHead]
}

/// One head over one text. Row `i` of `dots`, `scores` and `weights` holds query `i` against the
/// keys `0...i` (all a position ever sees: the KV cache holds nothing later).
public struct AttentionLabHead: Sendable {
    /// The head, from 0.
    public let head: Int
    /// This head's slice of q, k and v at each position.
    public let queries: [[Double]]
    public let keys: [[Double]]
    public let values: [[Double]]
    /// `q_i · k_j`, before the division by `√d`.
    public let dots: [[Double]]
    /// `q_i · k_j / √d`, as the forward pass computed them.
    public let scores: [[Double]]
    /// softmax of each row of scores.
    public let weights: [[Double]]
    /// The weighted sum of the values at each position: the head's output.
    public let outputs: [[Double]]
}

extension GPT {
    /// The attention lab of `layer` over each of `texts` (BOS + text, which must fit the context),
    /// marking which texts `dataset` holds.
    public func attentionLab(_ texts: [String], dataset: Dataset, layer: Int = 0) throws -> AttentionLab {
        guard layer >= 0, layer < config.layerCount else {
            throw InferenceError("there is no layer \(layer): the model has \(config.layerCount) (0 to \(config.layerCount - 1))")
        }
        guard !texts.isEmpty else { throw InferenceError("an attention lab needs at least one text") }
        let known = Set(dataset.documents)
        let d = config.headSize
        let labTexts = try texts.map { text in
            let length = text.unicodeScalars.count + 1
            guard length <= config.blockSize else {
                throw InferenceError("\"\(text)\" is too long: BOS and the text take \(length) positions, the model sees at most \(config.blockSize)")
            }
            // The training forward pass, every station recorded: the numbers training saw.
            let trace = try forward(text)
            let layers = trace.positions.map { $0.layers[layer] }
            let heads = (0..<config.headCount).map { h in
                let slice = h * d..<(h + 1) * d
                let q = layers.map { Array($0.query[slice]) }
                let k = layers.map { Array($0.key[slice]) }
                let v = layers.map { Array($0.value[slice]) }
                return AttentionLabHead(head: h, queries: q, keys: k, values: v,
                                        dots: q.indices.map { i in (0...i).map { j in dot(q[i], k[j]) } },
                                        scores: layers.map { $0.heads[h].scores }, weights: layers.map { $0.heads[h].weights },
                                        outputs: layers.map { $0.heads[h].output })
            }
            return AttentionLabText(text: text, inDataset: known.contains(text),
                                    symbols: trace.positions.map(\.symbol), heads: heads)
        }
        return AttentionLab(layer: layer, headSize: d, root: libmPow(Double(d), 0.5), texts: labTexts)
    }
}
