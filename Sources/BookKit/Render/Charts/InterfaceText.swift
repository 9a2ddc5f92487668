import Foundation

/// The words of the site's interface in one language: navigation, buttons, chart titles and axes,
/// read from `Resources/interface/<language>.json` (translators edit those files, not code).
///
/// Templates hold `{1}`, `{2}`, ... where `filled(_:_:)` puts its arguments; a count's word
/// takes its forms in the placeholder, `{1 | step/steps}`.
struct InterfaceText: Sendable, Codable {
    /// The language code, e.g. `en`.
    let language: String
    /// The language's name in itself (English, Русский, Eesti).
    let languageName: String
    /// The book's title on index pages and in every page's header.
    let bookTitle: String
    /// The root page's invitation to pick an edition.
    let chooseLanguage: String
    /// Heading of the sidebar's chapter list.
    let chapters: String
    /// Heading of a page's own contents list.
    let onThisPage: String
    /// Link to the previous chapter.
    let previous: String
    /// Link to the next chapter.
    let next: String
    /// Link back to the edition's index.
    let contents: String
    /// Summary of a folded step whose code is hidden.
    let showCode: String
    /// The button that unfolds an exercise's answer.
    let showAnswer: String
    /// Label of a step's result.
    let output: String
    /// The theme toggle's accessible name.
    let toggleTheme: String
    /// The language switcher's accessible name.
    let languageLabel: String
    /// The phone menu button.
    let menu: String
    /// The link that skips the navigation.
    let skipToContent: String
    /// Under a translated section whose English changed since: the notice and its link to the English.
    let staleSection: String
    let englishOriginal: String
    /// Before the chapters that link to a glossary entry.
    let usedIn: String
    /// The search box: its accessible name, placeholder, the result list's name, and what it says
    /// when nothing is found (`{1}`: the query).
    let searchLabel: String
    let searchPlaceholder: String
    let searchResults: String
    let searchNothing: String

    /// Bar chart of a distribution: title, axes, description ({1} count, {2} top entries).
    let distributionTitle: String
    let characterAxis: String
    let probabilityAxis: String
    let distributionDescription: String
    /// Attention heatmap: title ({1} layer, {2} head), axes, description ({1} queries, {2} keys).
    let attentionTitle: String
    let queryAxis: String
    let keyAxis: String
    let attentionDescription: String
    /// Generic matrix heatmap / table: title ({1} rows, {2} columns).
    let matrixTitle: String
    let matrixDescription: String
    /// A vector: title ({1} count).
    let vectorTitle: String
    /// Loss curve: title, axes, legend, description ({1} steps, {2} first, {3} last).
    let lossTitle: String
    let stepAxis: String
    let lossAxis: String
    let rawLegend: String
    let smoothedLegend: String
    let lossDescription: String
    /// Autograd graph: title, description ({1} nodes, {2} output label).
    let graphTitle: String
    let graphDescription: String
    /// Sampled names: title ({1} count).
    let samplesTitle: String
    /// A forward pass, one row per position: caption ({1} loss) and column heads.
    let traceTitle: String
    let positionColumn: String
    let inputColumn: String
    let targetColumn: String
    let targetProbabilityColumn: String
    /// The interactive widgets' words (see WidgetWords.swift).
    let attentionLab: AttentionLabWords
    let trainingScrubber: TrainingScrubberWords
    /// The autograd step-through and the block map.
    let sweep: SweepWords
    let blockMap: BlockMapWords
    /// The 3D views' words (Render/Widgets/Scene3D*).
    let scene3D: Scene3DWords

