import BookTestSupport
import Foundation
import MicroGPT
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// Each group of builtins dispatches to the Swift it is named after: the step's text equals
/// what the same call prints when compiled.
@Suite(.ownThreads) struct BuiltinTests {
    static let names = "emma\nolivia\nava\nisabella\nsophia\nmia\n"
    static let tiny = "Config(seed: 7, embeddingSize: 4, headCount: 2, layerCount: 1, blockSize: 8, steps: 3, sampleCount: 2)"
    static let tinyConfig = Config(seed: 7, embeddingSize: 4, headCount: 2, layerCount: 1, blockSize: 8, steps: 3, sampleCount: 2)

    static func runner() -> StepRunner { StepRunner(files: ["data/names.txt": names]) }

    @Test func stdlibBasics() {
        let r = StepRunner()
        #expect(r.text("Double(3)") == "3.0")
        #expect(r.text("Int(2.9)") == "2")
        #expect(r.text("abs(-2)") == "2")
        #expect(r.text("abs(-2.5)") == "2.5")
        #expect(r.text("min(3, 1)") == "1")
        #expect(r.text("exp(0)") == "1.0")
        #expect(r.text("log(1)") == "0.0")
        #expect(r.text("sqrt(16)") == "4.0")
        #expect(r.text("pow(2, 10)") == "1024.0")
        #expect(r.text("String(describing: [1, 2])") == "[1, 2]")
        #expect(r.text("2.0.squareRoot()") == "1.4142135623730951")
        #expect(r.text("Int(Double.infinity)") == "'Double' can only be called in steps; its other uses (like 'Double.member') are not supported")
    }

    @Test func mathHelpers() {
        let r = StepRunner()
        _ = r.run("let a: [Double] = [1, 2, 3]\nlet b: [Double] = [4, 0, -1]")
        #expect(r.text("dot(a, b)") == "1.0")
        #expect(r.text("softmax([1, 2, 3])") == String(describing: softmax([1, 2, 3])))
        #expect(r.text("softmax([1, 2, 3], temperature: 0.5)") == String(describing: softmax([1, 2, 3], temperature: 0.5)))
        #expect(r.text("matvec([[1, 0, 0], [0, 1, 1]], a)") == "[1.0, 5.0]")
        #expect(r.text("rmsnorm(a)") == String(describing: rmsnorm([1, 2, 3])))
        #expect(r.text("relu(-3)") == "0.0")
        #expect(r.text("rounded(2.34567, places: 2)") == "2.35")
        #expect(r.text("rounded([1.234, 5.678], places: 1)") == "[1.2, 5.7]")
        #expect(r.text("derivative(at: 3, of: { x in x * x })") == String(describing: derivative(at: 3) { x in x * x }))
        #expect(r.text("derivative(at: 1, step: 0.001) { x in 2 * x }") == String(describing: derivative(at: 1, step: 0.001) { x in 2 * x }))
        #expect(r.text("softmax(a, temperature: 0)") == "temperature must be greater than 0, got 0.0")
    }

    @Test func randomGenerator() {
        let r = StepRunner()
        _ = r.run("let rng = Random(seed: 42)")
        let rng = Random(seed: 42)
        #expect(r.text("rng.random()") == String(describing: rng.random()))
        #expect(r.text("rng.gauss(0, 1)") == String(describing: rng.gauss(0, 1)))
        #expect(r.text("rng.uniform(1, 2)") == String(describing: rng.uniform(1, 2)))
        #expect(r.text("rng.choices(weights: [1, 2, 3])") == String(describing: rng.choices(weights: [1, 2, 3])))
        #expect(r.text("rng.getrandbits(8)") == String(describing: rng.getrandbits(8)))
        var docs = ["a", "b", "c", "d"]
        rng.shuffle(&docs)
        #expect(r.text("var docs = [\"a\", \"b\", \"c\", \"d\"]\nrng.shuffle(&docs)\ndocs") == String(describing: docs))
        #expect(r.text("rng.randbelow(10)") == String(rng.randbelow(10)))
        #expect(r.text("let fixed = [1, 2]\nrng.shuffle(&fixed)") == "cannot pass immutable value as inout argument: 'fixed' is a 'let' constant")
        #expect(r.text("rng.choices(weights: [])") == "choices needs non-negative weights with a positive total")
    }

