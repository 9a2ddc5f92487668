/// The training scrubber: a slider over every step of a run showing, for a chosen parameter,
/// Adam's numbers at that step (value, gradient, m, v, m̂, v̂, update) and the model at the nearest
/// checkpoint (held-out loss, samples, next character). The static form (no script, print, EPUB)
/// is two tables: the checkpoints, and the first parameter's Adam numbers at them.
struct TrainingScrubberWidget: Hashable, Sendable {
    let timeline: TrainingTimelineDisplay
    let language: String

    /// Without `interactive` (EPUB) only the static form, and no data for a script.
    func html(interactive: Bool = true) -> String {
        let words = InterfaceText.forLanguage(language).trainingScrubber
        let separator = WidgetJSON.separator(for: language)
        func n(_ x: Double) -> String { WidgetJSON.shown(x, separator: separator) }
        var html = "<figure class=\"widget training-scrubber\"" + (interactive ? " data-widget=\"training-scrubber\"" : "") + "><div class=\"widget-static\">"
        let nextTitle = timeline.prefix.isEmpty ? words.nextFirst : AttentionLabWidget.fill(words.next, [timeline.prefix])
        let rows = timeline.checkpoints.map { c in
            [String(c.step), n(c.heldOutLoss),
             zip(c.nextSymbols, c.nextProbabilities).prefix(3).map { "\(SVG.symbol($0)) \(n($1))" }.joined(separator: ", "),
             c.samples.joined(separator: " ")]
        }
        html += Tables.rows(caption: words.checkpointCaption,
                            header: [words.stepColumn, AttentionLabWidget.fill(words.heldOut, [String(timeline.heldOutCount)]),
                                     nextTitle, words.samples], rows: rows)
        if let track = timeline.tracks.first {
            let steps = timeline.checkpoints.map { max($0.step, 1) }.filter { $0 <= track.grads.count }
            let adamRows = steps.map { t in
                [String(t), n(track.grads[t - 1]), n(track.m[t - 1]), n(track.v[t - 1]), n(track.mHat[t - 1]),
                 n(track.vHat[t - 1]), n(track.change[t - 1]), n(track.after[t - 1])]
            }
            html += Tables.rows(caption: AttentionLabWidget.fill(words.adamCaption, [track.name]),
                                header: [words.stepColumn, words.grad, words.m, words.v, words.mHat, words.vHat, words.update, words.after],
                                rows: adamRows)
        }
        guard interactive else { return html + "</div></figure>" }
        let data = Self.memo.text(self) { json(words: words, separator: separator) }
        return html + "</div>" + WidgetJSON.script(data) + "</figure>"
    }

    private static let memo = WidgetMemo<TrainingScrubberWidget>()

    private func json(words: InterfaceText.TrainingScrubberWords, separator: String) -> String {
        let tracks = timeline.tracks.map { t in
            WidgetJSON.object(["name": WidgetJSON.string(t.name), "initial": WidgetJSON.number(t.initial),
                               "g": WidgetJSON.numbers(t.grads), "m": WidgetJSON.numbers(t.m), "v": WidgetJSON.numbers(t.v),
                               "mh": WidgetJSON.numbers(t.mHat), "vh": WidgetJSON.numbers(t.vHat),
                               "after": WidgetJSON.numbers(t.after), "change": WidgetJSON.numbers(t.change)])
        }
        let checkpoints = timeline.checkpoints.map { c in
            WidgetJSON.object(["step": String(c.step), "loss": WidgetJSON.number(c.heldOutLoss), "samples": WidgetJSON.strings(c.samples),
                               "symbols": WidgetJSON.strings(c.nextSymbols.map(SVG.symbol)), "p": WidgetJSON.numbers(c.nextProbabilities)])
        }
        return WidgetJSON.object([
            "separator": WidgetJSON.string(separator), "words": WidgetJSON.encoded(words),
            "prefix": WidgetJSON.string(timeline.prefix), "heldOut": String(timeline.heldOutCount),
            "loss": WidgetJSON.numbers(timeline.losses), "lr": WidgetJSON.numbers(timeline.learningRates),
            "tracks": "[" + tracks.joined(separator: ",") + "]", "checkpoints": "[" + checkpoints.joined(separator: ",") + "]",
        ])
    }
}
