import Foundation

extension GPT {
    /// Names drawn one character at a time as microgpt.py's inference loop draws them: start at
    /// BOS, scale the logits by 1/temperature, softmax, `random.choices`, stop at BOS or the block size.
    public func samples(count: Int, temperature: Double, random: Random) -> [String] {
        guard count > 0, temperature > 0 else { return [] }
        let graph = Graph(parameters: parameters)
        let scale = graph.libmPow(temperature, -1)
        return (0..<count).map { _ in
            graph.truncate(to: parameterCount)
            var forward = Forward(config: config, shapes: shapes, graph: graph)
            var token = tokenizer.bos
            var name: [Int] = []
            for position in 0..<config.blockSize {
                let logits = forward(token: token, position: position)
                let probabilities = forward.softmax(logits.map { graph.multiply($0, constant: scale) })
                token = random.choices(weights: probabilities.map { graph.data($0) })
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