    @Test func dataAndTokenizer() throws {
        let r = Self.runner()
        _ = r.run("let names = try Dataset(path: \"data/names.txt\")\nlet tok = names.tokenizer")
        let dataset = Dataset(text: Self.names)
        #expect(r.text("names.count") == "6")
        #expect(r.text("names.documents.first") == "Optional(\"emma\")")
        #expect(r.text("tok") == String(describing: dataset.tokenizer))
        #expect(r.text("tok.vocabularySize") == String(dataset.tokenizer.vocabularySize))
        #expect(r.text("tok.bos") == String(dataset.tokenizer.bos))
        #expect(r.text("try tok.encode(\"mia\")") == String(describing: try dataset.tokenizer.encode("mia")))
        #expect(r.text("try tok.tokens(for: \"ava\")").hasPrefix("[\(dataset.tokenizer.bos), "))
        #expect(r.text("tok.decode([0, 1])") == dataset.tokenizer.decode([0, 1]))
        #expect(r.text("tok.symbol(tok.bos)") == "⟨BOS⟩")
        #expect(r.text("Dataset(text: \"a\\nb\\n\\nc\").count") == "3")
        #expect(r.text("Tokenizer(documents: [\"ba\"]).characters") == "[\"a\", \"b\"]")
        #expect(r.text("try tok.encode(\"z!\")") == "the character \"z\" is not in the vocabulary")
    }

    @Test func autograd() {
        let r = StepRunner()
        let step = "let g = Graph()\nlet a = Value(2, label: \"a\", in: g)\nlet b = Value(-3, label: \"b\", in: g)\nlet c = a * b + 1\nc.backward()\nc"
        let g = Graph()
        let a = Value(2, label: "a", in: g), b = Value(-3, label: "b", in: g)
        let c = a * b + 1
        c.backward()
        #expect(r.text(step) == String(describing: c))
        #expect(r.text("a.grad") == String(describing: a.grad))
        #expect(r.text("b.grad") == "2.0")
        #expect(r.text("c.data") == "-5.0")
        #expect(r.text("a.label") == "a")
        #expect(r.text("g.count") == String(g.count))
        #expect(r.text("c.expressionGraph") == String(describing: c.expressionGraph))
        #expect(r.text("ExpressionGraph(c).nodes.count") == String(ExpressionGraph(c).nodes.count))
        #expect(r.text("(a.pow(2) / b - 1).relu().data") == String(describing: (a.pow(2) / b - 1).relu().data))
        #expect(r.text("a.exp().log().data") == String(describing: a.exp().log().data))
        #expect(r.text("(2 - a).data") == "0.0")
        #expect(r.text("(-a).data") == "-2.0")
        #expect(r.text("sum([a, b, c]).data") == String(describing: sum([a, b, c]).data))
        #expect(r.text("a.named(\"z\").label") == "z")
        #expect(r.text("let n = 2\na * n") == "binary operator '*' cannot be applied to operands of type 'Value' and 'Int'")
        #expect(r.text("let h = Graph()\na + Value(1, in: h)") == "these two values live on different graphs and cannot be combined")
    }

