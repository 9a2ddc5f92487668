/// A whole run laid out for a scrubber: every step's loss and learning rate, Adam's numbers for the
/// watched parameters at every step, and at each checkpoint what the model then knew.
public struct TrainingTimeline: Sendable, CustomStringConvertible {
    /// Steps in the run.
    public let steps: Int
    /// Step `t`'s training loss is `losses[t - 1]`.
    public let losses: [Double]
    /// Step `t`'s learning rate `lr_t` is `learningRates[t - 1]`.
    public let learningRates: [Double]
    /// The watched parameters, step by step.
    public let tracks: [AdamTrack]
    /// The text after which `TrainingCheckpoint.next` is the next character's distribution.
    public let prefix: String
    /// How many documents the held-out loss averages over (documents the run never trains on).
    public let heldOutCount: Int
    /// The checkpoints, in step order.
    public let checkpoints: [TrainingCheckpoint]

    public var description: String {
        let after = prefix.isEmpty ? "the first character" : "after \"\(prefix)\""
        var lines = ["\(steps) steps; Adam followed for " + tracks.map { "\($0.parameter)" }.joined(separator: ", ")]
        lines.append("step  held-out loss  most likely \(after)  samples")
        for c in checkpoints {
            let top = c.next.mostLikely
            lines.append("\(c.step)  \(fixed(c.heldOutLoss, 4))  \(top) \(fixed(c.next.probability(of: top), 4))  "
                         + c.samples.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}

/// The model after `step` steps of a run.
public struct TrainingCheckpoint: Sendable {
    public let step: Int
    /// The mean loss over the held-out documents.
    public let heldOutLoss: Double
    /// Names it samples (the same dice at every checkpoint).
    public let samples: [String]
    /// The distribution of the character after BOS + the timeline's prefix.
    public let next: Distribution
}

extension TrainingRun {
    /// The timeline's steps: every other kept checkpoint (0, every tenth of the run) and the last,
    /// all of them models the run kept, so that nothing trains again.
    public var timelineSteps: [Int] {
        var marks = checkpoints.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        if marks.last != config.steps { marks.append(config.steps) }
        return marks
    }

    /// The run as a timeline: at each of `timelineSteps`, the held-out loss over `heldOut`
    /// documents the run never trained on (or its first ones, when it trained on all), `samples`
    /// names at `temperature` from `seed`, and the distribution after `prefix`.
    public func timeline(prefix: String = "", heldOut: Int = 20, samples: Int = 6, temperature: Double = 0.5,
                         seed: Int = 1) throws -> TrainingTimeline {
        let unseen = documents.dropFirst(config.steps)
        let evaluation = Array((unseen.isEmpty ? documents[...] : unseen).prefix(max(1, heldOut)))
        let checkpoints = try timelineSteps.map { step in
            let model = self.model(atStep: step)
            var total = 0.0
            for document in evaluation { total += try model.loss(document) }
            return TrainingCheckpoint(step: step, heldOutLoss: total / Double(evaluation.count),
                                      samples: model.samples(count: samples, temperature: temperature, seed: seed),
                                      next: try model.next(after: prefix))
        }
        let rates = (0..<config.steps).map { t in config.learningRate * (1 - Double(t) / Double(config.steps)) }
        return TrainingTimeline(steps: config.steps, losses: losses.values, learningRates: rates, tracks: adamTracks,
                                prefix: prefix, heldOutCount: evaluation.count, checkpoints: checkpoints)
    }
}
