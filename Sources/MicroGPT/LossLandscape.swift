import Dispatch

/// The loss over a plane through the trained weights, after Li et al. (2018), "Visualizing the
/// Loss Landscape of Neural Nets": the plane's two directions are the first two principal
/// directions of the training path (the checkpoints minus the final weights), the loss is the
/// mean loss of a fixed batch of documents, and the path itself is projected onto the plane.
public struct LossLandscape: Sendable, CustomStringConvertible {
    /// The checkpoints of the path, in steps (the run's kept checkpoints).
    public let steps: [Int]
    /// The batch every loss is measured on.
    public let documents: [String]
    /// The share of the path's variance each direction explains.
    public let directionShares: [Double]
    /// The grid's coordinates along the first and the second direction (0 is the trained model).
    public let alphas: [Double], betas: [Double]
    /// The batch's loss at each grid point: `losses[j][i]` at (`alphas[i]`, `betas[j]`).
    public let losses: [[Double]]
    /// Each checkpoint projected onto the plane.
    public let pathAlphas: [Double], pathBetas: [Double]
    /// The batch's loss at each projected checkpoint (on the plane, where the path is drawn).
    public let pathPlaneLosses: [Double]
    /// The batch's loss of each checkpoint's own weights (off the plane by what the plane misses).
    public let pathLosses: [Double]

    /// The landscape of `run` over a `grid` × `grid` grid that covers the projected path
    /// with a margin, measured on the last `batch` documents of the run's shuffled list (names a
    /// run shorter than the list never trains on). Two threads share the grid.
    public init(run: TrainingRun, batch: Int, grid gridSize: Int) throws(TokenizerError) {
        let steps = run.checkpoints
        self.steps = steps
        let documents = Array(run.documents.suffix(max(batch, 1)))
        self.documents = documents
        let final = run.model.parameters
        let differences = steps.map { step in zip(run.model(atStep: step).parameters, final).map { $0 - $1 } }
        let plane = PrincipalAxes(fitting: differences, count: 2)
        directionShares = plane.shares
        // Coordinates about the trained weights (PCA centred the differences; the plane keeps its
        // directions but passes through the final model, as the path ends there).
        func along(_ d: [Double], _ axis: Int) -> Double { plane.axes.indices.contains(axis) ? dot(d, plane.axes[axis]) : 0 }
        pathAlphas = differences.map { along($0, 0) }
        pathBetas = differences.map { along($0, 1) }
        let n = max(gridSize, 2)
        alphas = LossLandscape.span(pathAlphas, count: n)
        betas = LossLandscape.span(pathBetas, count: n)

        let batch = try LossBatch(model: run.model, documents: documents)
        let zero = [Double](repeating: 0, count: final.count)
        let first = plane.axes.first ?? zero, second = plane.axes.count > 1 ? plane.axes[1] : zero
        func point(_ a: Double, _ b: Double) -> [Double] { (0..<final.count).map { final[$0] + a * first[$0] + b * second[$0] } }
        var grid: [[Double]] = []
        for b in betas { for a in alphas { grid.append(point(a, b)) } }
        let planePath = zip(pathAlphas, pathBetas).map { point($0, $1) }
        let checkpoints = steps.map { run.model(atStep: $0).parameters }
        let all = batch.losses(at: grid + planePath + checkpoints)
        losses = (0..<n).map { j in Array(all[(j * n)..<((j + 1) * n)]) }
        pathPlaneLosses = Array(all[(n * n)..<(n * n + steps.count)])
        pathLosses = Array(all[(n * n + steps.count)...])
    }

    /// `count` evenly spaced values covering `values` and 0 with a fifth of their range either side.
    private static func span(_ values: [Double], count: Int) -> [Double] {
        let low = min(values.min() ?? 0, 0), high = max(values.max() ?? 0, 0)
        let margin = max((high - low) * 0.2, 1e-3)
        let start = low - margin, width = high - low + 2 * margin
        return (0..<count).map { start + width * Double($0) / Double(count - 1) }
    }

    /// The lowest loss on the grid.
    public var lowest: Double { losses.joined().min() ?? .nan }

    public var description: String {
        let percent = { (x: Double) in "\(rounded(100 * x, places: 1))%" }
        return """
        loss of \(documents.count) documents over a \(alphas.count)×\(betas.count) grid; \
        the plane holds \(percent(directionShares.reduce(0, +))) of the path's variance
        step 0: loss \(rounded(pathLosses.first ?? .nan, places: 4)) (on the plane \(rounded(pathPlaneLosses.first ?? .nan, places: 4)))
        step \(steps.last ?? 0): loss \(rounded(pathLosses.last ?? .nan, places: 4)); lowest on the grid \(rounded(lowest, places: 4))
        """
    }
}

/// A fixed batch of documents and the mean of their training losses for any weights of one model
/// shape, on microgpt.py's forward pass (the training network, not the recording tape).
struct LossBatch: Sendable {
    let config: Config
    let vocabularySize: Int
    let tokens: [[Int]]

    init(model: GPT, documents: [String]) throws(TokenizerError) {
        config = model.config
        vocabularySize = model.tokenizer.vocabularySize
        var tokens: [[Int]] = []
        for document in documents { tokens.append(try model.tokenizer.tokens(for: document)) }
        self.tokens = tokens
    }

    /// The batch's mean loss at each set of weights, two threads taking every other one.
    func losses(at weights: [[Double]]) -> [Double] {
        let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(weights.count, 1))
        results.initialize(repeating: .nan)
        defer { results.deallocate() }
        let shared = SharedResults(results)
        let workers = min(2, max(weights.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            guard let first = weights.first else { return }
            let network = Network(config: config, vocabularySize: vocabularySize, parameters: first)
            for i in stride(from: worker, to: weights.count, by: workers) {
                for (k, w) in weights[i].enumerated() { network.weights[k] = w }
                network.weightsChanged()
                var total = 0.0
                for document in tokens { total += network.loss(tokens: document, count: min(config.blockSize, document.count - 1)) }
                shared.set(i, tokens.isEmpty ? .nan : total / Double(tokens.count))
            }
        }
        return Array(results.prefix(weights.count))
    }
}

/// Results written by several threads, each to its own indices.
private final class SharedResults: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
    init(_ buffer: UnsafeMutableBufferPointer<Double>) { self.buffer = buffer }
    func set(_ i: Int, _ value: Double) { buffer[i] = value }
}
