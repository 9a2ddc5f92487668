import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// Training: whole runs (memoized per build: several chapters train the same run), the step-by-step
    /// trainer, Adam's updates and the loss curve.
    func registerTraining(in library: Library, context: LibraryContext) {
        library.function("func TrainingRun(config: Config = Config(), dataset: Dataset, snapshots: [Int] = []) throws -> TrainingRun") { a in
            let dataset: Dataset = try a(1), snapshots: [Int] = try a(2)
            let config = try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize)
            try chargeRun(a, config, dataset)
            let key = TrainingRunKey(config: config, documents: dataset.documents, snapshots: snapshots)
            return try context.memoized(key) { try TrainingRun(config: config, dataset: dataset, snapshots: snapshots) }
        }
        library.properties(TrainingRun.self, ["config": \.config, "documents": \.documents, "tokenizer": \.tokenizer,
                                      "initialModel": \.initialModel, "model": \.model, "losses": \.losses,
                                      "samples": \.samples, "finalLoss": \.finalLoss,
                                      "checkpoints": \.checkpoints])
        library.method(TrainingRun.self, "func model(atStep step: Int) -> GPT") { a in
            let run: TrainingRun = try a.this(), step: Int = try a(0)
            guard (0...run.config.steps).contains(step) else { throw StepFailure("step must be between 0 and \(run.config.steps), got \(step)") }
            // A step between the first and the last may be trained again up to it: charged alike
            // whether or not another chapter trained it already, so the budget never depends on timing.
            // The run keeps its checkpoints: those cost nothing more.
            if step > 0, step < run.config.steps, !run.checkpoints.contains(step) {
                let parameters = run.model.parameterCount
                try EngineCost.charge(a, parameters: parameters, positions: EngineCost.positions(run.documents, blockSize: run.config.blockSize), runs: step)
            }
            // Training to a checkpoint depends only on the settings and the data: once per project.
            return context.memoized(CheckpointKey(config: run.config, documents: run.documents, step: step)) { run.model(atStep: step) }
        }

        library.function("func LossCurve(_ values: [Double]) -> LossCurve") { a in
            let values: [Double] = try a(0)
            guard !values.isEmpty else { throw StepFailure("a loss curve needs at least one value") }
            return LossCurve(values)
        }
        library.properties(LossCurve.self, ["values": \.values, "count": \.count, "first": \.first, "last": \.last])
        library.method(LossCurve.self, "func loss(atStep step: Int) -> Double") { a in
            let curve: LossCurve = try a.this(), step: Int = try a(0)
            guard (1...max(curve.count, 1)).contains(step), curve.count > 0 else {
                throw StepFailure("step must be between 1 and \(curve.count), got \(step)")
            }
            return curve.loss(atStep: step)
        }
        library.method(LossCurve.self, "func mean(of steps: ClosedRange<Int>) -> Double") { a in
            let curve: LossCurve = try a.this(), steps: ClosedRange<Int> = try a(0)
            guard curve.count > 0, steps.lowerBound >= 1, steps.upperBound <= curve.count else {
                throw StepFailure("steps must lie between 1 and \(curve.count), got \(steps.lowerBound)...\(steps.upperBound)")
            }
            return curve.mean(of: steps)
        }
        library.method(LossCurve.self, "func smoothed(window: Int) -> [Double]") { a in
            let window: Int = try a(0)
            guard window >= 1 else { throw StepFailure("window must be at least 1, got \(window)") }
            return (try a.this() as LossCurve).smoothed(window: window)
        }

        library.function("func Trainer(config: Config, dataset: Dataset) throws -> Trainer") { a in
            let dataset: Dataset = try a(1)
            let config = try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize)
            try chargeTrainer(a, config, dataset)
            return try Trainer(config: config, dataset: dataset)
        }
        library.function("func Trainer(config: Config, dataset: Dataset, random: Random) throws -> Trainer") { a in
            let dataset: Dataset = try a(1)
            let config = try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize)
            try chargeTrainer(a, config, dataset)
            return try Trainer(config: config, dataset: dataset, random: try a(2))
        }
        library.function("func Trainer(model: GPT, documents: [String]) -> Trainer") { a in
            let model: GPT = try a(0), documents: [String] = try a(1)
            guard !documents.isEmpty else { throw StepFailure("a trainer needs at least one document") }
            // The trainer would silently train on an empty text in place of one it cannot read.
            for (i, document) in documents.enumerated() {
                do { _ = try model.tokenizer.encode(document) } catch {
                    throw StepFailure("document \(i) cannot be trained on: \(error)")
                }
            }
            try EngineCost.charge(a, numbers: model.parameterCount * 3)
            return Trainer(model: model, documents: documents)
        }
        library.properties(Trainer.self, ["config": \.config, "documents": \.documents, "tokenizer": \.tokenizer, "steps": \.steps, "model": \.model])
        library.method(Trainer.self, "func step() -> Double") { a in
            let trainer: Trainer = try a.this()
            let document = trainer.documents[trainer.steps % max(trainer.documents.count, 1)]
            let positions = min(trainer.config.blockSize, document.unicodeScalars.count + 1)
            try EngineCost.charge(a, parameters: EngineCost.parameters(trainer.config, vocabularySize: trainer.tokenizer.vocabularySize), positions: positions)
            return trainer.step()
        }
        library.method(Trainer.self, "func lastUpdate(parameter index: Int) throws -> AdamUpdate") { a in
            try (try a.this() as Trainer).lastUpdate(parameter: try a(0))
        }
        library.properties(AdamUpdate.self, ["parameter": \.parameter, "step": \.step, "grad": \.grad, "m": \.m, "v": \.v, "mHat": \.mHat,
                                     "vHat": \.vHat, "learningRate": \.learningRate, "before": \.before, "after": \.after,
                                     "change": \.change])
    }
}

