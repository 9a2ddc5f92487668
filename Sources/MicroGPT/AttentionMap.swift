/// The attention weights of one head over a text: row i holds how much the query at position i
/// looks at each key 0...i. There is no mask: position i only ever sees the i + 1 keys in the KV cache.
public struct AttentionMap: Sendable, Hashable, CustomStringConvertible {
    /// The layer, from 0.
    public let layer: Int
    /// The head, from 0.
    public let head: Int
    /// The token at each query position (the model's input: `⟨BOS⟩`, then the text).
    public let queries: [String]
    /// The token at each key position (the same tokens).
    public let keys: [String]
    /// `weights[i][j]`: how much position i attends to position j (j <= i); each row sums to 1.
    public let weights: [[Double]]

    public var description: String {
        let width = max(queries.map(\.count).max() ?? 1, 5)
        func cell(_ s: String) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var lines = ["layer \(layer) head \(head)", cell("") + " " + keys.map(cell).joined(separator: " ")]
        for (i, row) in weights.enumerated() {
            lines.append(cell(queries[i]) + " " + row.map { cell(fixed($0, 2)) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
