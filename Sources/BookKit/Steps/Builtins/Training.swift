import MicroGPT

extension Library {
    /// Training: whole runs (memoized per build: several chapters train the same run), the step-by-step
    /// trainer, Adam's updates and the loss curve.
    func registerTraining(context: LibraryContext) {
        function("func TrainingRun(config: Config = Config(), dataset: Dataset, snapshots: [Int] = []) throws -> TrainingRun") { a in
            let dataset: Dataset = try a(1), snapshots: [Int] = try a(2)
            let config = try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize)
            return try context.memoized(Library.trainingRunKey(config: config, dataset: dataset, snapshots: snapshots)) { try TrainingRun(config: config, dataset: dataset, snapshots: snapshots) }
        }
        properties(TrainingRun.self, ["config": \.config, "documents": \.documents, "tokenizer": \.tokenizer,
                                      "initialModel": \.initialModel, "model": \.model, "losses": \.losses,
                                      "samples": \.samples, "finalLoss": \.finalLoss])
        method("TrainingRun", "func model(atStep step: Int) -> GPT") { a in
            let run: TrainingRun = try a.this(), step: Int = try a(0)
            guard (0...run.config.steps).contains(step) else { throw StepError("step must be between 0 and \(run.config.steps), got \(step)") }
            return run.model(atStep: step)
        }

        function("func LossCurve(_ values: [Double]) -> LossCurve") { a in LossCurve(try a(0) as [Double]) }
        properties(LossCurve.self, ["values": \.values, "count": \.count, "first": \.first, "last": \.last])
        method("LossCurve", "func loss(atStep step: Int) -> Double") { a in (try a.this() as LossCurve).loss(atStep: try a(0)) }
        method("LossCurve", "func mean(of steps: ClosedRange<Int>) -> Double") { a in (try a.this() as LossCurve).mean(of: try a(0)) }
        method("LossCurve", "func smoothed(window: Int) -> [Double]") { a in
            let window: Int = try a(0)
            guard window >= 1 else { throw StepError("window must be at least 1, got \(window)") }
            return (try a.this() as LossCurve).smoothed(window: window)
        }

        function("func Trainer(config: Config, dataset: Dataset) throws -> Trainer") { a in
            let dataset: Dataset = try a(1)
            return try Trainer(config: try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize), dataset: dataset)
        }
        function("func Trainer(config: Config, dataset: Dataset, random: Random) throws -> Trainer") { a in
            let dataset: Dataset = try a(1)
            return try Trainer(config: try sized(try a(0), vocabularySize: dataset.tokenizer.vocabularySize), dataset: dataset, random: try a(2))
        }
        function("func Trainer(model: GPT, documents: [String]) -> Trainer") { a in
            let documents: [String] = try a(1)
            guard !documents.isEmpty else { throw StepError("a trainer needs at least one document") }
            return Trainer(model: try a(0), documents: documents)
        }
        properties(Trainer.self, ["config": \.config, "documents": \.documents, "tokenizer": \.tokenizer, "steps": \.steps, "model": \.model])
        method("Trainer", "func step() -> Double") { a in (try a.this() as Trainer).step() }
        method("Trainer", "func lastUpdate(parameter index: Int) throws -> AdamUpdate") { a in
            try (try a.this() as Trainer).lastUpdate(parameter: try a(0))
        }
        properties(AdamUpdate.self, ["parameter": \.parameter, "step": \.step, "grad": \.grad, "m": \.m, "v": \.v, "mHat": \.mHat,
                                     "vHat": \.vHat, "learningRate": \.learningRate, "before": \.before, "after": \.after,
                                     "change": \.change])
    }

    /// The memo key of a training run: every setting, the snapshots, and the data set's text.
    static func trainingRunKey(config: Config, dataset: Dataset, snapshots: [Int]) -> String {
        "run|\(config)|\(config.initStd)|\(config.epsilon)|\(config.sampleCount)|\(snapshots)|" + dataset.documents.joined(separator: "\n")
    }
}
