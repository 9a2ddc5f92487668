import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// The model, its settings and the windows into it: traces, distributions, attention maps.
    func registerModel(in library: Library) {
        library.function("func Config(seed: Int = 42, embeddingSize: Int = 16, headCount: Int = 4, layerCount: Int = 1, blockSize: Int = 16, steps: Int = 1000, learningRate: Double = 0.01, beta1: Double = 0.85, beta2: Double = 0.99, epsilon: Double = 1e-8, initStd: Double = 0.08, temperature: Double = 0.5, sampleCount: Int = 20) -> Config") { a in
            Config(seed: try a(0), embeddingSize: try a(1), headCount: try a(2), layerCount: try a(3), blockSize: try a(4),
                   steps: try a(5), learningRate: try a(6), beta1: try a(7), beta2: try a(8), epsilon: try a(9),
                   initStd: try a(10), temperature: try a(11), sampleCount: try a(12))
        }
        library.properties(Config.self, ["seed": \.seed, "embeddingSize": \.embeddingSize, "headCount": \.headCount, "layerCount": \.layerCount,
                                 "blockSize": \.blockSize, "steps": \.steps, "learningRate": \.learningRate, "beta1": \.beta1,
                                 "beta2": \.beta2, "epsilon": \.epsilon, "initStd": \.initStd, "temperature": \.temperature,
                                 "sampleCount": \.sampleCount, "headSize": \.headSize])

        library.function("func GPT(config: Config, tokenizer: Tokenizer, random: Random) -> GPT") { a in
            let config = try (try a(0) as Config).validated(), tokenizer: Tokenizer = try a(1)
            let model = try sized(config, vocabularySize: tokenizer.vocabularySize)
            try EngineCost.charge(a, numbers: EngineCost.parameters(model, vocabularySize: tokenizer.vocabularySize))
            return GPT(config: model, tokenizer: tokenizer, random: try a(2))
        }
        library.function("func GPT(config: Config, tokenizer: Tokenizer, parameters: [Double]) -> GPT") { a in
            let config = try (try a(0) as Config).validated(), tokenizer: Tokenizer = try a(1), parameters: [Double] = try a(2)
            let needed = GPT.layout(config: config, vocabularySize: tokenizer.vocabularySize).reduce(0) { $0 + $1.count }
            guard parameters.count == needed else { throw StepFailure("this model needs \(needed) parameters, got \(parameters.count)") }
            return GPT(config: config, tokenizer: tokenizer, parameters: parameters)
        }
        library.properties(GPT.self, ["config": \.config, "tokenizer": \.tokenizer, "parameters": \.parameters, "shapes": \.shapes,
                              "parameterCount": \.parameterCount])
        library.properties(MatrixShape.self, ["name": \.name, "rows": \.rows, "columns": \.columns, "offset": \.offset, "count": \.count])
        library.method(GPT.self, "func matrix(_ name: String) -> [[Double]]") { a in
            let model: GPT = try a.this(), name: String = try a(0)
            guard let shape = model.shape(name) else {
                throw StepFailure("the model has no matrix '\(name)'; its matrices are " + model.shapes.map(\.name).joined(separator: ", "))
            }
            try EngineCost.charge(a, numbers: shape.count)
            return model.matrix(name)
        }
        library.method(GPT.self, "func forward(_ document: String) throws -> Trace") { a in
            let model: GPT = try a.this(), document: String = try a(0)
            try EngineCost.charge(a, parameters: model.parameterCount, positions: try whole(document, in: model))
            return try model.forward(document)
        }
        library.method(GPT.self, "func next(after prefix: String) throws -> Distribution") { a in
            let model: GPT = try a.this(), prefix: String = try a(0)
            try EngineCost.charge(a, parameters: model.parameterCount, positions: min(prefix.unicodeScalars.count + 1, model.config.blockSize))
            return try model.next(after: prefix)
        }
        library.method(GPT.self, "func loss(_ document: String) throws -> Double") { a in
            let model: GPT = try a.this(), document: String = try a(0)
            try EngineCost.charge(a, parameters: model.parameterCount, positions: try whole(document, in: model))
            return try model.loss(document)
        }
        library.method(GPT.self, "func lossValue(_ document: String) throws -> Value") { a in
            let model: GPT = try a.this(), document: String = try a(0)
            try EngineCost.charge(a, parameters: model.parameterCount, positions: try whole(document, in: model))
            return try model.lossValue(document)
        }
        library.method(GPT.self, "func attention(_ text: String, layer: Int = 0) throws -> [AttentionMap]") { a in
            let model: GPT = try a.this(), text: String = try a(0)
            try EngineCost.charge(a, parameters: model.parameterCount, positions: min(text.unicodeScalars.count + 1, model.config.blockSize))
            return try model.attention(text, layer: try a(1))
        }
        library.method(GPT.self, "func sample(temperature: Double, random: Random) -> String") { a in
            let model: GPT = try a.this()
            try EngineCost.charge(a, parameters: model.parameterCount, positions: model.config.blockSize)
            return model.sample(temperature: try positive(a(0)), random: try a(1))
        }
        library.method(GPT.self, "func samples(count: Int, temperature: Double, seed: Int) -> [String]") { a in
            let model: GPT = try a.this(), count = try sampleCount(a(0))
            try EngineCost.charge(a, parameters: model.parameterCount, positions: model.config.blockSize, runs: count)
            return model.samples(count: count, temperature: try positive(a(1)), seed: try a(2))
        }
        library.method(GPT.self, "func samples(count: Int, temperature: Double, random: Random) -> [String]") { a in
            let model: GPT = try a.this(), count = try sampleCount(a(0))
            try EngineCost.charge(a, parameters: model.parameterCount, positions: model.config.blockSize, runs: count)
            return model.samples(count: count, temperature: try positive(a(1)), random: try a(2))
        }

        library.properties(Trace.self, ["positions": \.positions, "loss": \.loss])
        library.properties(PositionTrace.self, ["position": \.position, "token": \.token, "symbol": \.symbol, "target": \.target,
                                        "targetSymbol": \.targetSymbol, "embedding": \.embedding,
                                        "normalizedEmbedding": \.normalizedEmbedding, "layers": \.layers, "logits": \.logits,
                                        "probabilities": \.probabilities, "loss": \.loss])
        library.properties(LayerTrace.self, ["input": \.input, "norm1": \.norm1, "query": \.query, "key": \.key, "value": \.value,
                                     "heads": \.heads, "attention": \.attention, "residual1": \.residual1, "norm2": \.norm2,
                                     "hidden": \.hidden, "activated": \.activated, "mlp": \.mlp, "output": \.output])
        library.properties(HeadTrace.self, ["scores": \.scores, "weights": \.weights, "output": \.output])

        library.function("func Distribution(symbols: [String], probabilities: [Double]) -> Distribution") { a in
            let symbols: [String] = try a(0), probabilities: [Double] = try a(1)
            guard symbols.count == probabilities.count else { throw StepFailure("a distribution needs one probability per symbol") }
            return Distribution(symbols: symbols, probabilities: probabilities)
        }
        library.properties(Distribution.self, ["symbols": \.symbols, "probabilities": \.probabilities, "sum": \.sum, "mostLikely": \.mostLikely])
        library.method(Distribution.self, "func top(_ k: Int) -> Distribution") { a in
            let k: Int = try a(0)
            guard k >= 0 else { throw StepFailure("top needs a count >= 0, got \(k)") }
            return (try a.this() as Distribution).top(k)
        }
        library.method(Distribution.self, "func probability(of symbol: String) -> Double") { a in
            let distribution: Distribution = try a.this(), symbol: String = try a(0)
            guard distribution.symbols.contains(symbol) else {
                throw StepFailure("the distribution has no symbol \(String(reflecting: symbol))")
            }
            return distribution.probability(of: symbol)
        }
        library.properties(AttentionMap.self, ["layer": \.layer, "head": \.head, "queries": \.queries, "keys": \.keys, "weights": \.weights])
    }
}

