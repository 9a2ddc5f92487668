import Testing
@testable import MicroGPT

/// The network's structured backward pass against the tape, whose depth-first walk is microgpt.py's:
/// every gradient and every loss must be the same number, bit for bit.
struct NetworkTests {
    @Test(arguments: [
        Config(),
        Config(embeddingSize: 8, headCount: 2, layerCount: 2, blockSize: 8),
        Config(embeddingSize: 4, headCount: 1, layerCount: 0, blockSize: 4),
        Config(embeddingSize: 12, headCount: 3, layerCount: 3, blockSize: 10),
        Config(embeddingSize: 6, headCount: 6, layerCount: 1, blockSize: 3),
        // Widths that are not multiples of 4 or 16 (the kernels' tails), odd head sizes.
        Config(embeddingSize: 10, headCount: 2, layerCount: 1, blockSize: 6),
        Config(embeddingSize: 9, headCount: 3, layerCount: 2, blockSize: 5),
        Config(embeddingSize: 20, headCount: 4, layerCount: 1, blockSize: 7),
    ])
    func gradientsAreTheTapesBitForBit(config: Config) throws {
        let names = try Fixture.names()
        let model = GPT(config: config, tokenizer: names.tokenizer, random: Random(seed: 5))
        // One character, a long name cut at the block size, and a repeated letter (wte rows used twice).
        for document in ["a", "emma", "christopher", "annabella", "zz"] {
            let loss = try model.lossValue(document)
            loss.backward()
            let tape = (0..<model.parameterCount).map { Value(loss.graph, Int32($0)).grad }
            let trainer = Trainer(model: model, documents: [document])
            let networkLoss = trainer.step()
            let network = try (0..<model.parameterCount).map { try trainer.lastUpdate(parameter: $0).grad }
            #expect(networkLoss.bitPattern == loss.data.bitPattern, "loss of \(document)")
            let differing = (0..<model.parameterCount).filter { network[$0].bitPattern != tape[$0].bitPattern }
            #expect(differing.isEmpty, "\(document): \(differing.count) gradients differ, first at \(differing.first ?? -1)")
        }
    }

    /// Sampling without a graph draws what the tape's forward pass gives: the same probabilities.
    @Test func forwardPassIsTheTapes() throws {
        let names = try Fixture.names()
        let config = Config(embeddingSize: 8, headCount: 2, layerCount: 2, blockSize: 8)
        let model = GPT(config: config, tokenizer: names.tokenizer, random: Random(seed: 9))
        let trace = try model.forward("olivia")
        let network = Network(config: config, vocabularySize: names.tokenizer.vocabularySize, parameters: model.parameters)
        let tokens = try names.tokenizer.tokens(for: "olivia")
        #expect(network.loss(tokens: tokens, count: 7).bitPattern == trace.loss.bitPattern)
        for (p, position) in trace.positions.enumerated() {
            #expect(network.positions[p].logits.array.map(\.bitPattern) == position.logits.map(\.bitPattern))
            #expect(network.positions[p].probabilities.array.map(\.bitPattern) == position.probabilities.probabilities.map(\.bitPattern))
        }
    }
}
