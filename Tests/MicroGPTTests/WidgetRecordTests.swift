import Testing
@testable import MicroGPT

/// The records behind the pages' widgets read the engine without changing it: the attention lab's
/// numbers are the forward pass's, and the Adam tracks a run keeps are the updates a trainer makes.
struct WidgetRecordTests {
    static let config = Config(seed: 3, embeddingSize: 8, headCount: 2, layerCount: 1, blockSize: 8, steps: 30)

    @Test func attentionLabHoldsTheForwardPassNumbers() throws {
        let names = try Fixture.names()
        let run = try TrainingRun(config: Self.config, dataset: names)
        let lab = try run.model.attentionLab(["emma", "zzq"], dataset: names)
        #expect(lab.texts.map(\.inDataset) == [true, false])
        #expect(lab.root == 2)
        let trace = try run.model.forward("emma")
        let text = lab.texts[0]
        #expect(text.symbols == ["⟨BOS⟩", "e", "m", "m", "a"])
        for (h, head) in text.heads.enumerated() {
            for i in trace.positions.indices {
                let layer = trace.positions[i].layers[0]
                #expect(head.queries[i] == Array(layer.query[h * 4..<(h + 1) * 4]))
                #expect(head.scores[i] == layer.heads[h].scores)
                #expect(head.weights[i] == layer.heads[h].weights)
                #expect(head.outputs[i] == layer.heads[h].output)
                // The score is the dot product times 1/√d, as the forward pass takes it.
                #expect(head.dots[i].map { $0 * (1 / lab.root) } == head.scores[i])
                #expect(head.weights[i] == softmax(head.scores[i]))
            }
        }
        #expect(throws: InferenceError.self) { try run.model.attentionLab(["abcdefghij"], dataset: names) }
    }

    @Test func aRunsAdamTracksAreTheTrainersUpdates() throws {
        let names = try Fixture.names()
        let run = try TrainingRun(config: Self.config, dataset: names)
        #expect(run.adamTracks.map(\.parameter.description)
                == ["wte[a][0]", "wpe[0][0]", "layer0.attn_wq[0][0]", "layer0.mlp_fc1[0][0]", "layer0.mlp_fc2[0][0]", "lm_head[a][0]"])
        let trainer = try Trainer(config: Self.config, dataset: names)
        for track in run.adamTracks { #expect(track.initial == trainer.model.parameters[track.parameter.index]) }
        for step in 1...Self.config.steps {
            trainer.step()
            for track in run.adamTracks {
                #expect(track.updates[step - 1] == (try trainer.lastUpdate(parameter: track.parameter.index)))
            }
        }
        // Watching changes nothing: the run ends with the trainer's weights.
        #expect(run.model.parameters == trainer.model.parameters)
        // A 30-step run keeps every step (a twentieth rounds up to 1); the timeline shows every other.
        #expect(run.checkpoints == Array(0...30))
        #expect(run.timelineSteps == Array(stride(from: 0, through: 30, by: 2)))
    }

    @Test func timelineCheckpointsAreTheModelsAtThoseSteps() throws {
        let names = try Fixture.names()
        let run = try TrainingRun(config: Self.config, dataset: names)
        let timeline = try run.timeline(prefix: "a", heldOut: 5, samples: 3)
        #expect(timeline.checkpoints.map(\.step) == run.timelineSteps)
        #expect(timeline.losses == run.losses.values && timeline.heldOutCount == 5)
        let held = Array(run.documents[Self.config.steps..<(Self.config.steps + 5)])
        for c in timeline.checkpoints {
            let model = run.model(atStep: c.step)
            var total = 0.0
            for document in held { total += try model.loss(document) }
            #expect(c.heldOutLoss == total / 5)
            #expect(c.samples == model.samples(count: 3, temperature: 0.5, seed: 1))
            #expect(c.next == (try model.next(after: "a")))
        }
        #expect(timeline.learningRates[0] == Self.config.learningRate)
        #expect(timeline.learningRates == run.adamTracks[0].updates.map(\.learningRate))
    }
}
