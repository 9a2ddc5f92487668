import Testing
@testable import MicroGPT

struct TrainingTests {
    /// The whole reference run of microgpt.py (1000 losses, 20 samples), line for line.
    @Test func seed42RunIsMicrogptPyLineForLine() throws {
        var lines: [String] = []
        try trainingTranscript(config: Config(), dataset: try Fixture.names(), exact: true) { lines.append($0) }
        let reference = try Fixture.lines("microgpt-seed42.txt").filter { !$0.isEmpty }
        #expect(lines.filter { !$0.isEmpty } == reference)
        #expect(lines.count == 1 + 1 + 1 + 2 + 1000 + 2 + 20)
    }

    /// Another seed and other settings, against microgpt.py run with them (fixture made by the CPython script).
    @Test func otherSettingsMatchMicrogptPy() throws {
        let config = Config(seed: 7, embeddingSize: 8, headCount: 2, layerCount: 2, blockSize: 8, steps: 30,
                            learningRate: 0.02, temperature: 0.8)
        var lines: [String] = []
        try trainingTranscript(config: config, dataset: try Fixture.names(), exact: true) { lines.append($0) }
        let reference = try Fixture.lines("microgpt-seed7-embd8-heads2-layers2-block8-lr0.02-t0.8-steps30.txt").filter { !$0.isEmpty }
        #expect(lines.filter { !$0.isEmpty } == reference)
    }

    /// More seeds and shapes (a seed above 2^32, a negative seed, no layers, two layers, a wide model, a
    /// non-ASCII data set with CRLF line ends), each against microgpt.py run with those settings
    /// (`NE=.. NH=.. NL=.. BS=.. LR=.. T=.. python3 microgpt.py SEED STEPS`, its settings read from the environment).
    @Test(arguments: [
        (Config(seed: 1, steps: 200), "names", "microgpt-seed1-steps200.txt"),
        (Config(seed: 1_099_511_627_779, embeddingSize: 4, headCount: 1, layerCount: 0, blockSize: 4, steps: 200,
                learningRate: 0.05, temperature: 2.0),
         "names", "microgpt-seed1099511627779-embd4-heads1-layers0-block4-lr0.05-t2.0-steps200.txt"),
        (Config(seed: 123, embeddingSize: 12, headCount: 3, layerCount: 2, blockSize: 10, steps: 100,
                learningRate: 0.05, temperature: 1.0),
         "names", "microgpt-seed123-embd12-heads3-layers2-block10-lr0.05-t1.0-steps100.txt"),
        (Config(seed: -5, embeddingSize: 32, headCount: 8, layerCount: 1, blockSize: 20, steps: 40),
         "names", "microgpt-seed-5-embd32-heads8-layers1-block20-steps40.txt"),
        (Config(seed: 99, embeddingSize: 16, headCount: 2, layerCount: 3, blockSize: 12, steps: 150,
                learningRate: 0.02, temperature: 0.7),
         "names", "microgpt-seed99-embd16-heads2-layers3-block12-lr0.02-t0.7-steps150.txt"),
        (Config(seed: 3, embeddingSize: 8, headCount: 2, layerCount: 1, blockSize: 6, steps: 60,
                learningRate: 0.03, temperature: 0.9),
         "unicode-crlf-names.txt", "microgpt-unicode-crlf-seed3-embd8-heads2-layers1-block6-lr0.03-t0.9-steps60.txt"),
    ])
    func moreSettingsMatchMicrogptPy(config: Config, data: String, reference: String) throws {
        let dataset = data == "names" ? try Fixture.names()
            : try Dataset(path: Fixture.directory.appendingPathComponent("Fixtures/\(data)").path)
        var lines: [String] = []
        try trainingTranscript(config: config, dataset: dataset, exact: true) { lines.append($0) }
        #expect(lines.filter { !$0.isEmpty } == (try Fixture.lines(reference).filter { !$0.isEmpty }))
    }

    @Test func theModelHasMicrogptsParameterCount() throws {
        let run = try Trainer(config: Config(steps: 1), dataset: try Fixture.names())
        #expect(run.model.parameterCount == 4192)
        #expect(run.model.shapes.map(\.name) == ["wte", "wpe", "lm_head", "layer0.attn_wq", "layer0.attn_wk", "layer0.attn_wv",
                                                  "layer0.attn_wo", "layer0.mlp_fc1", "layer0.mlp_fc2"])
    }

    @Test func badSettingsAreErrorsNotCrashes() throws {
        let names = try Fixture.names()
        #expect(throws: ConfigError.self) { try TrainingRun(config: Config(headCount: 3), dataset: names) }
        #expect(throws: ConfigError.self) { try TrainingRun(config: Config(steps: 0), dataset: names) }
        #expect(throws: ConfigError.self) { try TrainingRun(config: Config(blockSize: 0), dataset: names) }
        #expect(throws: ConfigError.self) { try TrainingRun(config: Config(temperature: 0), dataset: names) }
        #expect(throws: DatasetError.self) { try Dataset(path: "/no/such/file.txt") }
        #expect(throws: DatasetError.self) { try Dataset(path: Fixture.directory.path) }
        // Sizes that would exhaust memory are refused before anything is allocated.
        #expect(throws: ConfigError.self) { try TrainingRun(config: Config(embeddingSize: 100_000), dataset: names) }
        #expect(throws: ConfigError.self) { try TrainingRun(config: Config(embeddingSize: 1024, layerCount: 8), dataset: names) }
        #expect(throws: ConfigError.self) { try TrainingRun(config: Config(steps: Int.max), dataset: names) }
    }

    /// The Adam record agrees with microgpt.py's formulas for its own numbers.
    @Test func adamUpdateIsConsistent() throws {
        let trainer = try Trainer(config: Config(), dataset: try Fixture.names())
        let before = trainer.model.parameters[0]
        trainer.step()
        let update = try trainer.lastUpdate(parameter: 0)
        #expect(update.before == before)
        #expect(update.m == (1 - 0.85) * update.grad)
        #expect(update.mHat == update.m / (1 - 0.85))
        #expect(update.after == trainer.model.parameters[0])
        #expect(update.learningRate == 0.01)
        #expect(abs(update.change) <= 0.0100001)
    }
}
