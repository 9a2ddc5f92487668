/// A whole microgpt.py run as one value: shuffle, initialise, train every step, then sample.
/// Pure: the same settings and data always give the same run, so a build may compute it once.
public struct TrainingRun: Sendable, CustomStringConvertible {
    /// The settings.
    public let config: Config
    /// The documents in training order.
    public let documents: [String]
    /// The vocabulary.
    public let tokenizer: Tokenizer
    /// The model before the first step.
    public let initialModel: GPT
    /// The model after the last step.
    public let model: GPT
    /// The loss of every step.
    public let losses: LossCurve
    /// The names microgpt.py prints after training (`sampleCount` of them, at `temperature`).
    public let samples: [String]
    /// What Adam did at every step to a handful of parameters (see `AdamRecorder.watched`).
    public let adamTracks: [AdamTrack]
    private let snapshots: [Int: GPT]
    private let dataset: Dataset

    /// Trains now. `snapshots` lists steps whose model `model(atStep:)` should keep.
    public init(config: Config = Config(), dataset: Dataset, snapshots: [Int] = []) throws(ConfigError) {
        self.dataset = dataset
        let random = Random(seed: config.seed)
        let trainer = try Trainer(config: config, dataset: dataset, random: random)
        self.config = trainer.config
        documents = trainer.documents
        tokenizer = trainer.tokenizer
        initialModel = trainer.model
        var losses: [Double] = []
        losses.reserveCapacity(min(config.steps, 1 << 16))
        var kept: [Int: GPT] = [0: initialModel]
        // Besides the asked-for steps, every twentieth of the run: the path the 3D views draw and
        // the timeline's checkpoints.
        let wanted = Set(snapshots).union(Self.checkpoints(steps: trainer.config.steps))
        var recorder = AdamRecorder(model: initialModel, steps: trainer.config.steps)
        for step in 1...config.steps {
            losses.append(trainer.step())
            recorder.record(trainer)
            if wanted.contains(step) { kept[step] = trainer.model }
        }
        adamTracks = recorder.result
        model = trainer.model
        kept[config.steps] = model
        self.losses = LossCurve(losses)
        self.snapshots = kept
        samples = model.samples(count: config.sampleCount, temperature: config.temperature, random: random)
    }

    /// The steps whose model the run always keeps: 0 and every twentieth of the run to its end
    /// (every step of a run shorter than 20), so that a path through training costs no retraining.
    public var checkpoints: [Int] { Self.checkpoints(steps: config.steps) }

    static func checkpoints(steps: Int) -> [Int] {
        let interval = max(1, steps / 20)
        return Array(stride(from: 0, through: steps, by: interval)) + (steps % interval == 0 ? [] : [steps])
    }

    /// The loss of the last step.
    public var finalLoss: Double { losses.last }

    /// The model after `step` steps (0 = untrained), clipped to the run. Steps listed in
    /// `snapshots` are kept; any other is found by training again up to it.
    public func model(atStep step: Int) -> GPT {
        let step = min(max(step, 0), config.steps)
        if let kept = snapshots[step] { return kept }
        guard let trainer = try? Trainer(config: config, dataset: dataset) else { return initialModel }
        for _ in 0..<step { trainer.step() }
        return trainer.model
    }

    public var description: String {
        "\(config.steps) steps on \(documents.count) documents, final loss \(rounded(finalLoss, places: 4))"
    }
}
