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
