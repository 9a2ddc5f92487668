import ArgumentParser
import Foundation
import MicroGPT

/// `book bench`: how fast the engine trains and samples (build with `-c release` to measure).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the default training run: milliseconds per step and per sampled name, peak memory, instructions per step.",
        discussion: """
        Training and sampling are timed in this process (the fastest of --repeats runs). Instructions \
        are counted by running `book train` under `perf stat -e instructions` twice, 1000 and 200 steps \
        without samples: the difference over 800 steps is the cost of a step without the start-up. Where \
        perf cannot count instructions (many virtual machines), they are reported as not counted.
        """
    )

    @Option(help: "Training text, one document per line (UTF-8); the default is relative to the current directory.") var data = "chapters/data/names.txt"
    @Option(help: "How many times to repeat the run; the fastest is reported.") var repeats = 3
    @Option(help: "How many names to sample for the per-name time.") var names = 200
    @Flag(help: "Print one JSON object instead of text.") var json = false

    /// What `--json` prints; times in milliseconds, memory in megabytes.
    struct Report: Codable {
        var steps: Int
        var trainingMilliseconds: Double
        var millisecondsPerStep: Double
        var sampledNames: Int
        var samplingMilliseconds: Double
        var millisecondsPerName: Double
        var peakMemoryMegabytes: Double
        var finalLoss: Double
        /// null where perf cannot count instructions.
        var instructionsPerStep: Double?
        var instructionsForTrainCommand: Int?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(steps, forKey: .steps)
            try c.encode(trainingMilliseconds, forKey: .trainingMilliseconds)
            try c.encode(millisecondsPerStep, forKey: .millisecondsPerStep)
            try c.encode(sampledNames, forKey: .sampledNames)
            try c.encode(samplingMilliseconds, forKey: .samplingMilliseconds)
            try c.encode(millisecondsPerName, forKey: .millisecondsPerName)
            try c.encode(peakMemoryMegabytes, forKey: .peakMemoryMegabytes)
            try c.encode(finalLoss, forKey: .finalLoss)
            // Written as null, not left out, so that a script finds every key.
            try c.encode(instructionsPerStep, forKey: .instructionsPerStep)
            try c.encode(instructionsForTrainCommand, forKey: .instructionsForTrainCommand)
        }
    }

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
            sample = min(sample, clock.measure { _ = model.samples(count: max(1, names), temperature: config.temperature, random: random) })
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        let whole = instructions(["train", "--data", data])
        var perStep: Double?
        if whole != nil, let long = instructions(["train", "--data", data, "--samples", "0"]),
           let short = instructions(["train", "--data", data, "--samples", "0", "--steps", "200"]) {
            perStep = Double(long - short) / 800
        }
        let report = Report(steps: config.steps, trainingMilliseconds: ms(train), millisecondsPerStep: ms(train) / Double(config.steps),
                            sampledNames: max(1, names), samplingMilliseconds: ms(sample), millisecondsPerName: ms(sample) / Double(max(1, names)),
                            peakMemoryMegabytes: Double(usage.ru_maxrss) / 1024, finalLoss: loss,
                            instructionsPerStep: perStep, instructionsForTrainCommand: whole)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print("training: \(report.steps) steps in \(fixed(report.trainingMilliseconds)) ms = \(fixed(report.millisecondsPerStep, 3)) ms/step (final loss \(loss))")
        print("sampling: \(report.sampledNames) names in \(fixed(report.samplingMilliseconds)) ms = \(fixed(report.millisecondsPerName, 3)) ms/name")
        print("peak memory: \(fixed(report.peakMemoryMegabytes)) MB")
        if let perStep, let whole {
            print("instructions: \(Int(perStep.rounded())) per step; \(whole) for `book train` (perf stat)")
        } else {
            print("instructions: not counted (perf stat cannot count instructions here)")
        }
    }

    /// The instructions `book <arguments>` executes, counted by `perf stat`; nil when perf is
    /// missing, cannot count instructions here, or the run fails.
    private func instructions(_ arguments: [String]) -> Int? {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["perf", "stat", "-x", ",", "-e", "instructions", "--", executable] + arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        guard (try? process.run()) != nil else { return nil }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        // One CSV line per event: "843193595,,instructions,..." (or "<not supported>,,instructions,...").
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > 2, fields[2].hasPrefix("instructions"), let count = Int(fields[0]) { return count }
        }
        return nil
    }

    private func fixed(_ x: Double, _ places: Int = 1) -> String { String(format: "%.\(places)f", x) }
}
