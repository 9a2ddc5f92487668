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
            return GPT(config: try sized(config, vocabularySize: tokenizer.vocabularySize), tokenizer: tokenizer, random: try a(2))
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
        library.method(GPT.self, "func matrix(_ name: String) -> [[Double]]") { a in (try a.this() as GPT).matrix(try a(0)) }
        library.method(GPT.self, "func forward(_ document: String) throws -> Trace") { a in try (try a.this() as GPT).forward(try a(0)) }
        library.method(GPT.self, "func next(after prefix: String) throws -> Distribution") { a in try (try a.this() as GPT).next(after: try a(0)) }
        library.method(GPT.self, "func loss(_ document: String) throws -> Double") { a in try (try a.this() as GPT).loss(try a(0)) }
        library.method(GPT.self, "func lossValue(_ document: String) throws -> Value") { a in try (try a.this() as GPT).lossValue(try a(0)) }
        library.method(GPT.self, "func attention(_ text: String, layer: Int = 0) throws -> [AttentionMap]") { a in
            try (try a.this() as GPT).attention(try a(0), layer: try a(1))
        }
        library.method(GPT.self, "func sample(temperature: Double, random: Random) -> String") { a in
            (try a.this() as GPT).sample(temperature: try positive(a(0)), random: try a(1))
        }
        library.method(GPT.self, "func samples(count: Int, temperature: Double, seed: Int) -> [String]") { a in
            (try a.this() as GPT).samples(count: try sampleCount(a(0)), temperature: try positive(a(1)), seed: try a(2))
        }
        library.method(GPT.self, "func samples(count: Int, temperature: Double, random: Random) -> [String]") { a in
            (try a.this() as GPT).samples(count: try sampleCount(a(0)), temperature: try positive(a(1)), random: try a(2))
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
        library.method(Distribution.self, "func top(_ k: Int) -> Distribution") { a in (try a.this() as Distribution).top(try a(0)) }
        library.method(Distribution.self, "func probability(of symbol: String) -> Double") { a in (try a.this() as Distribution).probability(of: try a(0)) }
        library.properties(AttentionMap.self, ["layer": \.layer, "head": \.head, "queries": \.queries, "keys": \.keys, "weights": \.weights])
    }
}

/// A sampling temperature, which must be positive.
func positive(_ temperature: Double) throws -> Double {
    guard temperature > 0 else { throw StepFailure("temperature must be greater than 0, got \(temperature)") }
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
