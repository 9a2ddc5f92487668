import Foundation
import Testing
@testable import MicroGPT

struct AutogradTests {
    @Test func workedExampleSumTimesC() {
        let g = Graph()
        let a = Value(2, label: "a", in: g), b = Value(-3, label: "b", in: g), c = Value(10, label: "c", in: g)
        let L = (a + b) * c
        L.backward()
        #expect(L.data == -10)
        #expect([a.grad, b.grad, c.grad] == [10, 10, -1])
        #expect(L.expressionGraph.nodes.count == 5)
    }

    /// A power keeps its exponent for the picture; its gradient is what it was.
    @Test func aPowerShowsItsExponent() {
        let g = Graph()
        let x = Value(4, label: "x", in: g)
        let y = (1.0 / x).named("y")
        y.backward()
        #expect(x.grad == -1.0 / 16)
        let nodes = y.expressionGraph.nodes
        #expect(nodes.map(\.operation) == ["", "pow -1.0", "* 1.0"])
        #expect(y.expressionGraph.description.contains("= pow(x, -1.0)"))
        #expect(x.pow(0.5).expressionGraph.nodes.last?.operation == "pow 0.5")
    }

    @Test func aVariableUsedTwiceCollectsBothGradients() {
        let g = Graph()
        let a = Value(2, in: g), b = Value(3, in: g)
        let L = a * b + a
        L.backward()
        #expect(a.grad == 4)
        #expect(b.grad == 2)
    }

    @Test func deadReluPassesNoGradient() {
        let g = Graph()
        let x = Value(2, in: g), w = Value(3, in: g), b = Value(-10, in: g)
        let y = (x * w + b).relu()
        y.backward()
        #expect(y.data == 0)
        #expect([x.grad, w.grad, b.grad] == [0, 0, 0])
    }

    /// Random expressions built from every operation, against central differences.
    @Test func gradientsMatchFiniteDifferences() {
        let random = Random(seed: 1)
        for _ in 0..<50 {
            let inputs = (0..<3).map { _ in random.uniform(0.5, 2) }
            func f(_ v: [Value]) -> Value {
                let s = v[0] * v[1] - v[2] / v[0]
                return (s.exp() + v[1].pow(3)).log() * v[2] + (v[0] - 1.5).relu() + sum([v[0], v[1], v[2]])
            }
            let g = Graph()
            let values = inputs.map { Value($0, in: g) }
            let out = f(values)
            out.backward()
            for i in 0..<3 {
                let h = 1e-6
                var up = inputs, down = inputs
                up[i] += h; down[i] -= h
                let upGraph = Graph(), downGraph = Graph()
                let numeric = (f(up.map { Value($0, in: upGraph) }).data - f(down.map { Value($0, in: downGraph) }).data) / (2 * h)
                #expect(abs(numeric - values[i].grad) < 1e-5 * max(1, abs(numeric)))
            }
        }
    }

    /// The tape's gradient of the GPT loss against central differences of the inference loss.
    @Test func gptLossGradientMatchesFiniteDifferences() throws {
        let config = Config(embeddingSize: 8, headCount: 2, blockSize: 8)
        let names = try Fixture.names()
        let model = GPT(config: config, tokenizer: names.tokenizer, random: Random(seed: 3))
        let trainer = Trainer(model: model, documents: ["emma"])
        trainer.step()
        for index in [0, 100, 300, model.parameterCount - 1] {
            let grad = try trainer.lastUpdate(parameter: index).grad
            let h = 1e-6
            var up = model, down = model
            up.parameters[index] += h
            down.parameters[index] -= h
            let numeric = (try up.loss("emma") - down.loss("emma")) / (2 * h)
            #expect(abs(numeric - grad) < 1e-6 + 1e-4 * abs(grad))
        }
    }
}