    /// The words of the 3D views: controls, captions ({n} as in `filled`), table heads.
    struct Scene3DWords: Sendable, Codable {
        /// The stage's role description, its keys, the reset button, the table's summary, a share as a percentage ({1}).
        let view, keys, reset, numbers, percent: String
        /// The sliders: a training step, a query position.
        let stepSlider, querySlider: String
        /// Embeddings: title ({1} steps), readout ({1}-{3} each axis's share, {4} together), the token column.
        let embeddingsTitle, embeddingsReadout, tokenColumn: String
        /// Loss landscape: title; readout ({1}, {2} the directions' shares, {3} step, {4} loss on the plane, {5} the model's loss); columns.
        let landscapeTitle, landscapeReadout, firstDirection, secondDirection, planeLoss, modelLoss: String
        /// Queries and keys: title ({1} layer, {2} head); readout ({1} position, {2} its character, {3} key position,
        /// {4} its character, {5} weight, {6} share kept); columns.
        let queryKeyTitle, queryKeyReadout, score, weight: String
    }

    /// The table for `language`; English when the language is unknown.
    static func forLanguage(_ language: String) -> InterfaceText {
        guard let english = tables["en"] else {
            preconditionFailure("the interface words in the tool's resources (interface/en.json) are missing or broken")
        }
        return tables[language] ?? english
    }

    /// The languages that have a table, in the root page's order.
    static let languages = ["en", "ru", "et"]

    /// Every language's table, read once. The files ship with the tool (book_BookKit.resources), so a
    /// missing one is a broken installation, not a user's mistake.
    private static let tables: [String: InterfaceText] = {
        var tables: [String: InterfaceText] = [:]
        for language in languages {
            if let data = try? Assets.data("interface/\(language).json"),
               let table = try? JSONDecoder().decode(InterfaceText.self, from: data) {
                tables[language] = table
            }
        }
        return tables
    }()

    /// What goes into a template's placeholder.
    enum Argument {
        /// Text as it is (a label, a number already formatted).
        case text(String)
        /// A count: written in the language's number format, and it chooses the placeholder's word form.
        case count(Int)
    }

    /// `template` with each `{1}`, `{2}`, ... replaced by the argument of that number; a
    /// placeholder with word forms, `{1 | шаг/шага/шагов}`, also gets the form its count asks for
    /// (the same forms as an inline expression's, see `WordForms`).
    func filled(_ template: String, _ arguments: Argument...) -> String {
        let format = NumberFormat(language: language)
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "|", maxSplits: 1)
            if let number = parts.first.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
               arguments.indices.contains(number - 1) {
                out += Self.text(arguments[number - 1], forms: parts.count > 1 ? WordForms(parsing: parts[1]) : nil,
                                 format: format)
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// One argument as the placeholder shows it.
    private static func text(_ argument: Argument, forms: WordForms?, format: NumberFormat) -> String {
        switch argument {
        case .text(let text): return text
        case .count(let n):
            let shown = format.shown(n)
            guard let forms, let word = InlineText.word(forms, for: shown, language: format.language) else { return shown.text }
            return forms.wordOnly ? word : shown.text + "\u{00A0}" + word
        }
    }

    /// Every placeholder's word forms in this table, by the word's name, for checking their count.
    var wordForms: [(word: String, forms: WordForms)] {
        templates.flatMap { label, template -> [(word: String, forms: WordForms)] in
            return template.split(separator: "{").dropFirst().compactMap { piece in
                guard let close = piece.firstIndex(of: "}") else { return nil }
                let parts = piece[..<close].split(separator: "|", maxSplits: 1)
                return parts.count > 1 ? WordForms(parsing: parts[1]).map { (label, $0) } : nil
            }
        }
    }

    /// Every text of the table by its name, a group's texts (`scene3D.reset`) included.
    var templates: [(label: String, text: String)] {
        func texts(_ value: Any, _ prefix: String) -> [(label: String, text: String)] {
            Mirror(reflecting: value).children.flatMap { child -> [(label: String, text: String)] in
                let label = prefix + (child.label ?? "?")
                if let text = child.value as? String { return [(label, text)] }
                return texts(child.value, label + ".")
            }
        }
        return texts(self, "")
    }
}
