/// The attention lab's numbers: for each text and head, the head's slice of q, k and v at every
/// position, and for every query position `i` its dot products with keys `0...i`, the scores
/// (dot / `root`), the softmax weights and the weighted sum of the values.
public struct AttentionLabDisplay: Codable, Sendable, Hashable {
    public struct Head: Codable, Sendable, Hashable {
        public var queries, keys, values, dots, scores, weights, outputs: [[Double]]
        public init(queries: [[Double]], keys: [[Double]], values: [[Double]], dots: [[Double]], scores: [[Double]],
                    weights: [[Double]], outputs: [[Double]]) {
            (self.queries, self.keys, self.values, self.dots) = (queries, keys, values, dots)
            (self.scores, self.weights, self.outputs) = (scores, weights, outputs)
        }
    }
    public struct Text: Codable, Sendable, Hashable {
        public var text: String
        public var inDataset: Bool
        /// The input symbol at each position (BOS first).
        public var symbols: [String]
        public var heads: [Head]
        public init(text: String, inDataset: Bool, symbols: [String], heads: [Head]) {
            (self.text, self.inDataset, self.symbols, self.heads) = (text, inDataset, symbols, heads)
        }
    }
    public var layer, headSize: Int
    /// √(head size), what the dot products are divided by.
    public var root: Double
    /// The first text is the one shown without scripts.
    public var texts: [Text]
    public init(layer: Int, headSize: Int, root: Double, texts: [Text]) {
        (self.layer, self.headSize, self.root, self.texts) = (layer, headSize, root, texts)
    }
}

/// A training run for the scrubber: step `t` (from 1) is index `t - 1` of every per-step list.
public struct TrainingTimelineDisplay: Codable, Sendable, Hashable {
    /// One parameter's Adam numbers at every step.
    public struct Track: Codable, Sendable, Hashable {
        public var name: String
        public var initial: Double
        public var grads, m, v, mHat, vHat, after, change: [Double]
        public init(name: String, initial: Double, grads: [Double], m: [Double], v: [Double], mHat: [Double], vHat: [Double],
                    after: [Double], change: [Double]) {
            (self.name, self.initial, self.grads, self.m, self.v) = (name, initial, grads, m, v)
            (self.mHat, self.vHat, self.after, self.change) = (mHat, vHat, after, change)
        }
    }
    /// The model after `step` steps.
    public struct Checkpoint: Codable, Sendable, Hashable {
        public var step: Int
        public var heldOutLoss: Double
        public var samples: [String]
        /// The next character after the prefix: the most likely ones, then the rest.
        public var nextSymbols: [String]
        public var nextProbabilities: [Double]
        public init(step: Int, heldOutLoss: Double, samples: [String], nextSymbols: [String], nextProbabilities: [Double]) {
            (self.step, self.heldOutLoss, self.samples) = (step, heldOutLoss, samples)
            (self.nextSymbols, self.nextProbabilities) = (nextSymbols, nextProbabilities)
        }
    }
    public var losses, learningRates: [Double]
    public var tracks: [Track]
    public var prefix: String
    public var heldOutCount: Int
    public var checkpoints: [Checkpoint]
    public init(losses: [Double], learningRates: [Double], tracks: [Track], prefix: String, heldOutCount: Int, checkpoints: [Checkpoint]) {
        (self.losses, self.learningRates, self.tracks, self.prefix) = (losses, learningRates, tracks, prefix)
        (self.heldOutCount, self.checkpoints) = (heldOutCount, checkpoints)
    }
}
