/// Every setting of a microGPT run; the defaults are microgpt.py's.
public struct Config: Sendable, Hashable, CustomStringConvertible {
    /// Seed of the random generator that shuffles the data, initialises the weights and samples.
    public var seed: Int
    /// Width of every token vector (`n_embd`).
    public var embeddingSize: Int
    /// Attention heads per layer (`n_head`); must divide `embeddingSize`.
    public var headCount: Int
    /// Transformer blocks (`n_layer`).
    public var layerCount: Int
    /// Longest context the model can see (`block_size`).
    public var blockSize: Int
    /// Training steps, one document each (`num_steps`).
    public var steps: Int
    /// Adam's base learning rate, decayed linearly to zero over the run.
    public var learningRate: Double
    /// Adam's decay rate for the running mean of gradients.
    public var beta1: Double
    /// Adam's decay rate for the running mean of squared gradients.
    public var beta2: Double
    /// Adam's guard against division by zero.
    public var epsilon: Double
    /// Standard deviation of the Gaussian that initialises every weight.
    public var initStd: Double
    /// Sampling temperature: below 1 sharpens the distribution, above 1 flattens it.
    public var temperature: Double
    /// How many names to sample after training.
    public var sampleCount: Int

    /// A configuration; every argument defaults to microgpt.py's value.
    public init(seed: Int = 42, embeddingSize: Int = 16, headCount: Int = 4, layerCount: Int = 1,
                blockSize: Int = 16, steps: Int = 1000, learningRate: Double = 0.01,
                beta1: Double = 0.85, beta2: Double = 0.99, epsilon: Double = 1e-8,
                initStd: Double = 0.08, temperature: Double = 0.5, sampleCount: Int = 20) {
        self.seed = seed
        self.embeddingSize = embeddingSize
        self.headCount = headCount
        self.layerCount = layerCount
        self.blockSize = blockSize
        self.steps = steps
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.initStd = initStd
        self.temperature = temperature
        self.sampleCount = sampleCount
    }

    /// Width of one attention head.
    public var headSize: Int { embeddingSize / max(headCount, 1) }

    /// This configuration, or an error naming the first setting that cannot work.
    public func validated() throws(ConfigError) -> Config {
        if embeddingSize < 1 { throw ConfigError("n_embd must be at least 1, got \(embeddingSize)") }
        if headCount < 1 { throw ConfigError("n_head must be at least 1, got \(headCount)") }
        if embeddingSize % headCount != 0 {
            throw ConfigError("n_embd (\(embeddingSize)) must be divisible by n_head (\(headCount))")
        }
        if layerCount < 0 { throw ConfigError("n_layer must not be negative, got \(layerCount)") }
        if blockSize < 1 { throw ConfigError("block_size must be at least 1, got \(blockSize)") }
        if steps < 1 { throw ConfigError("steps must be at least 1, got \(steps)") }
        if !(learningRate > 0) || !learningRate.isFinite { throw ConfigError("learning rate must be a positive number, got \(learningRate)") }
        if !(temperature > 0) || !temperature.isFinite { throw ConfigError("temperature must be greater than 0, got \(temperature)") }
        if sampleCount < 0 { throw ConfigError("samples must not be negative, got \(sampleCount)") }
        // Limits far above anything a scalar engine trains in reasonable time, so that a typo
        // gives an error instead of a failed allocation or an overflowing node index.
        if embeddingSize > Config.largest.embeddingSize {
            throw ConfigError("n_embd must be at most \(Config.largest.embeddingSize), got \(embeddingSize)")
        }
        if layerCount > Config.largest.layerCount { throw ConfigError("n_layer must be at most \(Config.largest.layerCount), got \(layerCount)") }
        if blockSize > Config.largest.blockSize { throw ConfigError("block_size must be at most \(Config.largest.blockSize), got \(blockSize)") }
        if steps > Config.largest.steps { throw ConfigError("steps must be at most \(Config.largest.steps), got \(steps)") }
        if sampleCount > Config.largest.sampleCount {
            throw ConfigError("samples must be at most \(Config.largest.sampleCount), got \(sampleCount)")
        }
        let layerWeights = 12 * layerCount * embeddingSize * embeddingSize + blockSize * embeddingSize
        if layerWeights * blockSize > Config.largest.weightsTimesBlockSize {
            throw ConfigError("the model is too large to train here: \(layerWeights) weights read at each of \(blockSize) positions (at most \(Config.largest.weightsTimesBlockSize) in all)")
        }
        if !(initStd >= 0) { throw ConfigError("init std must not be negative, got \(initStd)") }
        return self
    }

    /// The largest settings `validated()` accepts.
    public static let largest = (embeddingSize: 1024, layerCount: 64, blockSize: 1024, steps: 10_000_000,
                                 sampleCount: 1_000_000, weightsTimesBlockSize: 100_000_000)

    public var description: String {
        "Config(seed: \(seed), n_embd: \(embeddingSize), n_head: \(headCount), n_layer: \(layerCount), block_size: \(blockSize), steps: \(steps), learning rate: \(learningRate), beta1: \(beta1), beta2: \(beta2), temperature: \(temperature))"
    }
}

/// A setting that cannot work, with a sentence saying why.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words a user of `book train` understands.
    public let description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