    @Test func modelTrainingAndWindows() throws {
        let r = Self.runner()
        #expect(r.run("let names = try Dataset(path: \"data/names.txt\")\nlet run = try TrainingRun(config: \(Self.tiny), dataset: names, snapshots: [1])").diagnostics.isEmpty)
        let run = try TrainingRun(config: Self.tinyConfig, dataset: Dataset(text: Self.names), snapshots: [1])
        #expect(r.text("run") == String(describing: run))
        #expect(r.text("run.finalLoss") == String(describing: run.finalLoss))
        #expect(r.text("run.losses") == String(describing: run.losses))
        #expect(r.text("run.losses.count") == "3")
        #expect(r.text("run.losses.mean(of: 1...2)") == String(describing: run.losses.mean(of: 1...2)))
        #expect(r.text("run.losses.smoothed(window: 2)") == String(describing: run.losses.smoothed(window: 2)))
        #expect(r.text("run.samples") == String(describing: run.samples))
        #expect(r.text("run.model.parameterCount") == String(run.model.parameterCount))
        #expect(r.text("run.model.shapes[0]") == String(describing: run.model.shapes[0]))
        #expect(r.text("run.model.matrix(\"wte\")[0]") == String(describing: run.model.matrix("wte")[0]))
        #expect(r.text("run.model(atStep: 1).parameterCount") == String(run.model(atStep: 1).parameterCount))
        #expect(r.text("try run.model.next(after: \"em\")") == String(describing: try run.model.next(after: "em")))
        #expect(r.text("try run.model.next(after: \"em\").top(3)") == String(describing: try run.model.next(after: "em").top(3)))
        #expect(r.text("try run.model.next(after: \"em\").probability(of: \"m\")") == String(describing: try run.model.next(after: "em").probability(of: "m")))
        #expect(r.text("try run.model.loss(\"emma\")") == String(describing: try run.model.loss("emma")))
        let trace = try run.model.forward("mia")
        #expect(r.text("try run.model.forward(\"mia\")") == String(describing: trace))
        #expect(r.text("try run.model.forward(\"mia\").positions[1].layers[0].heads[0].weights") == String(describing: trace.positions[1].layers[0].heads[0].weights))
        #expect(r.text("try run.model.attention(\"mia\")[1]") == String(describing: try run.model.attention("mia")[1]))
        #expect(r.text("run.model.samples(count: 3, temperature: 0.5, seed: 1)") == String(describing: run.model.samples(count: 3, temperature: 0.5, seed: 1)))
        #expect(r.text("run.model.sample(temperature: 1, random: Random(seed: 3))") == run.model.sample(temperature: 1, random: Random(seed: 3)))
        #expect(r.text("GPT(config: \(Self.tiny), tokenizer: names.tokenizer, random: Random(seed: 1)).parameterCount") == String(run.model.parameterCount))
        #expect(r.text("run.model.sample(temperature: 0, random: Random(seed: 3))") == "temperature must be greater than 0, got 0.0")
        #expect(r.text("try TrainingRun(config: Config(embeddingSize: 4000), dataset: names)") == "this model would have more than 10000000 parameters; steps build smaller models")
        #expect(r.text("try TrainingRun(config: Config(headCount: 3), dataset: names)") == "n_embd (16) must be divisible by n_head (3)")
    }

    @Test func trainerStepsAndAdamUpdates() throws {
        let r = Self.runner()
        _ = r.run("let names = try Dataset(path: \"data/names.txt\")\nlet trainer = try Trainer(config: \(Self.tiny), dataset: names)")
        let trainer = try Trainer(config: Self.tinyConfig, dataset: Dataset(text: Self.names))
        #expect(r.text("try trainer.lastUpdate(parameter: 0)") == "no step has been taken yet: call step() first")
        #expect(r.text("trainer.step()") == String(describing: trainer.step()))
        #expect(r.text("try trainer.lastUpdate(parameter: 5)") == String(describing: try trainer.lastUpdate(parameter: 5)))
        #expect(r.text("try trainer.lastUpdate(parameter: 5).change") == String(describing: try trainer.lastUpdate(parameter: 5).change))
        #expect(r.text("trainer.steps") == "1")
        #expect(r.text("let again = Trainer(model: trainer.model, documents: [\"ava\"])\nagain.steps") == "0")
        // A document the vocabulary cannot read is refused (the engine would train on an empty text).
        #expect(r.text("Trainer(model: trainer.model, documents: [\"ann\"])") == "document 0 cannot be trained on: the character \"n\" is not in the vocabulary")
    }

    @Test func trainingRunsAreMemoizedPerBuild() throws {
        let context = LibraryContext(chaptersDirectory: FileManager.default.temporaryDirectory)
        let dataset = Dataset(text: "ann\nbob")
        // A run already in the build's cache under this configuration's key is the one a step gets.
        var other = Self.tinyConfig
        other.steps = 1
        let cached = try TrainingRun(config: other, dataset: dataset)
        _ = context.memoized(TrainingRunKey(config: Self.tinyConfig, documents: dataset.documents, snapshots: [])) { cached }
        let code = "let run = try TrainingRun(config: \(Self.tiny), dataset: Dataset(text: \"ann\\nbob\"))\nrun.losses.count"
        #expect(Session(file: "a.md", binding: MicroGPTBinding(), context: context).run(step: code, at: StepRunner.origin).text == "1")
        #expect(Session(file: "b.md", binding: MicroGPTBinding(), context: context).run(step: code, at: StepRunner.origin).text == "1")
        let fresh = LibraryContext(chaptersDirectory: FileManager.default.temporaryDirectory)
        #expect(Session(file: "c.md", binding: MicroGPTBinding(), context: fresh).run(step: code, at: StepRunner.origin).text == "3")
    }

