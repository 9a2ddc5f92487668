import Foundation

/// microgpt.py's console output for a whole run, line by line: the data summary, the two
/// checking lines of the reference file, one line per step, then the samples.
/// `exact` prints each loss as the shortest text that round-trips (Python's `repr`);
/// otherwise with four decimals.
public func trainingTranscript(config: Config, dataset: Dataset, exact: Bool, emit: (String) -> Void) throws(ConfigError) {
    let config = try config.validated()
    let random = Random(seed: config.seed)
    let trainer = try Trainer(config: config, dataset: dataset, random: random)
    let model = trainer.model
    emit("num docs: \(trainer.documents.count)")
    emit("vocab size: \(trainer.tokenizer.vocabularySize)")
    emit("num params: \(model.parameterCount)")
    let first = PythonRepr.list(Array(model.parameters.prefix(3)))
    emit("first params: \(first) last param: \(model.parameters.last.map(PythonRepr.float) ?? "None")")
    emit("first docs: \(PythonRepr.list(Array(trainer.documents.prefix(5))))")
    for step in 1...config.steps {
        let loss = trainer.step()
        emit("step \(padded(step, 4)) / \(padded(config.steps, 4)) | loss \(exact ? PythonRepr.float(loss) : fixed(loss, 4))")
    }
    emit("")
    emit("--- inference (new, hallucinated names) ---")
    let names = trainer.model.samples(count: config.sampleCount, temperature: config.temperature, random: random)
    for (i, name) in names.enumerated() { emit("sample \(padded(i + 1, 2)): \(name)") }
}

private func padded(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: " ", count: max(0, width - s.count)) + s
}
