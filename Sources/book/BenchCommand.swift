import ArgumentParser
import Foundation
import MicroGPT

/// `book bench`: how fast the engine trains and samples (build with `-c release` to measure).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the default training run: milliseconds per step and per sampled name, peak memory."
    )

    @Option(help: "Training text, one document per line (UTF-8); the default is relative to the current directory.") var data = "chapters/data/names.txt"
    @Option(help: "How many times to repeat the run; the fastest is reported.") var repeats = 3

    func run() throws {
        let dataset: Dataset
        do { dataset = try Dataset(path: data) } catch { throw SettingsError(description: error.description) }
        let config = Config()
        let clock = ContinuousClock()
        var train = Duration.seconds(1_000_000), sample = Duration.seconds(1_000_000)
        var loss = 0.0
        for _ in 0..<max(1, repeats) {
            let random = Random(seed: config.seed)
            let trainer = try Trainer(config: config, dataset: dataset, random: random)
            train = min(train, clock.measure { for _ in 0..<config.steps { loss = trainer.step() } })
            let model = trainer.model
            sample = min(sample, clock.measure { _ = model.samples(count: 200, temperature: config.temperature, random: random) })
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        print("training: \(config.steps) steps in \(fixed(ms(train))) ms = \(fixed(ms(train) / Double(config.steps), 3)) ms/step (final loss \(loss))")
        print("sampling: 200 names in \(fixed(ms(sample))) ms = \(fixed(ms(sample) / 200, 3)) ms/name")
        print("peak memory: \(usage.ru_maxrss / 1024) MB")
    }

    private func fixed(_ x: Double, _ places: Int = 1) -> String { String(format: "%.\(places)f", x) }
}
