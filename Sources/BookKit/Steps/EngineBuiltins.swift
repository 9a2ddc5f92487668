import Foundation
import MicroGPT

extension Library {
    /// Scalar autograd: graphs and values.
    func registerAutograd() {
        function("func Graph() -> Graph") { _ in Graph() }
        property("Graph", "count") { (g: Graph) in g.count }
        property("Graph", "scalarCount") { (g: Graph) in g.scalarCount }
        function("func Value(_ data: Double, label: String = \"\", in graph: Graph) -> Value") { a in
            Value(try a(0), label: try a(1), in: try a(2))
        }
        property("Value", "data") { (v: Value) in v.data }
        property("Value", "grad") { (v: Value) in v.grad }
        property("Value", "label") { (v: Value) in v.label }
        property("Value", "expressionGraph") { (v: Value) in v.expressionGraph }
        method("Value", "func backward()") { a in (try a.this() as Value).backward(); return nil }
        method("Value", "func pow(_ exponent: Double) -> Value") { a in (try a.this() as Value).pow(try a(0)) }
        method("Value", "func log() -> Value") { a in (try a.this() as Value).log() }
        method("Value", "func exp() -> Value") { a in (try a.this() as Value).exp() }
        method("Value", "func relu() -> Value") { a in (try a.this() as Value).relu() }
        method("Value", "func named(_ label: String) -> Value") { a in (try a.this() as Value).named(try a(0)) }
        function("func sum(_ values: [Value]) -> Value") { a in
            let values: [Value] = try a(0)
            guard let first = values.first else { throw StepError("sum needs at least one value") }
            guard values.allSatisfy({ $0.graph === first.graph }) else { throw StepError("these values live on different graphs") }
            return sum(values)
        }
    }

    /// The model, its windows, training and sliders.
    func registerModel(context: LibraryContext) {
        function("func Config(seed: Int = 42, embeddingSize: Int = 16, headCount: Int = 4, layerCount: Int = 1, blockSize: Int = 16, steps: Int = 1000, learningRate: Double = 0.01, beta1: Double = 0.85, beta2: Double = 0.99, epsilon: Double = 1e-8, initStd: Double = 0.08, temperature: Double = 0.5, sampleCount: Int = 20) -> Config") { a in
            Config(seed: try a(0), embeddingSize: try a(1), headCount: try a(2), layerCount: try a(3), blockSize: try a(4),
                   steps: try a(5), learningRate: try a(6), beta1: try a(7), beta2: try a(8), epsilon: try a(9),
                   initStd: try a(10), temperature: try a(11), sampleCount: try a(12))
        }
        property("Config", "headSize") { (c: Config) in c.headSize }
        property("GPT", "parameterCount") { (m: GPT) in m.parameterCount }
        property("MatrixShape", "count") { (s: MatrixShape) in s.count }
        method("GPT", "func matrix(_ name: String) -> [[Double]]") { a in (try a.this() as GPT).matrix(try a(0)) }
        method("GPT", "func forward(_ document: String) throws -> Trace") { a in try (try a.this() as GPT).forward(try a(0)) }
        method("GPT", "func next(after prefix: String) throws -> Distribution") { a in try (try a.this() as GPT).next(after: try a(0)) }
        method("GPT", "func lossValue(_ document: String) throws -> Value") { a in try (try a.this() as GPT).lossValue(try a(0)) }
        method("GPT", "func loss(_ document: String) throws -> Double") { a in try (try a.this() as GPT).loss(try a(0)) }
        method("GPT", "func attention(_ text: String, layer: Int = 0) throws -> [AttentionMap]") { a in
            try (try a.this() as GPT).attention(try a(0), layer: try a(1))
        }
        method("GPT", "func samples(count: Int, temperature: Double, seed: Int) -> [String]") { a in
            let count: Int = try a(0), t: Double = try a(1)
            guard count >= 0, count <= 10_000 else { throw StepError("count must be between 0 and 10000") }
            guard t > 0 else { throw StepError("temperature must be greater than 0, got \(t)") }
            return (try a.this() as GPT).samples(count: count, temperature: t, seed: try a(2))
        }
        method("GPT", "func sample(temperature: Double, random: Random) -> String") { a in
            let t: Double = try a(0)
            guard t > 0 else { throw StepError("temperature must be greater than 0, got \(t)") }
            return (try a.this() as GPT).sample(temperature: t, random: try a(1))
        }
        function("func Distribution(symbols: [String], probabilities: [Double]) -> Distribution") { a in
            let symbols: [String] = try a(0), probabilities: [Double] = try a(1)
            guard symbols.count == probabilities.count else { throw StepError("symbols and probabilities must have the same length") }
            return Distribution(symbols: symbols, probabilities: probabilities)
        }
        property("Distribution", "sum") { (d: Distribution) in d.sum }
        property("Distribution", "mostLikely") { (d: Distribution) in d.mostLikely }
        method("Distribution", "func top(_ k: Int) -> Distribution") { a in (try a.this() as Distribution).top(try a(0)) }
        method("Distribution", "func probability(of symbol: String) -> Double") { a in (try a.this() as Distribution).probability(of: try a(0)) }

        function("func TrainingRun(config: Config = Config(), dataset: Dataset, snapshots: [Int] = []) throws -> TrainingRun") { a in
            let config: Config = try a(0), dataset: Dataset = try a(1), snapshots: [Int] = try a(2)
            let key = "run:\(config)|\(dataset.count)|\(dataset.hashValue)|\(snapshots)"
            return try context.memoized(key) { try TrainingRun(config: config, dataset: dataset, snapshots: snapshots) }
        }
        property("TrainingRun", "finalLoss") { (r: TrainingRun) in r.finalLoss }
        method("TrainingRun", "func model(atStep step: Int) -> GPT") { a in (try a.this() as TrainingRun).model(atStep: try a(0)) }
        property("LossCurve", "count") { (c: LossCurve) in c.count }
        property("LossCurve", "first") { (c: LossCurve) in c.first }
        property("LossCurve", "last") { (c: LossCurve) in c.last }
        method("LossCurve", "func loss(atStep step: Int) -> Double") { a in (try a.this() as LossCurve).loss(atStep: try a(0)) }
        method("LossCurve", "func mean(of steps: ClosedRange<Int>) -> Double") { a in (try a.this() as LossCurve).mean(of: try a(0)) }
        method("LossCurve", "func smoothed(window: Int) -> [Double]") { a in (try a.this() as LossCurve).smoothed(window: try a(0)) }

        function("func Trainer(config: Config, dataset: Dataset) throws -> Trainer") { a in try Trainer(config: try a(0), dataset: try a(1)) }
        property("Trainer", "model") { (t: Trainer) in t.model }
        property("Trainer", "steps") { (t: Trainer) in t.steps }
        method("Trainer", "func step() -> Double") { a in (try a.this() as Trainer).step() }
        method("Trainer", "func lastUpdate(parameter index: Int) throws -> AdamUpdate") { a in try (try a.this() as Trainer).lastUpdate(parameter: try a(0)) }
        property("AdamUpdate", "change") { (u: AdamUpdate) in u.change }

        function("func vary(_ label: String, over values: [Double], default: Double, _ body: (Double) -> Any) -> Variants") { a in
            let values: [Double] = try a(1), f = try a.function(3)
            guard values.count <= 50 else { throw StepError("a slider has at most 50 positions") }
            let results = try values.map { x -> Any in
                guard let result = try f(x) else { throw StepError("the closure must return a value") }
                return result
            }
            return vary(try a(0), over: values, default: try a(2)) { x in results[values.firstIndex(of: x) ?? 0] }
        }
    }
}
