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
    private let shapes: [MatrixShape]
    private let graph: Graph
    private let parameterCount: Int
    private var m: [Double]
    private var v: [Double]
    /// Per position, the topological order of its forward pass given the earlier positions.
    private var forwardWalks: [[Int32]] = []
    /// Per (position, target), the topological order of that position's loss given the earlier positions.
    private var lossWalks: [Int: [Int32]] = [:]
    private var lastGrads: [Double] = []
    private var lastBefore: [Double] = []

    /// A trainer starting from `model`, walking through `documents` in order.
    public init(model: GPT, documents: [String]) {
        config = model.config
        tokenizer = model.tokenizer
        shapes = model.shapes
        self.documents = documents
        graph = Graph(parameters: model.parameters)
        parameterCount = model.parameterCount
        m = Array(repeating: 0, count: parameterCount)
        v = Array(repeating: 0, count: parameterCount)
    }

    /// A fresh run's trainer: seeds the generator, shuffles the documents and draws the
    /// initial weights, in microgpt.py's order. `random` is left ready for sampling.
    public convenience init(config: Config, dataset: Dataset, random: Random? = nil) throws(ConfigError) {
        let config = try config.validated()
        let rng = random ?? Random(seed: config.seed)
        var documents = dataset.documents
        rng.shuffle(&documents)
        if documents.isEmpty { throw ConfigError("the data set has no documents") }
        let tokenizer = Tokenizer(documents: documents)
        let weights = GPT.layout(config: config, vocabularySize: tokenizer.vocabularySize).reduce(0) { $0 + $1.count }
        if weights * config.blockSize > Config.largest.weightsTimesBlockSize {
            throw ConfigError("the model is too large to train here: \(weights) weights (\(tokenizer.vocabularySize) tokens) read at each of \(config.blockSize) positions (at most \(Config.largest.weightsTimesBlockSize) in all)")
        }
        let model = GPT(config: config, tokenizer: tokenizer, random: rng)
        self.init(model: model, documents: documents)
    }

    /// The model as it is now.
    public var model: GPT {
        GPT(config: config, tokenizer: tokenizer, parameters: (0..<parameterCount).map { graph.data(Int32($0)) })
    }

    /// Trains on the next document and returns its loss (the mean of -log p over its positions).
    @discardableResult
    public func step() -> Double {
        let document = documents[steps % documents.count]
        // Every document of the run came through the tokenizer's own vocabulary.
        let tokens = (try? tokenizer.tokens(for: document)) ?? [tokenizer.bos, tokenizer.bos]
        let n = min(config.blockSize, tokens.count - 1)
        graph.truncate(to: parameterCount)
        var forward = Forward(model: GPTShape(config: config, shapes: shapes), graph: graph)
        var losses: [Int32] = []
        losses.reserveCapacity(n)
        // The graph's topological order, as microgpt.py's backward() builds it, is
        //   walk(loss₀), sum₀, walk(loss₁), sum₁, ..., sumₙ₋₁, loss
        // where walk(lossᵢ) depends only on the position and its target token (which parameter
        // leaves a document reads never changes the order of the rest). Each is found once.
        var walks: [[Int32]] = []
        for position in 0..<n {
            let start = graph.count
            let logits = forward(token: tokens[position], position: position)
            let output = forward.output
            let probabilities = forward.softmax(logits)
            let target = tokens[position + 1]
            let loss = graph.multiply(graph.log(probabilities[target]), constant: -1)
            losses.append(loss)
            let key = position * tokenizer.vocabularySize + target
            if let walk = lossWalks[key] {
                walks.append(walk)
                continue
            }
            if forwardWalks.count == position {
                forwardWalks.append(graph.topologicalOrder(from: output, visitedBelow: start, firstListed: start))
            }
            let walk = graph.topologicalOrder(from: [loss], visitedBelow: start, firstListed: start,
                                              blocks: [(output[0], output, forwardWalks[position])])
            lossWalks[key] = walk
            walks.append(walk)
        }
        let total = graph.sum(losses)
        let loss = graph.multiply(total, constant: 1 / Double(n))
        // Backward, in that order reversed: loss, sumₙ₋₁, walk(lossₙ₋₁), ..., sum₀, walk(loss₀).
        graph.setGradient(of: loss, 1)
        graph.propagate([loss])
        for position in stride(from: n - 1, through: 0, by: -1) {
            graph.propagate([total - Int32(n - 1 - position)])
            graph.propagate(walks[position])
        }
        update()
        steps += 1
        return graph.data(loss)
    }

    /// Adam, exactly as microgpt.py writes it.
    private func update() {
        let t = Double(steps)
        let learningRate = config.learningRate * (1 - t / Double(config.steps))
        let b1 = config.beta1, b2 = config.beta2
        let correction1 = 1 - graph.libmPow(b1, t + 1), correction2 = 1 - graph.libmPow(b2, t + 1)
        let data = graph.data, grads = graph.grads
        lastGrads = Array(UnsafeBufferPointer(start: grads, count: parameterCount))
        lastBefore = Array(UnsafeBufferPointer(start: data, count: parameterCount))
        let epsilon = config.epsilon
        let pow = graph.libmPow
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                for i in 0..<parameterCount {
                    let g = grads[i]
                    m[i] = b1 * m[i] + (1 - b1) * g
                    v[i] = b2 * v[i] + (1 - b2) * ExactPow.square(g, libm: pow)
                    let mHat = m[i] / correction1
                    let vHat = v[i] / correction2
                    data[i] -= learningRate * mHat / (ExactPow.squareRoot(vHat, libm: pow) + epsilon)
                    grads[i] = 0
                }
            }
        }
    }

    /// What Adam did to parameter `index` in the last step.
    public func lastUpdate(parameter index: Int) throws(ConfigError) -> AdamUpdate {
        guard steps > 0 else { throw ConfigError("no step has been taken yet: call step() first") }
        guard index >= 0, index < parameterCount else {
            throw ConfigError("there is no parameter \(index): the model has \(parameterCount) (0 to \(parameterCount - 1))")
        }
        let t = Double(steps - 1)
        let mHat = m[index] / (1 - graph.libmPow(config.beta1, t + 1))
        let vHat = v[index] / (1 - graph.libmPow(config.beta2, t + 1))
        return AdamUpdate(parameter: index, step: steps, grad: lastGrads[index], m: m[index], v: v[index],
                          mHat: mHat, vHat: vHat, learningRate: config.learningRate * (1 - t / Double(config.steps)),
                          before: lastBefore[index], after: graph.data(Int32(index)))
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

/// What `Forward` needs of a model: its settings and matrix layout.
struct GPTShape {
    let config: Config
    let shapes: [MatrixShape]
}

extension Forward {
    init(model: GPTShape, graph: Graph, recording: Bool = false) {
        self.init(config: model.config, shapes: model.shapes, graph: graph, recording: recording)
    }
}
