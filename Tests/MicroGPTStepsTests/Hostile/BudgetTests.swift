import BookTestSupport
import Testing
@testable import BookKit

/// The budget covers what interpreted loops do not count: builtins that do much work at once,
/// values that grow, text that piles up. Each stops before the work, at the call or operator.
@Suite(.ownThreads) struct BudgetTests {
    static let names = "let names = Dataset(text: \"ann\\nbob\")\n"
    static let model = names + "let run = try TrainingRun(config: Config(seed: 1, embeddingSize: 4, headCount: 1, layerCount: 1, blockSize: 4, steps: 2, sampleCount: 1), dataset: names)\nlet m = run.model\n"
    static let small = StepBudget(operations: 5_000, time: .seconds(20), memory: 1 << 20)
    static let megabyte = StepBudget(operations: 1_000_000, time: .seconds(20), memory: 1 << 20)
    static let past = "step would run past its budget (200000 operations / 20 s)"
    static let pastSmall = "step would run past its budget (5000 operations / 20 s)"

    static let cases: [HostileCase] = [
        .fails("ten million training steps", names + "let run = try TrainingRun(config: Config(steps: 10_000_000), dataset: names)",
               "11:15 step.budget: \(past): this needs about 558080001 operations and 199915 are left"),
        .fails("ten million training steps with the default budget", names + "let run = try TrainingRun(config: Config(steps: 10_000_000), dataset: names)",
               "11:15 step.budget: step would run past its budget (5000000 operations / 30 s): this needs about 558080001 operations and 4999915 are left",
               budget: StepBudget()),
        .fails("ten thousand samples", model + "m.samples(count: 10_000, temperature: 1, seed: 1)",
               "13:1 step.budget: \(pastSmall): this needs about 39681 operations and 4975 are left", budget: small),
        .fails("a trainer stepping in a loop", model + "let t = Trainer(model: m, documents: [\"ann\"])\nfor _ in 0..<1_000_000 { t.step() }",
               "14:26 step.budget: \(pastSmall): this needs about 4 operations and 1 are left", budget: small),
        .fails("an array doubled in a loop", "var xs: [Int] = [1]\nfor i in 0..<40 { xs = xs + xs }",
               "11:27 step.budget: \(past): this needs about 131072 operations and 68885 are left"),
        .fails("a string doubled in a loop", "var s = \"ab\"\nfor i in 0..<60 { s = s + s }",
               "11:25 step.budget: \(past): this needs about 131072 operations and 68879 are left"),
        .fails("a string doubled by interpolation", "var s = \"ab\"\nfor i in 0..<60 { s = \"\\(s)\\(s)\" }",
               "11:24 step.budget: \(past): this needs about 32768 operations and 3348 are left"),
        .fails("an array past the memory budget", "let xs = (0..<100_000).map { $0 }",
               "10:10 step.budget: step would use more memory than its budget (1 MB): this value needs about 1.6 MB", budget: megabyte),
        .fails("printing past the memory budget", "for i in 0..<100_000 { print(\"" + repeated("x", 100) + "\") }",
               "10:24 step.budget: step would use more memory than its budget (1 MB): this value needs about 1.1 MB", budget: megabyte),
        .fails("interpolating a long array", "let xs = (0..<50_000).map { $0 }\nlet s = \"\\(xs)\"",
               "11:10 step.budget: step would use more memory than its budget (1 MB): this value needs about 1.2 MB", budget: megabyte),
        .fails("a long array as the step's value", "let xs = (0..<50_000).map { $0 }\nxs",
               "10:1 step.budget: step would use more memory than its budget (1 MB): this value needs about 1.2 MB", budget: megabyte),
        .fails("the graph of a long expression", "let g = Graph()\nvar v = Value(1, in: g)\nfor i in 0..<3000 { v = v * 1.0 }\nv.expressionGraph",
               "13:3 step.budget: step would use more memory than its budget (64 KB): this value needs about 751 KB",
               budget: StepBudget(operations: 200_000, time: .seconds(20), memory: 64 << 10)),
        .fails("a model past the memory budget", names + "GPT(config: Config(), tokenizer: names.tokenizer, random: Random(seed: 1))",
               "11:1 step.budget: step would use more memory than its budget (16 KB): this value needs about 28 KB",
               budget: StepBudget(operations: 200_000, time: .seconds(20), memory: 16 << 10)),
        .fails("a builtin after the time is up", "relu(1)",
               "10:1 step.budget: step ran longer than its budget (200000 operations / 0 s); a loop that never ends?",
               budget: StepBudget(operations: 200_000, time: .zero)),
        .fails("the text of a long array", "let xs = (0..<50_000).map { $0 }\nString(describing: xs)",
               "11:1 step.budget: step would use more memory than its budget (1 MB): this value needs about 1.2 MB", budget: megabyte),
        .runs("a small run fits", model + "run.losses.count", "2"),
    ]

    @Test(arguments: cases) func budget(_ hostile: HostileCase) { hostile.check() }
}