/// What a model trained to `step` depends on.
struct CheckpointKey: Hashable, Sendable {
    let config: Config
    let documents: [String]
    let step: Int
}

/// Charges a whole run before it trains: every step on the longest document, then the samples.
private func chargeRun(_ a: Arguments, _ config: Config, _ dataset: Dataset) throws {
    guard let valid = try? config.validated() else { return }
    let parameters = EngineCost.parameters(valid, vocabularySize: dataset.tokenizer.vocabularySize)
    // The model, and the weights at every checkpoint the run keeps (TrainingRun.checkpoints).
    try EngineCost.charge(a, numbers: EngineCost.product(parameters, min(valid.steps, 20) + 2))
    try EngineCost.charge(a, parameters: parameters, positions: EngineCost.positions(dataset.documents, blockSize: valid.blockSize), runs: valid.steps)
    // What every run keeps besides its weights: eleven checkpoints and a few parameters' Adam numbers at every step.
    try a.allocate(bytes: EngineCost.product(EngineCost.product(parameters, 11), 8) + EngineCost.product(valid.steps, 6 * MemoryLayout<AdamUpdate>.stride))
    try EngineCost.charge(a, parameters: parameters, positions: valid.blockSize, runs: valid.sampleCount)
}

/// Charges a trainer's model and the tape of its longest step.
private func chargeTrainer(_ a: Arguments, _ config: Config, _ dataset: Dataset) throws {
    guard let valid = try? config.validated() else { return }
    let parameters = EngineCost.parameters(valid, vocabularySize: dataset.tokenizer.vocabularySize)
    try EngineCost.charge(a, numbers: EngineCost.product(parameters, 3))
    try a.allocate(bytes: EngineCost.product(EngineCost.product(parameters, EngineCost.positions(dataset.documents, blockSize: valid.blockSize)), EngineCost.tapeBytesPerRead))
}

/// What a training run depends on: every setting, the snapshots it keeps, and the data set's text.
struct TrainingRunKey: Hashable, Sendable {
    let config: Config
    let documents: [String]
    let snapshots: [Int]
}
