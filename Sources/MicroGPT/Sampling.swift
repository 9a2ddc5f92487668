import Foundation

extension GPT {
    /// Names drawn one character at a time as microgpt.py's inference loop draws them: start at
    /// BOS, scale the logits by 1/temperature, softmax, `random.choices`, stop at BOS or the block size.
    /// Nothing is recorded for a backward pass: the network computes the same numbers without a graph.
    public func samples(count: Int, temperature: Double, random: Random) -> [String] {
        guard count > 0, temperature > 0 else { return [] }
        let network = Network(config: config, vocabularySize: tokenizer.vocabularySize, parameters: parameters)
        let v = tokenizer.vocabularySize
        // `l / temperature` is `l * temperature ** -1`.
        let scale = libmPow(temperature, -1)
        let arena = Arena()
        let scaled = arena.vector(v), exps = arena.vector(v), probabilities = arena.vector(v)
        var weights = [Double](repeating: 0, count: v)
        return (0..<count).map { _ in
            var token = tokenizer.bos
            var name: [Int] = []
            for position in 0..<config.blockSize {
                network.forward(token: token, position: position)
                let logits = network.positions[position].logits
                for t in 0..<v { scaled[t] = logits[t] * scale }
                _ = network.softmax(scaled, count: v, exps: exps, into: probabilities)
                for t in 0..<v { weights[t] = probabilities[t] }
                token = random.choices(weights: weights)
                if token == tokenizer.bos { break }
                name.append(token)
            }
            return tokenizer.decode(name)
        }
    }

    /// One name sampled with `random`.
    public func sample(temperature: Double, random: Random) -> String {
        samples(count: 1, temperature: temperature, random: random).first ?? ""
    }

    /// `count` names from a fresh generator seeded with `seed`.
    public func samples(count: Int, temperature: Double, seed: Int) -> [String] {
        samples(count: count, temperature: temperature, random: Random(seed: seed))
    }
}
