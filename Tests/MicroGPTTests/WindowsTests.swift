import Foundation
import Testing
@testable import MicroGPT

struct WindowsTests {
    /// The inference pass does training's arithmetic: its loss is step 1's loss, to the bit.
    @Test func inferenceLossIsTheTrainingLoss() throws {
        let trainer = try Trainer(config: Config(), dataset: try Fixture.names())
        let model = trainer.model
        let document = trainer.documents[0]
        #expect(try model.loss(document) == trainer.step())
        #expect(try model.loss(document) == 3.3659669475848504)
    }

    @Test func traceStationsAreConsistent() throws {
        let model = GPT(config: Config(), tokenizer: try Fixture.names().tokenizer, random: Random(seed: 42))
        let trace = try model.forward("anna")
        #expect(trace.positions.count == 5)
        #expect(trace.positions.map(\.symbol) == ["⟨BOS⟩", "a", "n", "n", "a"])
        #expect(trace.positions.map(\.targetSymbol) == ["a", "n", "n", "a", "⟨BOS⟩"])
        for p in trace.positions {
            #expect(abs(p.probabilities.sum - 1) < 1e-12)
            #expect(p.probabilities.probabilities == softmax(p.logits))
            #expect(p.loss == -log(p.probabilities.probabilities[p.target]))
            let layer = p.layers[0]
            #expect(layer.activated == layer.hidden.map(relu))
            #expect(zip(layer.input, layer.attention).map { $0 + $1 } == layer.residual1)
            #expect(layer.heads.allSatisfy { $0.weights.count == p.position + 1 })
        }
        #expect(abs(trace.loss - trace.positions.map(\.loss).reduce(0, +) / 5) < 1e-12)
    }

    @Test func attentionRowsSumToOneAndGrow() throws {
        let model = GPT(config: Config(), tokenizer: try Fixture.names().tokenizer, random: Random(seed: 42))
        let maps = try model.attention("emma")
        #expect(maps.count == 4)
        for map in maps {
            #expect(map.queries == ["⟨BOS⟩", "e", "m", "m", "a"])
            for (i, row) in map.weights.enumerated() {
                #expect(row.count == i + 1)
                #expect(abs(row.reduce(0, +) - 1) < 1e-12)
            }
        }
    }

    @Test func nextAfterPrefixIsTheLastPositionsDistribution() throws {
        let model = GPT(config: Config(), tokenizer: try Fixture.names().tokenizer, random: Random(seed: 42))
        let next = try model.next(after: "em")
        let trace = try model.forward("em")
        #expect(next == trace.positions[2].probabilities)
        #expect(next.symbols.count == 27)
        let top = next.top(5)
        #expect(top.symbols.count == 6)
        #expect(abs(top.sum - 1) < 1e-12)
        #expect(top.probabilities.dropLast().elementsEqual(top.probabilities.dropLast().sorted(by: >)))
        #expect(throws: TokenizerError.self) { try model.next(after: "Ä") }
        #expect(throws: InferenceError.self) { try model.next(after: String(repeating: "a", count: 16)) }
        #expect(throws: InferenceError.self) { try model.attention("anna", layer: 1) }
    }

    @Test func mathHelpers() {
        #expect(dot([1, 2, 3], [4, 0, -1]) == 1)
        #expect(matvec([[1, 2], [3, 4]], [1, 1]) == [3, 7])
        let n = rmsnorm([3, 4])
        #expect(abs((n[0] * n[0] + n[1] * n[1]) / 2 - 1) < 1e-5)
        #expect(abs(derivative(at: 3) { $0 * $0 } - 6) < 1e-6)
        #expect(rounded(2.34567, places: 2) == 2.35)
        // A small negative rounds to plain zero: "-0.0" never reaches a page.
        #expect(rounded(-0.004, places: 2).sign == .plus)
        #expect("\(rounded([-0.001, -0.3], places: 2))" == "[0.0, -0.3]")
        let v = vary("t", over: [0.5, 1], default: 1) { $0 * 2 }
        #expect(v.results == [1, 2])
        #expect(v.description == "2.0")
    }
}
