import Foundation
import MicroGPT
import Testing

/// The hooks behind the autograd step-through and the block map record what the engine does.
struct WidgetHookTests {
    @Test func sweepRecordsTapeOrderBackwardVisitsAndTheGradientsBackwardGives() {
        let g = Graph()
        let a = Value(2, label: "a", in: g), b = Value(-3, label: "b", in: g), c = Value(10, label: "c", in: g)
        let e = (a + b).named("e")
        let l = (e * c).named("L")
        let sweep = l.sweep
        let labels = sweep.graph.nodes.map(\.label)
        // The tape set c before e; the topological sort puts e first, and backward visits it reversed.
        #expect(sweep.forwardOrder.map { labels[$0] } == ["a", "b", "c", "e", "L"])
        #expect(sweep.backwardOrder.map { labels[$0] } == ["L", "c", "e", "b", "a"])
        #expect(sweep.gradientChanges.map { $0.map { "\(labels[$0.node])=\($0.grad)" } } == [["e=10.0", "c=-1.0"], [], ["a=10.0", "b=10.0"], [], []])
        // The sweep left the tape as it found it (no gradients yet); backward() then gives the same numbers.
        #expect(a.grad == 0 && l.grad == 0)
        l.backward()
        #expect(sweep.graph.nodes.map(\.grad) == l.expressionGraph.nodes.map(\.grad))
        // After a backward() the sweep still replays one clean sweep, and the tape keeps its gradients.
        #expect(l.sweep.graph.nodes.map(\.grad) == sweep.graph.nodes.map(\.grad))
        #expect(a.grad == 10)
    }

    @Test func aValueUsedTwiceGetsItsGradientInTwoInstallments() {
        let g = Graph()
        let a = Value(2, label: "a", in: g), b = Value(3, label: "b", in: g)
        let m = a * b + a
        let sweep = m.sweep
        let aID = sweep.graph.nodes.first { $0.label == "a" }?.id
        let shares = sweep.gradientChanges.flatMap { $0 }.filter { $0.node == aID }.map(\.grad)
        #expect(shares == [1, 4])
    }

    @Test func groupsFoldTheUnnamedNodesOnlyTheirNameUses() {
        let g = Graph()
        let x = Value(1, label: "x", in: g), y = Value(2, label: "y", in: g)
        let shared = x * y  // read by both s and t: stays in view
        let s = (shared + x * x).named("s")
        let t = (shared * 2).exp().named("t")
        let out = s + t
        let sweep = out.sweep
        let labels = sweep.graph.nodes.map(\.label)
        let groups = Dictionary(uniqueKeysWithValues: sweep.groups.map { (labels[$0.node], $0.members.map { labels[$0] }) })
        #expect(Set(groups.keys) == ["s", "t"])
        #expect(groups["s"]?.count == 1)  // x * x only
        #expect(groups["t"]?.count == 1)  // shared * 2 only
        #expect(!(groups.values.flatMap { $0 }).contains(labels[sweep.graph.nodes.first { n in n.inputs.count == 2 && n.operation == "*" && n.data == 2 }?.id ?? 0]))
    }

    @Test func blockMapHoldsTheForwardPassActivationsOfEveryText() throws {
        let dataset = try Fixture.names()
        var config = Config()
        config.steps = 3
        let run = try TrainingRun(config: config, dataset: dataset)
        let map = try run.model.blockMap(["anna", "bob"], position: 1)
        #expect(map.stations.count == 6 + 13 * config.layerCount)
        #expect(map.texts.map(\.inputs.count) == [5, 4])
        let trace = try run.model.forward("bob")
        let p = trace.positions[3]
        let row = map.texts[1].values[3]
        let key = { (k: String) in map.stations.firstIndex { $0.key == k } ?? -1 }
        #expect(row[key("wte")] == run.model.matrix("wte")[p.token])
        #expect(row[key("embedding")] == p.embedding)
        #expect(row[key("weights")] == p.layers[0].heads.flatMap(\.weights))
        #expect(row[key("hidden")] == p.layers[0].hidden)
        #expect(row[key("probabilities")] == p.probabilities.probabilities)
        #expect(map.symbols.count == dataset.tokenizer.vocabularySize)
        #expect(throws: InferenceError.self) { try run.model.blockMap(["anna"], position: 5) }
        #expect(throws: InferenceError.self) { try run.model.blockMap([]) }
    }
}
