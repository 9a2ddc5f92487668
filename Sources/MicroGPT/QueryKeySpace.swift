/// One attention head's queries and keys for a text, as arrows in 3D: the head compares a query
/// with each key by their dot product, so a key that points the way the query points gets a high
/// score. The head's vectors have `headSize` numbers; the three axes that keep the most of their
/// length (principal axes about the origin, since dot products are measured from there) carry them.
public struct QueryKeySpace: Sendable, CustomStringConvertible {
    /// What the head read: BOS, then the text's characters.
    public let symbols: [String]
    public let layer: Int, head: Int
    /// Each position's query and key, the head's own part of q and k.
    public let queries: [[Double]], keys: [[Double]]
    /// Per query position, its scaled score (q·k / √head size) and its weight for keys 0...position.
    public let scores: [[Double]], weights: [[Double]]
    /// The axes, fitted on queries and keys together about the origin.
    public let basis: PrincipalAxes
    /// Queries and keys in the axes' coordinates.
    public let queryPoints: [[Double]], keyPoints: [[Double]]

    /// The head `head` of layer `layer` of `model` reading BOS + `text`.
    public init(model: GPT, text: String, layer: Int = 0, head: Int) throws {
        guard layer >= 0, layer < model.config.layerCount else {
            throw InferenceError("there is no layer \(layer): the model has \(model.config.layerCount) (0 to \(model.config.layerCount - 1))")
        }
        guard head >= 0, head < model.config.headCount else {
            throw InferenceError("there is no head \(head): the model has \(model.config.headCount) (0 to \(model.config.headCount - 1))")
        }
        let tokens = try model.tokenizer.encode(text)
        guard tokens.count + 1 <= model.config.blockSize else {
            throw InferenceError("the text is too long: BOS and the text take \(tokens.count + 1) positions, the model sees at most \(model.config.blockSize)")
        }
        let trace = try model.forward(text)
        let size = model.config.headSize, start = head * size
        let positions = trace.positions
        (self.layer, self.head) = (layer, head)
        symbols = positions.map(\.symbol)
        queries = positions.map { Array($0.layers[layer].query[start..<(start + size)]) }
        keys = positions.map { Array($0.layers[layer].key[start..<(start + size)]) }
        scores = positions.map { $0.layers[layer].heads[head].scores }
        weights = positions.map { $0.layers[layer].heads[head].weights }
        let basis = PrincipalAxes(fitting: queries + keys, count: 3, centered: false)
        self.basis = basis
        queryPoints = queries.map(basis.project)
        keyPoints = keys.map(basis.project)
    }

    /// The share of the vectors' squared length the three axes keep.
    public var kept: Double { basis.shares.reduce(0, +) }

    /// The key position each query weighs most.
    public var strongest: [Int] {
        weights.map { row in row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) } ?? 0 }
    }

    public var description: String {
        let pairs = symbols.indices.map { "\(symbols[$0])→\(symbols[strongest[$0]])" }
        return """
        layer \(layer), head \(head): \(symbols.count) queries and keys of \(queries.first?.count ?? 0) numbers; \
        3 axes keep \(rounded(100 * kept, places: 1))% of their squared length
        strongest key per query: \(pairs.joined(separator: " "))
        """
    }
}
