/// The model's forward pass as a list of stations, from the embeddings to the softmax, with the
/// vector at every station for each position of a few texts: the recorded activations of
/// `forward(_:)` (the training arithmetic), plus the rows of wte and wpe each position looked up.
public struct BlockMap: Sendable, CustomStringConvertible {
    /// One station: a stable key, its name in microgpt.py's terms, how its numbers are made, and
    /// its part of the model (`embedding`, `attention`, `mlp`, `output`; `layer` for a block's).
    public struct Station: Sendable, Hashable {
        public let key, title, shape, group: String
        public let layer: Int
        /// How many rows its numbers split into (the heads' attention weights); 1 for a vector.
        public let rows: Int
        /// Whether it holds one number per token of the vocabulary (lm_head's and softmax's).
        public let perToken: Bool
    }
    /// One text: the symbol read and the one to predict at each position, and per position the
    /// numbers at each station (`values[position][station]`).
    public struct Text: Sendable {
        public let name: String
        public let inputs, targets: [String]
        public let values: [[[Double]]]
    }

    public let stations: [Station]
    public let texts: [Text]
    /// The vocabulary's symbols, by token id: what a per-token station's numbers are for.
    public let symbols: [String]
    /// The text and position shown first.
    public let defaultText, defaultPosition: Int

    public var description: String {
        let width = stations.map(\.title.count).max() ?? 0
        let lines = stations.map { s in s.title.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + s.shape }
        let shown = texts.map { "\($0.name) (\($0.inputs.count))" }.joined(separator: ", ")
        return (lines + ["texts: " + shown]).joined(separator: "\n")
    }
}

extension GPT {
    /// The block map of `texts` (each read as training reads it: BOS + text + BOS, cut to the block
    /// size), showing `texts[0]` at `position` first.
    public func blockMap(_ texts: [String], position: Int = 0) throws -> BlockMap {
        guard !texts.isEmpty else { throw InferenceError("the block map needs at least one text") }
        let traces = try texts.map { try forward($0) }
        guard position >= 0, position < traces[0].positions.count else {
            throw InferenceError("\"\(texts[0])\" has positions 0 to \(traces[0].positions.count - 1), not \(position)")
        }
        let e = config.embeddingSize, hs = config.headSize, heads = config.headCount, v = tokenizer.vocabularySize
        func station(_ key: String, _ title: String, _ shape: String, _ group: String, _ layer: Int = 0, rows: Int = 1,
                     perToken: Bool = false) -> BlockMap.Station {
            BlockMap.Station(key: key, title: title, shape: shape, group: group, layer: layer, rows: rows, perToken: perToken)
        }
        var stations = [
            station("wte", "wte[token]", "row of \(v)×\(e) → \(e)", "embedding"),
            station("wpe", "wpe[position]", "row of \(config.blockSize)×\(e) → \(e)", "embedding"),
            station("embedding", "wte + wpe", "\(e) + \(e) → \(e)", "embedding"),
            station("norm0", "rmsnorm", "\(e) → \(e)", "embedding"),
        ]
        for l in 0..<config.layerCount {
            let p = config.layerCount > 1 ? "layer\(l)." : ""
            stations += [
                station(p + "norm1", "rmsnorm", "\(e) → \(e)", "attention", l),
                station(p + "query", "q = attn_wq · x", "\(e)×\(e) · \(e) → \(heads)×\(hs)", "attention", l, rows: heads),
                station(p + "key", "k = attn_wk · x", "\(e)×\(e) · \(e) → \(heads)×\(hs)", "attention", l, rows: heads),
                station(p + "value", "v = attn_wv · x", "\(e)×\(e) · \(e) → \(heads)×\(hs)", "attention", l, rows: heads),
                station(p + "weights", "softmax(q·k / √\(hs))", "\(heads) × (position + 1)", "attention", l, rows: heads),
                station(p + "heads", "Σ weight · v", "\(heads)×\(hs) → \(e)", "attention", l, rows: heads),
                station(p + "attention", "attn_wo · heads", "\(e)×\(e) · \(e) → \(e)", "attention", l),
                station(p + "residual1", "x + attention", "\(e) + \(e) → \(e)", "attention", l),
                station(p + "norm2", "rmsnorm", "\(e) → \(e)", "mlp", l),
                station(p + "hidden", "mlp_fc1 · x", "\(4 * e)×\(e) · \(e) → \(4 * e)", "mlp", l),
                station(p + "activated", "relu", "\(4 * e) → \(4 * e)", "mlp", l),
                station(p + "mlp", "mlp_fc2 · relu", "\(e)×\(4 * e) · \(4 * e) → \(e)", "mlp", l),
                station(p + "output", "x + mlp", "\(e) + \(e) → \(e)", "mlp", l),
            ]
        }
        stations += [
            station("logits", "lm_head · x", "\(v)×\(e) · \(e) → \(v)", "output", perToken: true),
            station("probabilities", "softmax", "\(v) → \(v)", "output", perToken: true),
        ]
        let wte = matrix("wte"), wpe = matrix("wpe")
        let shown = zip(texts, traces).map { text, trace in
            BlockMap.Text(name: text, inputs: trace.positions.map(\.symbol), targets: trace.positions.map(\.targetSymbol),
                          values: trace.positions.map { p in
                var row = [wte[p.token], wpe[p.position], p.embedding, p.normalizedEmbedding]
                for l in p.layers {
                    row += [l.norm1, l.query, l.key, l.value, l.heads.flatMap(\.weights), l.heads.flatMap(\.output),
                            l.attention, l.residual1, l.norm2, l.hidden, l.activated, l.mlp, l.output]
                }
                return row + [p.logits, p.probabilities.probabilities]
            })
        }
        return BlockMap(stations: stations, texts: shown, symbols: (0..<v).map(tokenizer.symbol),
                        defaultText: 0, defaultPosition: position)
    }
}
