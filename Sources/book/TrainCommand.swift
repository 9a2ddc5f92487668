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
    @Option(help: "Training text, one document per line (UTF-8); the default is relative to the current directory.") var data = "chapters/data/names.txt"
    @Flag(help: "Print each loss as the shortest text that round-trips the Double (Python's repr).") var exact = false

    func run() throws {
        let config = Config(seed: seed, embeddingSize: embd, headCount: heads, layerCount: layers, blockSize: blockSize,
                            steps: steps, learningRate: learningRate, beta1: beta1, beta2: beta2,
                            temperature: temperature, sampleCount: samples)
        do {
            let dataset = try Dataset(path: data)
            try trainingTranscript(config: config, dataset: dataset, exact: exact) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as ConfigError {
            throw SettingsError(description: error.description)
        } catch let error as DatasetError {
            throw SettingsError(description: error.description)
        }
    }
}

/// A setting or data set that `book train` or `book bench` cannot use: printed as `Error: ...`
/// on stderr with exit code 1 (without the usage text a mistyped flag gets).
struct SettingsError: Error, CustomStringConvertible {
    let description: String
}
