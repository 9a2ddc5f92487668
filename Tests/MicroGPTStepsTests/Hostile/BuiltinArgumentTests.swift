import BookTestSupport
import Testing

/// Builtins refuse arguments the engine would answer with NaN, a default or a cut result (or a
/// precondition), with an error at the call.
@Suite(.ownThreads) struct BuiltinArgumentTests {
    static let names = "let names = Dataset(text: \"ann\\nbob\")\n"
    static let model = names + "let run = try TrainingRun(config: Config(seed: 1, embeddingSize: 4, headCount: 1, layerCount: 1, blockSize: 4, steps: 2, sampleCount: 1), dataset: names)\nlet m = run.model\n"

    static let cases: [HostileCase] = [
        .fails("rounded to absurd places", "rounded(1.5, places: 400)", "10:1 step.failed: places must be between -308 and 308, got 400"),
        .fails("rounded past Double's range", "rounded(1e300, places: 100)",
               "10:1 step.failed: 1e+300 cannot be rounded to 100 places: the scaled number overflows Double"),
        .fails("rounded numbers past Double's range", "let xs: [Double] = [1, 1e300]\nrounded(xs, places: 100)",
               "11:1 step.failed: 1e+300 cannot be rounded to 100 places: the scaled number overflows Double"),
        .fails("randbelow(0)", "Random(seed: 1).randbelow(0)", "10:1 step.failed: randbelow needs a bound greater than 0, got 0"),
        .fails("randbelow of a negative bound", "Random(seed: 1).randbelow(-3)", "10:1 step.failed: randbelow needs a bound greater than 0, got -3"),
        .fails("choices with an infinite weight", "Random(seed: 1).choices(weights: [1, 1e308 * 10])",
               "10:1 step.failed: choices needs non-negative weights with a positive total"),
        .fails("derivative with step 0", "derivative(at: 1, step: 0) { x in x * x }", "10:1 step.failed: step must be a finite number other than 0, got 0.0"),
        .fails("an unknown matrix", model + "m.matrix(\"wqe\")",
               "13:1 step.failed: the model has no matrix 'wqe'; its matrices are wte, wpe, lm_head, layer0.attn_wq, layer0.attn_wk, layer0.attn_wv, layer0.attn_wo, layer0.mlp_fc1, layer0.mlp_fc2"),
        .fails("forward past the block size", model + "try m.forward(\"annbob\")",
               "13:5 step.failed: the text is too long: BOS and the text take 7 positions, the model sees at most 4"),
        .fails("loss past the block size", model + "try m.loss(\"annbob\")",
               "13:5 step.failed: the text is too long: BOS and the text take 7 positions, the model sees at most 4"),
        .fails("lossValue past the block size", model + "try m.lossValue(\"annb\")",
               "13:5 step.failed: the text is too long: BOS and the text take 5 positions, the model sees at most 4"),
        .runs("forward at the block size", model + "try m.forward(\"ann\").positions.count", "4"),
        .fails("sampling at an infinite temperature", model + "m.sample(temperature: 1e308 * 10, random: Random(seed: 1))",
               "13:1 step.failed: temperature must be greater than 0, got inf"),
        .fails("top with a negative count", model + "try m.next(after: \"a\").top(-1)", "13:5 step.failed: top needs a count >= 0, got -1"),
        .fails("the probability of a symbol not listed", "Distribution(symbols: [\"a\"], probabilities: [1]).probability(of: \"b\")",
               "10:1 step.failed: the distribution has no symbol \"b\""),
        .fails("an empty loss curve", "LossCurve([])", "10:1 step.failed: a loss curve needs at least one value"),
        .fails("the loss of step 0", "LossCurve([1, 2]).loss(atStep: 0)", "10:1 step.failed: step must be between 1 and 2, got 0"),
        .fails("a mean over steps past the curve", "LossCurve([1, 2]).mean(of: 1...3)", "10:1 step.failed: steps must lie between 1 and 2, got 1...3"),
        .fails("a slider whose default is not a value", "vary(\"t\", over: [1, 2], default: 3) { t in t }",
               "10:1 step.failed: the default 3.0 is not one of the slider's values"),
        .fails("a trainer on text its vocabulary cannot read", model + "Trainer(model: m, documents: [\"xyz\"])",
               "13:1 step.failed: document 0 cannot be trained on: the character \"x\" is not in the vocabulary"),
        .fails("getrandbits past 64", "Random(seed: 1).getrandbits(65)", "10:1 step.failed: getrandbits needs 0 to 64 bits, got 65"),
        .fails("Int of infinity", "Int(1e308 * 10)",
               "10:1 step.failed: Double value cannot be converted to Int because it is either infinite, NaN or too large"),
        .fails("a model step past the run", model + "run.model(atStep: 3)", "13:1 step.failed: step must be between 0 and 2, got 3"),
        .fails("a landscape on no documents", model + "try LossLandscape(run: run, batch: 0, grid: 5)",
               "13:5 step.failed: batch must be between 1 and 2, got 0"),
        .fails("a landscape on a one-point grid", model + "try LossLandscape(run: run, batch: 1, grid: 1)",
               "13:5 step.failed: grid must be between 2 and 41, got 1"),
        .runs("a landscape of a short run", model + "try LossLandscape(run: run, batch: 2, grid: 2).steps", "[0, 1, 2]"),
        .fails("queries and keys of a head the model lacks", model + "try QueryKeySpace(model: m, text: \"ann\", head: 1)",
               "13:5 step.failed: there is no head 1: the model has 1 (0 to 0)"),
        .fails("queries and keys past the block size", model + "try QueryKeySpace(model: m, text: \"annbob\", head: 0)",
               "13:5 step.failed: the text is too long: BOS and the text take 7 positions, the model sees at most 4"),
    ]

    @Test(arguments: cases) func builtinArguments(_ hostile: HostileCase) { hostile.check() }
}
