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
    /// Per position, the topological order of its forward pass given the earlier positions: it
    /// depends only on the position (which parameter leaves a document reads never changes it).
    private var positionOrders: [[Int32]] = []
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
        let model = GPT(config: config, tokenizer: Tokenizer(documents: documents), random: rng)
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
        var blocks: [(head: Int32, marks: [Int32], order: [Int32])] = []
        for position in 0..<n {
            let start = graph.count
            let logits = forward(token: tokens[position], position: position)
            // The walk of this position's forward pass is the same for every document: found once.
            if positionOrders.count == position {
                positionOrders.append(graph.topologicalOrder(from: forward.output, visitedBelow: start, firstListed: start))
            }
            // Later nodes reach this position's forward pass only through its output (lm_head's input).
            blocks.append((forward.output[0], forward.output, positionOrders[position]))
            let probabilities = forward.softmax(logits)
            losses.append(graph.multiply(graph.log(probabilities[tokens[position + 1]]), constant: -1))
        }
        let loss = graph.multiply(graph.sum(losses), constant: 1 / Double(n))
        let order = graph.topologicalOrder(from: [loss], visitedBelow: parameterCount, firstListed: parameterCount, blocks: blocks)
        graph.propagate(from: loss, order: order)
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
