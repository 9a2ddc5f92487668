/// The stations of a model's forward pass with the vector at each, for a few texts at every
/// position: `texts[t].values[p][s]` is station `s` at position `p` of text `t`.
public struct BlockMapDisplay: Codable, Sendable, Hashable {
    /// One place in the forward pass. `group` is `embedding`, `attention`, `mlp` or `output`
    /// (`layer` says which block for the two middle ones); `shape` is how its numbers are made
    /// (e.g. `64×16 · 16 → 64`); `rows` splits a station's numbers into that many rows (the
    /// heads' attention weights), 1 for a plain vector; `perToken` says its numbers go one per
    /// entry of `symbols`; `link` is where the book explains it.
    public struct Station: Codable, Sendable, Hashable {
        public var key, title, shape, group: String
        public var layer, rows: Int
        public var perToken: Bool
        public var link: String
        public init(key: String, title: String, shape: String, group: String, layer: Int, rows: Int, perToken: Bool, link: String) {
            (self.key, self.title, self.shape, self.group, self.layer, self.rows) = (key, title, shape, group, layer, rows)
            (self.perToken, self.link) = (perToken, link)
        }
    }
    /// One text: the symbol each position reads and the one it should predict, and its vectors.
    public struct Text: Codable, Sendable, Hashable {
        public var name: String
        public var inputs, targets: [String]
        public var values: [[[Double]]]
        public init(name: String, inputs: [String], targets: [String], values: [[[Double]]]) {
            (self.name, self.inputs, self.targets, self.values) = (name, inputs, targets, values)
        }
    }
    public var stations: [Station]
    public var texts: [Text]
    /// The vocabulary's symbols by token id.
    public var symbols: [String]
    /// What shows first, and without scripts.
    public var defaultText, defaultPosition: Int
    public init(stations: [Station], texts: [Text], symbols: [String], defaultText: Int, defaultPosition: Int) {
        (self.stations, self.texts, self.symbols, self.defaultText, self.defaultPosition) = (stations, texts, symbols, defaultText, defaultPosition)
    }
}
