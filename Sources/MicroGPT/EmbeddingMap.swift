/// The token embeddings (the rows of wte) at checkpoints of a run, projected to 3D on one basis:
/// the three principal axes of the trained model's embeddings. One fixed basis means a letter
/// that moves on the map moved in the model; axes fitted anew at each checkpoint would turn and
/// flip from one checkpoint to the next and show motion that is only the frame's.
public struct EmbeddingMap: Sendable, CustomStringConvertible {
    /// The checkpoints, in steps.
    public let steps: [Int]
    /// Each token's symbol, in token order (BOS last, as ⟨BOS⟩).
    public let symbols: [String]
    /// The principal axes of the final embeddings (each checkpoint is centred on its own mean).
    public let basis: PrincipalAxes
    /// Per checkpoint, per token, its three coordinates.
    public let coordinates: [[[Double]]]
    /// Per checkpoint, the share of that checkpoint's embedding variance along each axis.
    public let shares: [[Double]]

    /// The map of `run` at its kept checkpoints (`run.checkpoints`), which cost no training.
    public init(run: TrainingRun) {
        let steps = run.checkpoints
        self.steps = steps
        symbols = (0..<run.tokenizer.vocabularySize).map(run.tokenizer.symbol)
        let basis = PrincipalAxes(fitting: run.model.matrix("wte"), count: 3)
        self.basis = basis
        var coordinates: [[[Double]]] = [], shares: [[Double]] = []
        for step in steps {
            let rows = run.model(atStep: step).matrix("wte")
            let own = PrincipalAxes(fitting: rows, count: 0)
            let centred = EmbeddingMap.centred(rows, on: own.mean)
            let points = centred.map { row in basis.axes.map { dot(row, $0) } }
            coordinates.append(points)
            shares.append((0..<basis.axes.count).map { axis in
                own.totalVariance > 0 ? points.reduce(0) { $0 + $1[axis] * $1[axis] } / Double(points.count) / own.totalVariance : 0
            })
        }
        self.coordinates = coordinates
        self.shares = shares
    }

    private static func centred(_ rows: [[Double]], on mean: [Double]) -> [[Double]] {
        rows.map { row in (0..<row.count).map { row[$0] - mean[$0] } }
    }

    /// The share of the trained embeddings' variance each axis explains (the axes' own PCA shares).
    public var finalShares: [Double] { basis.shares }

    /// The share of variance the three axes explain together at each checkpoint.
    public var explained: [Double] { shares.map { $0.reduce(0, +) } }

    public var description: String {
        let percent = { (x: Double) in "\(rounded(100 * x, places: 1))%" }
        var lines = ["\(symbols.count) token embeddings at \(steps.count) checkpoints, on the trained model's 3 principal axes"]
        for (i, step) in steps.enumerated() where i == 0 || i == steps.count - 1 || i == steps.count / 2 {
            lines.append("step \(step): " + shares[i].map(percent).joined(separator: " + ") + " = \(percent(explained[i]))")
        }
        return lines.joined(separator: "\n")
    }
}
