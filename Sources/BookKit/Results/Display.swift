/// What a step's value shows, in no format yet: the only thing renderers see of a result.
/// Engine bindings make these from their values; plain Swift values get theirs from the
/// interpreter. Every case is data, so a result can be cached, compared and sent anywhere.
public indirect enum Display: Codable, Sendable, Hashable {
    /// A value whose only form is its text (a Bool, a settings struct, ...).
    case text
    case number(Double)
    case integer(Int)
    case string(String)
    /// Numbers by index, e.g. an embedding.
    case vector([Double])
    /// Whole numbers by index, e.g. token ids.
    case integers([Int])
    case matrix([[Double]])
    /// A list of strings, e.g. sampled names.
    case strings([String])
    /// A probability for each label (a next-character distribution).
    case distribution(labels: [String], probabilities: [Double])
    /// Attention weights, one map per head.
    case attention([AttentionMapDisplay])
    /// A noisy series (a loss curve) with its smoothed trend.
    case series(values: [Double], smoothed: [Double])
    /// An autograd graph with data, gradients and local gradients.
    case graph([GraphNodeDisplay])
    /// A forward pass over a text: what each position saw, its target and its loss.
    case trace(loss: Double, positions: [TracePositionDisplay])
    /// A result for each position of a slider.
    case variants(VariantsDisplay)
    /// Every number of one layer's attention over a few texts (the attention lab widget).
    case attentionLab(AttentionLabDisplay)
    /// A training run step by step (the training scrubber widget).
    case trainingTimeline(TrainingTimelineDisplay)
    /// An autograd graph replayed step by step: data in the tape's order, then the backward sweep.
    case graphSweep(GraphSweepDisplay)
    /// The model's forward pass as a map of stations, with the vector at each for a few texts.
    case blockMap(BlockMapDisplay)
    /// A 3D view the reader can turn, with a flat drawing and a table as its fallback.
    case scene3D(Scene3DDisplay)
}

/// One head's attention weights: query characters on rows, key characters on columns; row i holds
/// the weights of query i over keys 0...i.
public struct AttentionMapDisplay: Codable, Sendable, Hashable {
    public var layer, head: Int
    public var queries, keys: [String]
    public var weights: [[Double]]
    public init(layer: Int, head: Int, queries: [String], keys: [String], weights: [[Double]]) {
        (self.layer, self.head, self.queries, self.keys, self.weights) = (layer, head, queries, keys, weights)
    }
}

/// One value of an autograd graph: its `id` (unique in the graph, what `inputs` refer to), label,
/// operation ("+", "*", "pow -1.0" with its exponent, "log", "exp", "relu"; empty for a leaf), data and gradient, and
/// d(this)/d(input) for each input.
public struct GraphNodeDisplay: Codable, Sendable, Hashable {
    public var id: Int
    public var label, operation: String
    public var data, grad: Double
    public var inputs: [Int]
    public var localGradients: [Double]
    public init(id: Int, label: String, operation: String, data: Double, grad: Double, inputs: [Int], localGradients: [Double]) {
        (self.id, self.label, self.operation, self.data, self.grad) = (id, label, operation, data, grad)
        (self.inputs, self.localGradients) = (inputs, localGradients)
    }
}

/// One position of a forward pass: what it saw, its target, the probability the model gave the
/// target, and the loss there.
public struct TracePositionDisplay: Codable, Sendable, Hashable {
    public var position: Int
    public var symbol, targetSymbol: String
    public var targetProbability, loss: Double
    public init(position: Int, symbol: String, targetSymbol: String, targetProbability: Double, loss: Double) {
        (self.position, self.symbol, self.targetSymbol, self.targetProbability, self.loss) = (position, symbol, targetSymbol, targetProbability, loss)
    }
}

/// A slider: what it sets, its positions, the result at each position (its display and its plain
/// text) and the position shown first.
public struct VariantsDisplay: Codable, Sendable, Hashable {
    public struct Variant: Codable, Sendable, Hashable {
        public var display: Display
        public var text: String
        public init(display: Display, text: String) { (self.display, self.text) = (display, text) }
    }
    public var label: String
    public var values: [Double]
    public var results: [Variant]
    public var defaultIndex: Int
    public init(label: String, values: [Double], results: [Variant], defaultIndex: Int) {
        (self.label, self.values, self.results, self.defaultIndex) = (label, values, results, defaultIndex)
    }
}
