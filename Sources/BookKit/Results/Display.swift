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
}

/// One head's attention weights: query characters on rows, key characters on columns.
public struct AttentionMapDisplay: Codable, Sendable, Hashable {
    public var layer: Int
    public var head: Int
    public var queries: [String]
    public var keys: [String]
    /// Row i holds the weights of query i over keys 0...i.
    public var weights: [[Double]]
    public init(layer: Int, head: Int, queries: [String], keys: [String], weights: [[Double]]) {
        self.layer = layer
        self.head = head
        self.queries = queries
        self.keys = keys
        self.weights = weights
    }
}

/// One value of an autograd graph.
public struct GraphNodeDisplay: Codable, Sendable, Hashable {
    /// Unique within the graph; `inputs` refer to it.
    public var id: Int
    public var label: String
    /// "+", "*", "pow", "log", "exp", "relu"; empty for a leaf.
    public var operation: String
    public var data: Double
    public var grad: Double
    /// Ids of the values this one was computed from.
    public var inputs: [Int]
    /// d(this)/d(input) for each input, same order.
    public var localGradients: [Double]
    public init(id: Int, label: String, operation: String, data: Double, grad: Double, inputs: [Int], localGradients: [Double]) {
        self.id = id
        self.label = label
        self.operation = operation
        self.data = data
        self.grad = grad
        self.inputs = inputs
        self.localGradients = localGradients
    }
}

/// One position of a forward pass.
public struct TracePositionDisplay: Codable, Sendable, Hashable {
    public var position: Int
    public var symbol: String
    public var targetSymbol: String
    /// The probability the model gave the target.
    public var targetProbability: Double
    public var loss: Double
    public init(position: Int, symbol: String, targetSymbol: String, targetProbability: Double, loss: Double) {
        self.position = position
        self.symbol = symbol
        self.targetSymbol = targetSymbol
        self.targetProbability = targetProbability
        self.loss = loss
    }
}

/// A slider: what it sets, its positions, and the result at each position.
public struct VariantsDisplay: Codable, Sendable, Hashable {
    /// One position's result: its display and its plain text.
    public struct Variant: Codable, Sendable, Hashable {
        public var display: Display
        public var text: String
        public init(display: Display, text: String) {
            self.display = display
            self.text = text
        }
    }
    public var label: String
    public var values: [Double]
    public var results: [Variant]
    public var defaultIndex: Int
    public init(label: String, values: [Double], results: [Variant], defaultIndex: Int) {
        self.label = label
        self.values = values
        self.results = results
        self.defaultIndex = defaultIndex
    }
}
