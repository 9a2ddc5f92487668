import BookKit
import BookTestSupport
import Foundation
import MicroGPT
import Testing

/// The numbers the English book is about, checked on the chapters' own step values,
/// independently of their `output` blocks.
@Suite(.ownThreads) struct KeyNumberTests {
    @Test func foundations() throws {
        let results = try Book.run("en", "00-foundations")
        #expect(results.allSatisfy { $0.outcome.diagnostics.isEmpty })
        #expect(Book.value(of: "dot([1, 2, 3], [4, 0, -1])", in: results) as? Double == 1)
        #expect(Book.value(of: "run.model.parameterCount", in: results) as? Int == 4192)
        #expect(Book.value(of: "x.grad", in: results) as? Double == 6)
        #expect(Book.value(of: "a.grad", in: results) as? Double == 12)
        #expect(Book.value(of: "encode(\"emma\")", in: results) as? [Int] == [4, 12, 12, 0])
        let tokenizer = try #require(results.first { $0.code.trimmingCharacters(in: .whitespacesAndNewlines) == "names.tokenizer" }?.value as? Tokenizer)
        #expect(tokenizer.characters.first == "a" && tokenizer.characters.last == "z")
        #expect(tokenizer.bos == 26)
        let softmaxed = try #require(Book.value(of: "softmax(scores)", in: results) as? [Double])
        #expect(abs(softmaxed.reduce(0, +) - 1) < 1e-12)
        #expect(softmaxed[0] > softmaxed[2] && softmaxed[2] > softmaxed[1])
        let untrained = try #require(Book.value(of: "initialModel.next(after: \"em\")", in: results) as? Distribution)
        #expect(untrained.probabilities.count == 27)
    }

    @Test func autogradWorkedExamples() throws {
        let results = try Book.run("en", "02-autograd")
        #expect(results.allSatisfy { $0.outcome.diagnostics.isEmpty })
        #expect(Book.value(of: "L.data", in: results) as? Double == -10)
        let sumTimesC = try #require(Book.value(of: "L.expressionGraph", in: results) as? ExpressionGraph)
        #expect(sumTimesC.nodes.first { $0.label == "a" }?.grad == 10)
        #expect(sumTimesC.nodes.first { $0.label == "c" }?.grad == -1)
        let twice = try #require(Book.value(of: "M.expressionGraph", in: results) as? ExpressionGraph)
        #expect(twice.nodes.first { $0.label == "a" }?.grad == 4)
        #expect(twice.nodes.first { $0.label == "b" }?.grad == 2)
        let dead = try #require(Book.value(of: "out.expressionGraph", in: results) as? ExpressionGraph)
        #expect(dead.nodes.last?.data == 0)
        #expect(dead.nodes.first { $0.label == "w" }?.grad == 0)
        #expect(Book.value(of: "abs(z.grad - nudged) < 1e-9", in: results) as? Bool == true)
    }

    @Test func attentionRowsSumToOne() throws {
        let results = try Book.run("en", "03-attention")
        #expect(results.allSatisfy { $0.outcome.diagnostics.isEmpty })
        let maps = try #require(Book.value(of: "try run.model.attention(\"anna\")", in: results) as? [AttentionMap])
        #expect(maps.count == 4)
        for map in maps {
            for (i, row) in map.weights.enumerated() {
                #expect(row.count == i + 1)
                #expect(abs(row.reduce(0, +) - 1) < 1e-12)
            }
        }
    }

    @Test func transformerBlockCountsEveryParameter() throws {
        let results = try Book.run("en", "04-transformer-block")
        #expect(results.allSatisfy { $0.outcome.diagnostics.isEmpty })
        #expect(Book.value(of: "for shape in run.model.shapes", in: results) as? Int == 4192)
    }

    /// The last loss and the 20 samples are microgpt.py's own (the reference output).
    @Test func trainingEndsWhereMicrogptPyEnds() throws {
        let results = try Book.run("en", "05-training", evaluating: ["u"])
        #expect(results.allSatisfy { $0.outcome.diagnostics.isEmpty })
        let reference = try String(contentsOf: Book.root.appendingPathComponent("Tests/MicroGPTTests/Fixtures/microgpt-seed42.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let samples = reference.filter { $0.hasPrefix("sample ") }.map { String($0.split(separator: ":")[1].dropFirst()) }
        let lastLoss = try #require(reference.last { $0.hasPrefix("step 1000") }?.split(separator: " ").last.flatMap { Double($0) })
        #expect(results.first { $0.code.trimmingCharacters(in: .whitespacesAndNewlines) == "run.samples" }?.value as? [String] == samples)
        let curve = try #require(Book.value(of: "run.losses", in: results) as? LossCurve)
        #expect(curve.count == 1000)
        #expect(curve.last == lastLoss)
        let update = try #require(results.first { $0.code == "=u" }?.value as? AdamUpdate)
        #expect(update.mHat == update.grad)
        #expect(abs(abs(update.change) - 0.01) < 1e-5)
    }
}
