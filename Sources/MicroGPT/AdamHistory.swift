/// One number of the model, named by its matrix, row and column.
public struct WatchedParameter: Sendable, Hashable, CustomStringConvertible {
    /// The matrix, as microgpt.py names it (`wte`, `layer0.mlp_fc1`, ...).
    public let matrix: String
    /// The row, and how the reader knows it (a character for wte and lm_head, else the number).
    public let row: Int
    public let rowLabel: String
    public let column: Int
    /// Its index in the model's flat parameter list.
    public let index: Int
    public var description: String { "\(matrix)[\(rowLabel)][\(column)]" }
}

/// What Adam did to one parameter at every step of a run.
public struct AdamTrack: Sendable {
    public let parameter: WatchedParameter
    /// Its value before the first step.
    public let initial: Double
    /// Step `t`'s update is `updates[t - 1]`.
    public let updates: [AdamUpdate]
}

/// Follows a few parameters through training: after each step it reads the trainer's last update
/// of each (reading only: the run's arithmetic and random draws are untouched).
struct AdamRecorder {
    private(set) var tracks: [(parameter: WatchedParameter, initial: Double, updates: [AdamUpdate])]

    init(model: GPT, steps: Int) {
        tracks = AdamRecorder.watched(in: model).map { p in
            var updates: [AdamUpdate] = []
            updates.reserveCapacity(min(steps, 1 << 16))
            return (p, model.parameters[p.index], updates)
        }
    }

    mutating func record(_ trainer: Trainer) {
        for i in tracks.indices {
            if let update = try? trainer.lastUpdate(parameter: tracks[i].parameter.index) { tracks[i].updates.append(update) }
        }
    }

    var result: [AdamTrack] { tracks.map { AdamTrack(parameter: $0.parameter, initial: $0.initial, updates: $0.updates) } }

    /// A handful of parameters, one from each kind of matrix: the first number of wte's and lm_head's
    /// rows for "a" (or the first row), of wpe's first row, and of the first layer's attn_wq,
    /// mlp_fc1 and mlp_fc2.
    static func watched(in model: GPT) -> [WatchedParameter] {
        let letter = model.tokenizer.characters.firstIndex(of: "a") ?? 0
        let picks: [(String, Int)] = [("wte", letter), ("wpe", 0), ("layer0.attn_wq", 0), ("layer0.mlp_fc1", 0),
                                      ("layer0.mlp_fc2", 0), ("lm_head", letter)]
        return picks.compactMap { name, row in
            guard let shape = model.shape(name), row < shape.rows, shape.columns > 0 else { return nil }
            let label = name == "wte" || name == "lm_head" ? model.tokenizer.symbol(row) : String(row)
            return WatchedParameter(matrix: name, row: row, rowLabel: label, column: 0, index: shape.offset + row * shape.columns)
        }
    }
}
