import ArgumentParser
import Foundation
import MicroGPT

/// `book train`: microgpt.py in Swift, printing what it prints.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a microGPT and sample names, printing what microgpt.py prints."
    )

    @Option(help: "Seed of the random generator.") var seed = Config().seed
    @Option(help: "Embedding width (n_embd).") var embd = Config().embeddingSize
    @Option(help: "Attention heads (n_head); must divide --embd.") var heads = Config().headCount
    @Option(help: "Transformer layers (n_layer).") var layers = Config().layerCount
    @Option(name: .customLong("block-size"), help: "Longest context (block_size).") var blockSize = Config().blockSize
    @Option(help: "Training steps.") var steps = Config().steps
    @Option(name: .customLong("learning-rate"), help: "Adam's base learning rate.") var learningRate = Config().learningRate
    @Option(help: "Adam's beta1.") var beta1 = Config().beta1
    @Option(help: "Adam's beta2.") var beta2 = Config().beta2
    @Option(help: "Sampling temperature (> 0).") var temperature = Config().temperature
    @Option(help: "Names to sample after training.") var samples = Config().sampleCount
    @Option(help: "Training text, one document per line.") var data = "chapters/data/names.txt"
    @Flag(help: "Print each loss as the shortest text that round-trips the Double (Python's repr).") var exact = false

    func run() throws {
        let config = Config(seed: seed, embeddingSize: embd, headCount: heads, layerCount: layers, blockSize: blockSize,
                            steps: steps, learningRate: learningRate, beta1: beta1, beta2: beta2,
                            temperature: temperature, sampleCount: samples)
        do {
            _ = try config.validated()
            let dataset = try Dataset(path: data)
            let random = Random(seed: config.seed)
            let trainer = try Trainer(config: config, dataset: dataset, random: random)
            let model = trainer.model
            var out = ""
            out += "num docs: \(trainer.documents.count)\n"
            out += "vocab size: \(trainer.tokenizer.vocabularySize)\n"
            out += "num params: \(model.parameterCount)\n"
            out += "first params: \(pythonList(model.parameters.prefix(3).map { "\($0)" })) last param: \(model.parameters.last ?? 0)\n"
            out += "first docs: \(pythonList(trainer.documents.prefix(5).map { "'\($0)'" }))\n"
            write(out)
            for step in 1...config.steps {
                let loss = trainer.step()
                let shown = exact ? "\(loss)" : String(format: "%.4f", loss)
                write("step \(pad(step, 4)) / \(pad(config.steps, 4)) | loss \(shown)\n")
            }
            write("\n--- inference (new, hallucinated names) ---\n")
            let names = trainer.model.samples(count: config.sampleCount, temperature: config.temperature, random: random)
            for (i, name) in names.enumerated() { write("sample \(pad(i + 1, 2)): \(name)\n") }
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        } catch let error as DatasetError {
            throw ValidationError(error.description)
        }
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
    private func pythonList(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
