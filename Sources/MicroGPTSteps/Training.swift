import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// Training: whole runs (memoized per build: several chapters train the same run), the step-by-step
    /// trainer, Adam's updates and the loss curve.
    func registerTraining(in library: Library, context: LibraryContext) {
        library.function("func TrainingRun(config: Config = Config(), dataset: Dataset, snapshots: [Int] = []) throws -> TrainingRun") { a in
            let dataset: Dataset = try a(1), snapshots: [Int] = try a(2)
            let config = try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize)
            let key = TrainingRunKey(config: config, documents: dataset.documents, snapshots: snapshots)
            return try context.memoized(key) { try TrainingRun(config: config, dataset: dataset, snapshots: snapshots) }
        }
        library.properties(TrainingRun.self, ["config": \.config, "documents": \.documents, "tokenizer": \.tokenizer,
                                      "initialModel": \.initialModel, "model": \.model, "losses": \.losses,
                                      "samples": \.samples, "finalLoss": \.finalLoss])
        library.method(TrainingRun.self, "func model(atStep step: Int) -> GPT") { a in
            let run: TrainingRun = try a.this(), step: Int = try a(0)
            guard (0...run.config.steps).contains(step) else { throw StepFailure("step must be between 0 and \(run.config.steps), got \(step)") }
            // Training to a checkpoint depends only on the settings and the data: once per project.
            return context.memoized(CheckpointKey(config: run.config, documents: run.documents, step: step)) { run.model(atStep: step) }
        }

        library.function("func LossCurve(_ values: [Double]) -> LossCurve") { a in LossCurve(try a(0) as [Double]) }
        library.properties(LossCurve.self, ["values": \.values, "count": \.count, "first": \.first, "last": \.last])
        library.method(LossCurve.self, "func loss(atStep step: Int) -> Double") { a in (try a.this() as LossCurve).loss(atStep: try a(0)) }
        library.method(LossCurve.self, "func mean(of steps: ClosedRange<Int>) -> Double") { a in (try a.this() as LossCurve).mean(of: try a(0)) }
        library.method(LossCurve.self, "func smoothed(window: Int) -> [Double]") { a in
            let window: Int = try a(0)
            guard window >= 1 else { throw StepFailure("window must be at least 1, got \(window)") }
            return (try a.this() as LossCurve).smoothed(window: window)
        }

        library.function("func Trainer(config: Config, dataset: Dataset) throws -> Trainer") { a in
            let dataset: Dataset = try a(1)
            return try Trainer(config: try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize), dataset: dataset)
        }
        library.function("func Trainer(config: Config, dataset: Dataset, random: Random) throws -> Trainer") { a in
            let dataset: Dataset = try a(1)
            return try Trainer(config: try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize), dataset: dataset, random: try a(2))
        }
        library.function("func Trainer(model: GPT, documents: [String]) -> Trainer") { a in
            let documents: [String] = try a(1)
            guard !documents.isEmpty else { throw StepFailure("a trainer needs at least one document") }
            return Trainer(model: try a(0), documents: documents)
        }
        library.properties(Trainer.self, ["config": \.config, "documents": \.documents, "tokenizer": \.tokenizer, "steps": \.steps, "model": \.model])
        library.method(Trainer.self, "func step() -> Double") { a in (try a.this() as Trainer).step() }
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

/// What a training run depends on: every setting, the snapshots it keeps, and the data set's text.
struct TrainingRunKey: Hashable, Sendable {
    let config: Config
    let documents: [String]
    let snapshots: [Int]
}