/// The positions a forward pass over BOS + `document` reads, or an error when they do not fit the
/// model's block: a cut text would answer for another text.
func whole(_ document: String, in model: GPT) throws -> Int {
    let positions = document.unicodeScalars.count + 1
    guard positions <= model.config.blockSize else {
        throw StepFailure("the text is too long: BOS and the text take \(positions) positions, the model sees at most \(model.config.blockSize)")
    }
    return positions
}

/// A sampling temperature, which must be positive.
func positive(_ temperature: Double) throws -> Double {
    guard temperature > 0, temperature.isFinite else { throw StepFailure("temperature must be greater than 0, got \(temperature)") }
    return temperature
}

/// A number of names to sample, bounded so that a typo cannot stall the build.
func sampleCount(_ count: Int) throws -> Int {
    guard (0...10_000).contains(count) else { throw StepFailure("count must be between 0 and 10000, got \(count)") }
    return count
}

/// `config`, unless its model is too big to build in a step (a typo like `embeddingSize: 16000`
/// would otherwise take the machine's memory).
func sized(_ config: Config, vocabularySize: Int) throws -> Config {
    let limit = 10_000_000
    let e = config.embeddingSize.magnitude, v = UInt(vocabularySize), b = config.blockSize.magnitude, l = config.layerCount.magnitude
    let (square, o1) = e.multipliedReportingOverflow(by: e)
    let (perLayer, o2) = square.multipliedReportingOverflow(by: 12)
    let (layers, o3) = perLayer.multipliedReportingOverflow(by: l)
    let (tables, o4) = e.multipliedReportingOverflow(by: 2 * v + b)
    guard !(o1 || o2 || o3 || o4), layers + tables <= UInt(limit) else {
        throw StepFailure("this model would have more than \(limit) parameters; steps build smaller models")
    }
    return config
}
