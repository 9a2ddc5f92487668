import Foundation

/// microgpt.py's training loop, one step at a time: forward over one document, loss,
/// backward, then an Adam update of every parameter with a linearly decaying learning rate.
public final class Trainer: @unchecked Sendable {
    /// The settings of the run.
    public let config: Config
    /// The documents in training order (shuffled by the run's generator).
    public let documents: [String]
    /// The vocabulary.
    public let tokenizer: Tokenizer
    /// Steps taken so far.
    public private(set) var steps = 0
    private let network: Network
    private let parameterCount: Int
    /// Adam's running means, the gradients being added up, and the last step's gradients and
    /// weights before its update (for `lastUpdate`). Allocated once: a step allocates nothing.
    private let m: UnsafeMutablePointer<Double>, v: UnsafeMutablePointer<Double>
    private var grads: UnsafeMutablePointer<Double>, lastGrads: UnsafeMutablePointer<Double>
    private let lastBefore: UnsafeMutablePointer<Double>
    private var tokens: [Int] = []

    /// A trainer starting from `model`, walking through `documents` in order.
    public init(model: GPT, documents: [String]) {
        config = model.config
        tokenizer = model.tokenizer
        self.documents = documents
        network = Network(config: model.config, vocabularySize: model.tokenizer.vocabularySize, parameters: model.parameters)
        parameterCount = model.parameterCount
        func zeros() -> UnsafeMutablePointer<Double> {
            let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(model.parameterCount, 1))
            buffer.initialize(repeating: 0, count: max(model.parameterCount, 1))
            return buffer
        }
        (m, v, grads, lastGrads, lastBefore) = (zeros(), zeros(), zeros(), zeros(), zeros())
        tokens.reserveCapacity(config.blockSize + 2)
    }

    deinit {
        for buffer in [m, v, grads, lastGrads, lastBefore] { buffer.deallocate() }
    }

    /// A fresh run's trainer: seeds the generator, shuffles the documents and draws the
    /// initial weights, in microgpt.py's order. `random` is left ready for sampling.
    public convenience init(config: Config, dataset: Dataset, random: Random? = nil) throws(ConfigError) {
        let config = try config.validated()
        let rng = random ?? Random(seed: config.seed)
        var documents = dataset.documents
        rng.shuffle(&documents)
        if documents.isEmpty { throw ConfigError("the data set has no documents") }
        // The shuffle keeps the same characters: the data set's vocabulary is this one.
        let tokenizer = dataset.tokenizer
        let weights = GPT.layout(config: config, vocabularySize: tokenizer.vocabularySize).reduce(0) { $0 + $1.count }
        if weights * config.blockSize > Config.largest.weightsTimesBlockSize {
            throw ConfigError("the model is too large to train here: \(weights) weights (\(tokenizer.vocabularySize) tokens) read at each of \(config.blockSize) positions (at most \(Config.largest.weightsTimesBlockSize) in all)")
        }
        let model = GPT(config: config, tokenizer: tokenizer, random: rng)
        self.init(model: model, documents: documents)
    }

    /// The model as it is now.
    public var model: GPT {
        GPT(config: config, tokenizer: tokenizer, parameters: network.parameters)
    }

    /// Trains on the next document and returns its loss (the mean of -log p over its positions).
    @discardableResult
    public func step() -> Double {
        let document = documents[steps % documents.count]
        // Every document of the run came through the tokenizer's own vocabulary.
        if !tokenizer.tokens(for: document, into: &tokens) { tokens = [tokenizer.bos, tokenizer.bos] }
        let n = min(config.blockSize, tokens.count - 1)
        let loss = network.loss(tokens: tokens, count: n)
        network.backward(tokens: tokens, count: n, into: grads)
        update()
        steps += 1
        return loss
    }

    /// Adam, exactly as microgpt.py writes it; the gradients start again from 0.
    private func update() {
        let t = Double(steps)
        let adam = Adam(learningRate: config.learningRate * (1 - t / Double(config.steps)), beta1: config.beta1,
                        beta2: config.beta2, epsilon: config.epsilon,
                        correction1: 1 - libmPow(config.beta1, t + 1), correction2: 1 - libmPow(config.beta2, t + 1))
        let data = network.weights, grads = self.grads, m = self.m, v = self.v, before = lastBefore
        // Each parameter's update is independent of the others': two at a time (one SSE2 register).
        // A pair whose last bit the fast path cannot be sure of is done by microgpt.py's lines.
        var i = 0
        while i + 2 <= parameterCount {
            if !adam.update(i, data, grads, m, v, before) {
                adam.updateAsPython(i, data, grads, m, v, before)
                adam.updateAsPython(i + 1, data, grads, m, v, before)
            }
            i += 2
        }
        if i < parameterCount { adam.updateAsPython(i, data, grads, m, v, before) }
        // This step's gradients are kept for `lastUpdate`; the last step's buffer, zeroed, takes the next.
        swap(&self.grads, &lastGrads)
        self.grads.update(repeating: 0, count: parameterCount)
        network.weightsChanged()
    }

    /// What Adam did to parameter `index` in the last step.
    public func lastUpdate(parameter index: Int) throws(ConfigError) -> AdamUpdate {
        guard steps > 0 else { throw ConfigError("no step has been taken yet: call step() first") }
        guard index >= 0, index < parameterCount else {
            throw ConfigError("there is no parameter \(index): the model has \(parameterCount) (0 to \(parameterCount - 1))")
        }
        let t = Double(steps - 1)
        let mHat = m[index] / (1 - libmPow(config.beta1, t + 1))
        let vHat = v[index] / (1 - libmPow(config.beta2, t + 1))
        return AdamUpdate(parameter: index, step: steps, grad: lastGrads[index], m: m[index], v: v[index],
                          mHat: mHat, vHat: vHat, learningRate: config.learningRate * (1 - t / Double(config.steps)),
                          before: lastBefore[index], after: network.weights[index])
    }
}

/// One Adam update of one parameter, every intermediate number of it.
public struct AdamUpdate: Sendable, Hashable, CustomStringConvertible {
    /// Index of the parameter in the model's flat list.
    public let parameter: Int
    /// The step (1-based) this update belongs to.
    public let step: Int
    /// The gradient of the loss with respect to the parameter.
    public let grad: Double
    /// Running mean of gradients.
    public let m: Double
    /// Running mean of squared gradients.
    public let v: Double
    /// `m` corrected for its start at zero.
    public let mHat: Double
    /// `v` corrected for its start at zero.
    public let vHat: Double
    /// The decayed learning rate of this step (`lr_t`).
    public let learningRate: Double
    /// The parameter before the update.
    public let before: Double
    /// The parameter after the update.
    public let after: Double
    /// How much the parameter moved.
    public var change: Double { after - before }

    public var description: String {
        """
        parameter \(parameter), step \(step)
        grad   \(grad)
        m      \(m)
        v      \(v)
        m_hat  \(mHat)
        v_hat  \(vHat)
        lr_t   \(learningRate)
        before \(before)
        after  \(after)
        change \(change)
        """
    }
}
