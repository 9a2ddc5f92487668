extension InterfaceText {
    /// The attention lab's words; `{1}`, `{2}`, ... are filled by the page script (and here for the
    /// static form) with names, symbols and numbers.
    struct AttentionLabWords: Codable, Sendable {
        /// Controls: the text, the head, the query position.
        let text, head, position: String
        /// After a text in the list: whether the data set has it.
        let inData, notInData: String
        /// The query vector's label ({1} position, {2} its symbol, {3} head).
        let queryLabel: String
        /// Table columns: key position, key vector, dot product, score, weight, value vector.
        let keyColumn, keyVector, dotColumn, scoreColumn, weightColumn, valueColumn: String
        /// The last row: the weighted sum of the values.
        let outputRow: String
        /// Read out when the choice changes ({1} text, {2} head, {3} position, {4} symbol, {5} weights).
        let summary: String
        /// Above the heatmaps ({1} text), and each one's label ({1} head).
        let headsTitle, headLabel: String
        /// How to drive it.
        let hint: String
    }

    /// The training scrubber's words.
    struct TrainingScrubberWords: Codable, Sendable {
        let parameter, step: String
        /// The Adam panel's title ({1} step), and before any step.
        let adamTitle, initialTitle: String
        /// The Adam panel's rows.
        let stepLoss, learningRate, before, grad, m, v, mHat, vHat, update, after, initialValue: String
        /// The checkpoint panel ({1} steps), its held-out loss ({1} how many names), samples, and the
        /// next character after a prefix ({1}) or at the start of a name.
        let checkpointTitle, heldOut, samples, next, nextFirst: String
        /// The static tables' captions ({1} parameter) and column heads.
        let adamCaption, checkpointCaption, stepColumn, mostLikely: String
        /// Read out when the step changes ({1} step, {2} parameter, {3} value after, {4} checkpoint step).
        let summary: String
        let hint: String
    }
}

/// The words of the autograd step-through, from `Resources/interface/<language>.json` (`sweep`).
/// Templates fill `{1}`, `{2}`, ... in the page's script.
struct SweepWords: Sendable, Codable, Hashable {
    /// The figure's caption and the controls' group name.
    let title: String
    let controls: String
    /// Buttons: to the start, one step back, play, pause, one step on, to the end.
    let start, back, play, pause, step, end: String
    /// The step slider's name, and its value as read out ({1} step, {2} of how many).
    let position: String
    let positionValue: String
    /// Heading of the fold buttons, and each button ({1} the group's name, {2} how many it hides).
    let groups: String
    let fold: String
    /// Before anything is computed.
    let idle: String
    /// A forward step ({1} step, {2} steps, {3} the node, its formula and its data).
    let forward: String
    /// An input's data ({1} its value), shown in place of a formula.
    let input: String
    /// The backward sweep's start ({1} the output's name).
    let seed: String
    /// A visit that passes gradients on ({1} visit, {2} visits, {3} node, {4} its gradient, {5} what it adds).
    let visit: String
    /// A visit of an input, which passes nothing on ({1} visit, {2} visits, {3} node, {4} its gradient).
    let leaf: String
    /// The scrolling picture's name (it also takes the arrow keys).
    let canvas: String
}

/// The words of the block map, from `Resources/interface/<language>.json` (`blockMap`).
struct BlockMapWords: Sendable, Codable, Hashable {
    /// The figure's caption.
    let title: String
    /// The two pickers.
    let name, position: String
    /// A position in the position picker ({1} index, {2} what it reads, {3} what it should predict).
    let positionOption: String
    /// The parts of the model, as the map groups its stations ({1} the block's number).
    let embedding, attention, mlp, output: String
    /// The chosen station's heading ({1} station, {2} name, {3} position) and its link to the book.
    let shown: String
    let read: String
    /// The static table: caption ({1} name, {2} position) and column heads.
    let table: String
    let station, shape, values: String
    /// A row of a station split in rows (a head: {1} its number).
    let row: String
    /// Hint next to the map: pick a station.
    let hint: String
}