    @Test func slidersComputeEveryPositionAndPrintTheDefault() {
        let r = StepRunner()
        let outcome = r.run("let scores: [Double] = [1, 2]\nvary(\"temperature\", over: [0.5, 1, 2], default: 1) { t in softmax(scores, temperature: t) }")
        guard case .variants(let variants)? = outcome.display else {
            Issue.record("a slider's display is .variants, got \(String(describing: outcome.display))")
            return
        }
        #expect(variants.values == [0.5, 1, 2])
        #expect(variants.defaultIndex == 1)
        #expect(variants.results.map(\.display) == [0.5, 1.0, 2.0].map { .vector(softmax([1, 2], temperature: $0)) })
        #expect(variants.results[1].text == String(describing: softmax([1, 2], temperature: 1)))
        #expect(outcome.text == String(describing: softmax([1, 2], temperature: 1)))
        #expect(r.text("vary(\"x\", over: [1, 2], default: 2) { x in x * 10 }.results") == "[10.0, 20.0]")
    }

    @Test func valueTypesAndTheirProperties() throws {
        let r = Self.runner()
        _ = r.run("let names = try Dataset(path: \"data/names.txt\")\nlet config = \(Self.tiny)\nlet model = GPT(config: config, tokenizer: names.tokenizer, random: Random(seed: 1))")
        let model = GPT(config: Self.tinyConfig, tokenizer: Dataset(text: Self.names).tokenizer, random: Random(seed: 1))
        #expect(r.text("config.embeddingSize") == "4")
        #expect(r.text("config.headSize") == "2")
        #expect(r.text("config.learningRate") == "0.01")
        #expect(r.text("Config()") == String(describing: Config()))
        #expect(r.text("model.shapes[1].rows") == String(model.shapes[1].rows))
        #expect(r.text("model.shapes[2].name") == model.shapes[2].name)
        #expect(r.text("model.config.blockSize") == "8")
        #expect(r.text("model.parameters.count") == String(model.parameterCount))
        #expect(r.text("GPT(config: config, tokenizer: names.tokenizer, parameters: model.parameters).parameterCount") == String(model.parameterCount))
        #expect(r.text("GPT(config: config, tokenizer: names.tokenizer, parameters: [1])") == "this model needs \(model.parameterCount) parameters, got 1")
        let maps = try model.attention("ava")
        #expect(r.text("let maps = try model.attention(\"ava\")\nmaps[1].head") == "1")
        #expect(r.text("maps[0].queries") == String(describing: maps[0].queries))
        #expect(r.text("maps[0].weights[2]") == String(describing: maps[0].weights[2]))
        #expect(r.text("Distribution(symbols: [\"a\", \"b\"], probabilities: [0.25, 0.75]).mostLikely") == "b")
        #expect(r.text("Distribution(symbols: [\"a\"], probabilities: [0.25, 0.75])") == "a distribution needs one probability per symbol")
        #expect(r.text("LossCurve([3, 2, 1]).loss(atStep: 2)") == "2.0")
        #expect(r.text("LossCurve([3, 2, 1]).values") == "[3.0, 2.0, 1.0]")
        #expect(r.text("let g = Graph()\nlet x = Value(3, label: \"x\", in: g)\nlet y = (x * x).named(\"y\")\ny.backward()\ny.expressionGraph.nodes[1].localGradients") == String(describing: {
            let g = Graph(), x = Value(3, label: "x", in: g), y = (x * x).named("y")
            y.backward()
            return y.expressionGraph.nodes[1].localGradients
        }()))
        #expect(r.text("y.expressionGraph.nodes[1].operation") == "*")
        #expect(r.text("let v = vary(\"k\", over: [1, 2], default: 2) { k in k * 2 }\nprint(v.label, v.values, v.defaultIndex)\nv.results") == "k [1.0, 2.0] 1\n[2.0, 4.0]")
        #expect(r.text("let r1 = Random(seed: 5)\nlet r2 = r1.copy()\nr1.random() == r2.random()") == "true")
    }
}
