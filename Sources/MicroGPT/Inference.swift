/// The model run forward on a text, with every station recorded: the same arithmetic as
/// training (the same tape operations), so every number matches what training saw.
extension GPT {
    /// The forward pass over BOS + `document` + BOS (cut to the block size as training does).
    public func forward(_ document: String) throws(TokenizerError) -> Trace {
        let tokens = try tokenizer.tokens(for: document)
        return trace(tokens: tokens, count: min(config.blockSize, tokens.count - 1))
    }

    /// The distribution of the token after BOS + `prefix`.
    public func next(after prefix: String) throws -> Distribution {
        let tokens = [tokenizer.bos] + (try tokenizer.encode(prefix))
        let n = try fitting(tokens.count)
        let trace = self.trace(tokens: Array(tokens.prefix(n)) + [tokenizer.bos], count: n)
        return trace.positions[n - 1].probabilities
    }

    /// The training loss of `document`: the mean of -log p over its positions.
    public func loss(_ document: String) throws(TokenizerError) -> Double {
        try forward(document).loss
    }

    /// Every head's attention weights over BOS + `text`, in `layer`.
    public func attention(_ text: String, layer: Int = 0) throws -> [AttentionMap] {
        let tokens = [tokenizer.bos] + (try tokenizer.encode(text))
        let n = try fitting(tokens.count)
        guard layer >= 0, layer < config.layerCount else {
            throw InferenceError("there is no layer \(layer): the model has \(config.layerCount) (0 to \(config.layerCount - 1))")
        }
        let trace = self.trace(tokens: tokens + [tokenizer.bos], count: n)
        let symbols = tokens.prefix(n).map(tokenizer.symbol)
        return (0..<config.headCount).map { head in
            AttentionMap(layer: layer, head: head, queries: symbols, keys: symbols,
                         weights: trace.positions.map { $0.layers[layer].heads[head].weights })
        }
    }

    /// `count` input tokens, or an error when they do not fit the context: a cut text would give
    /// an answer about another text.
    private func fitting(_ count: Int) throws(InferenceError) -> Int {
        guard count <= config.blockSize else {
            throw InferenceError("the text is too long: BOS and the text take \(count) positions, the model sees at most \(config.blockSize)")
        }
        return count
    }

    /// Runs `count` positions of `tokens` (which holds count + 1 tokens: inputs and targets).
    private func trace(tokens: [Int], count: Int) -> Trace {
        let graph = Graph(parameters: parameters)
        var forward = Forward(config: config, shapes: shapes, graph: graph, recording: true)
        var positions: [PositionTrace] = []
        var losses: [Int32] = []
        func values(_ ids: [Int32]) -> [Double] { ids.map { graph.data($0) } }
        for position in 0..<count {
            let logits = forward(token: tokens[position], position: position)
            let probabilities = forward.softmax(logits)
            let target = tokens[position + 1]
            let loss = graph.multiply(graph.log(probabilities[target]), constant: -1)
            losses.append(loss)
            guard let s = forward.stations?.last else { continue }
            let layers = s.layers.map { l in
                LayerTrace(input: values(l.input), norm1: values(l.norm1), query: values(l.query), key: values(l.key),
                           value: values(l.value),
                           heads: (0..<l.scores.count).map { HeadTrace(scores: values(l.scores[$0]), weights: values(l.weights[$0]), output: values(l.headOutputs[$0])) },
                           attention: values(l.attention), residual1: values(l.residual1), norm2: values(l.norm2),
                           hidden: values(l.hidden), activated: values(l.activated), mlp: values(l.mlp), output: values(l.output))
            }
            positions.append(PositionTrace(
                position: position, token: tokens[position], symbol: tokenizer.symbol(tokens[position]),
                target: target, targetSymbol: tokenizer.symbol(target),
                embedding: values(s.embedding), normalizedEmbedding: values(s.normalizedEmbedding), layers: layers,
                logits: values(logits),
                probabilities: Distribution(symbols: (0..<tokenizer.vocabularySize).map(tokenizer.symbol), probabilities: values(probabilities)),
                loss: graph.data(loss)))
        }
        let mean = graph.multiply(graph.sum(losses), constant: 1 / Double(count))
        return Trace(positions: positions, loss: graph.data(mean))
    }
}

extension GPT {
    /// The training loss of `document` as a `Value` on a fresh graph holding this model's
    /// parameters first: exactly the graph one training step builds, ready for `backward()`.
    public func lossValue(_ document: String) throws(TokenizerError) -> Value {
        let tokens = try tokenizer.tokens(for: document)
        let n = min(config.blockSize, tokens.count - 1)
        let graph = Graph(parameters: parameters)
        var forward = Forward(config: config, shapes: shapes, graph: graph)
        var losses: [Int32] = []
        for position in 0..<n {
            let probabilities = forward.softmax(forward(token: tokens[position], position: position))
            losses.append(graph.multiply(graph.log(probabilities[tokens[position + 1]]), constant: -1))
        }
        return Value(graph, graph.multiply(graph.sum(losses), constant: 1 / Double(n)))
    }
}

/// A question the model cannot answer as asked.
public struct InferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
