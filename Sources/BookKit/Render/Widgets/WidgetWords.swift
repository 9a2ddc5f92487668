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
