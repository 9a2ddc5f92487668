import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// The engine values behind the pages' interactive widgets: the attention lab and the training
    /// timeline (read from the memoized run: nothing trains again).
    func registerWidgets(in library: Library) {
        library.method(GPT.self, "func attentionLab(_ texts: [String], dataset: Dataset, layer: Int = 0) throws -> AttentionLab") { a in
            let model: GPT = try a.this(), texts: [String] = try a(0)
            guard texts.count <= 40 else { throw StepFailure("an attention lab holds at most 40 texts, got \(texts.count)") }
            for text in texts {
                try EngineCost.charge(a, parameters: model.parameterCount, positions: min(text.unicodeScalars.count + 1, model.config.blockSize))
            }
            return try model.attentionLab(texts, dataset: try a(1), layer: try a(2))
        }
        library.properties(AttentionLab.self, ["layer": \.layer, "headSize": \.headSize, "root": \.root, "texts": \.texts])
        library.properties(AttentionLabText.self, ["text": \.text, "inDataset": \.inDataset, "symbols": \.symbols, "heads": \.heads])
        library.properties(AttentionLabHead.self, ["head": \.head, "queries": \.queries, "keys": \.keys, "values": \.values,
                                                   "dots": \.dots, "scores": \.scores, "weights": \.weights, "outputs": \.outputs])

        library.method(TrainingRun.self, "func timeline(prefix: String = \"\", heldOut: Int = 20, samples: Int = 6, temperature: Double = 0.5, seed: Int = 1) throws -> TrainingTimeline") { a in
            let run: TrainingRun = try a.this(), prefix: String = try a(0), heldOut: Int = try a(1), samples: Int = try a(2)
            let temperature: Double = try a(3)
            guard (1...200).contains(heldOut) else { throw StepFailure("heldOut must be between 1 and 200, got \(heldOut)") }
            guard (0...20).contains(samples) else { throw StepFailure("samples must be between 0 and 20, got \(samples)") }
            guard temperature > 0, temperature.isFinite else { throw StepFailure("the temperature must be above zero, got \(temperature)") }
            let parameters = run.model.parameterCount, block = run.config.blockSize
            let marks = run.timelineSteps.count
            try EngineCost.charge(a, parameters: parameters, positions: block, runs: EngineCost.product(marks, heldOut + samples + 1))
            return try run.timeline(prefix: prefix, heldOut: heldOut, samples: samples, temperature: temperature, seed: try a(4))
        }
        library.properties(TrainingRun.self, ["adamTracks": \.adamTracks, "timelineSteps": \.timelineSteps])
        library.properties(TrainingTimeline.self, ["steps": \.steps, "losses": \.losses, "learningRates": \.learningRates,
                                                   "tracks": \.tracks, "prefix": \.prefix, "heldOutCount": \.heldOutCount,
                                                   "checkpoints": \.checkpoints])
        library.properties(TrainingCheckpoint.self, ["step": \.step, "heldOutLoss": \.heldOutLoss, "samples": \.samples, "next": \.next])
        library.properties(AdamTrack.self, ["parameter": \.parameter, "initial": \.initial, "updates": \.updates])
        library.properties(WatchedParameter.self, ["matrix": \.matrix, "row": \.row, "rowLabel": \.rowLabel, "column": \.column,
                                                   "index": \.index])
    }
}

extension AttentionLabDisplay {
    /// The lab's numbers as the engine computed them.
    init(_ lab: AttentionLab) {
        self.init(layer: lab.layer, headSize: lab.headSize, root: lab.root, texts: lab.texts.map { text in
            AttentionLabDisplay.Text(text: text.text, inDataset: text.inDataset, symbols: text.symbols, heads: text.heads.map { h in
                AttentionLabDisplay.Head(queries: h.queries, keys: h.keys, values: h.values, dots: h.dots, scores: h.scores,
                                         weights: h.weights, outputs: h.outputs)
            })
        })
    }
}

extension TrainingTimelineDisplay {
    /// The timeline's numbers as the engine computed them; each checkpoint's distribution cut to
    /// its eight most likely characters and the rest.
    init(_ timeline: TrainingTimeline) {
        self.init(
            losses: timeline.losses, learningRates: timeline.learningRates,
            tracks: timeline.tracks.map { t in
                TrainingTimelineDisplay.Track(
                    name: t.parameter.description, initial: t.initial, grads: t.updates.map(\.grad), m: t.updates.map(\.m),
                    v: t.updates.map(\.v), mHat: t.updates.map(\.mHat), vHat: t.updates.map(\.vHat),
                    after: t.updates.map(\.after), change: t.updates.map(\.change))
            },
            prefix: timeline.prefix, heldOutCount: timeline.heldOutCount,
            checkpoints: timeline.checkpoints.map { c in
                let top = c.next.top(8)
                return TrainingTimelineDisplay.Checkpoint(step: c.step, heldOutLoss: c.heldOutLoss, samples: c.samples,
                                                          nextSymbols: top.symbols, nextProbabilities: top.probabilities)
            })
    }
}
