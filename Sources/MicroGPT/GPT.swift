/// The shape of one weight matrix and where its numbers sit in the flat parameter list.
public struct MatrixShape: Sendable, Hashable, CustomStringConvertible {
    /// microgpt.py's name for it: `wte`, `wpe`, `lm_head`, `layer0.attn_wq`, ...
    public let name: String
    /// Output size (`nout`).
    public let rows: Int
    /// Input size (`nin`).
    public let columns: Int
    /// Index of its first number in `GPT.parameters` (row-major).
    public let offset: Int
    /// How many numbers it holds.
    public var count: Int { rows * columns }
    public var description: String { "\(name) \(rows)x\(columns) = \(count)" }
}

/// The weights of a microGPT: every parameter in microgpt.py's order, as one flat array.
public struct GPT: Sendable {
    /// The settings the model was built with.
    public let config: Config
    /// Its vocabulary.
    public let tokenizer: Tokenizer
    /// Every weight, matrices in `shapes` order, each row-major; the order microgpt.py's
    /// `params` list has and the order Adam updates them in.
    public var parameters: [Double]
    /// The matrices, in creation order: wte, wpe, lm_head, then per layer
    /// attn_wq, attn_wk, attn_wv, attn_wo, mlp_fc1, mlp_fc2.
    public let shapes: [MatrixShape]

    /// A model with the given weights; `parameters.count` must equal the layout's total.
    public init(config: Config, tokenizer: Tokenizer, parameters: [Double]) {
        self.config = config
        self.tokenizer = tokenizer
        self.shapes = GPT.layout(config: config, vocabularySize: tokenizer.vocabularySize)
        precondition(parameters.count == shapes.reduce(0) { $0 + $1.count }, "parameter count does not match the layout")
        self.parameters = parameters
    }

    /// The matrices microgpt.py creates for this configuration, in its order.
    public static func layout(config: Config, vocabularySize: Int) -> [MatrixShape] {
        let e = config.embeddingSize
        var sizes: [(String, Int, Int)] = [("wte", vocabularySize, e), ("wpe", config.blockSize, e), ("lm_head", vocabularySize, e)]
        for i in 0..<config.layerCount {
            sizes += [("layer\(i).attn_wq", e, e), ("layer\(i).attn_wk", e, e), ("layer\(i).attn_wv", e, e),
                      ("layer\(i).attn_wo", e, e), ("layer\(i).mlp_fc1", 4 * e, e), ("layer\(i).mlp_fc2", e, 4 * e)]
        }
        var offset = 0
        return sizes.map { name, rows, columns in
            defer { offset += rows * columns }
            return MatrixShape(name: name, rows: rows, columns: columns, offset: offset)
        }
    }

    /// How many numbers the model learns.
    public var parameterCount: Int { parameters.count }

    /// The shape named `name`, if the model has one.
    public func shape(_ name: String) -> MatrixShape? { shapes.first { $0.name == name } }

    /// The matrix named `name` as rows; empty when there is no such matrix.
    public func matrix(_ name: String) -> [[Double]] {
        guard let s = shape(name) else { return [] }
        return (0..<s.rows).map { r in Array(parameters[(s.offset + r * s.columns)..<(s.offset + (r + 1) * s.columns)]) }
    }
}

extension GPT {
    /// A fresh model: every weight drawn from `gauss(0, initStd)` in layout order, as microgpt.py does.
    public init(config: Config, tokenizer: Tokenizer, random: Random) {
        let total = GPT.layout(config: config, vocabularySize: tokenizer.vocabularySize).reduce(0) { $0 + $1.count }
        var parameters: [Double] = []
        parameters.reserveCapacity(total)
        for _ in 0..<total { parameters.append(random.gauss(0, config.initStd)) }
        self.init(config: config, tokenizer: tokenizer, parameters: parameters)
    }
}
