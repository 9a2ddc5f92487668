/// What the options after `swift step` ask for.
public struct StepOptions: Sendable, Hashable {
    /// `hide-code`: the code is folded away under a "show code" summary.
    public var hideCode = false
    /// `answer`: an exercise's answer, folded away until the reader asks for it.
    public var isAnswer = false
    /// `hide-output`: the result is not shown (it is still checked against an `output` block).
    public var hideOutput = false
    /// `error`: the step must fail; its error message is its output.
    public var expectsError = false
    /// `name=ID`: the step's anchor id, so that prose can link to `#ID`.
    public var name: String?
    public init() {}
}

/// Ids every page keeps for itself: the template's landmarks, and the prefixes of the ids that
/// charts and sliders are given. A step may not be named like them (its box would share an id).
public enum ReservedIDs {
    /// The ids of the page around a chapter.
    public static let template: Set<String> = ["content", "sidebar", "sidebar-title", "toc-side-title", "toc-inline-title",
                                              "search-input", "search-results"]
    /// Charts', sliders' and search results' ids start with these.
    public static let generatedPrefixes = ["chart-", "slider-", "search-result-"]

    /// Whether a step named `name` would take an id the page uses for itself.
    public static func contains(_ name: String) -> Bool {
        template.contains(name) || generatedPrefixes.contains { name.hasPrefix($0) }
    }
}

/// The `output` block right after a step: the text the step must give.
public struct OutputBlock: Sendable, Hashable {
    /// The expected text, without the final line end.
    public var text: String
    /// The opening fence's position.
    public var fence: SourceLocation
    /// Last line of the block (its closing fence).
    public var endLine: Int
    /// The code block's node in the chapter's document.
    public var node: Int
}

/// A fenced block with info string `swift step ...`.
public struct StepBlock: Sendable, Hashable {
    /// The Swift code, without the final line end.
    public var code: String
    public var options: StepOptions
    /// Position of the code's first character (the line after the fence).
    public var origin: SourceLocation
    /// The opening fence's position.
    public var fence: SourceLocation
    /// Last line of the block (its closing fence).
    public var endLine: Int
    /// The `output` block that follows, if any.
    public var output: OutputBlock?
    /// The code block's node in the chapter's document.
    public var node: Int
}

/// An inline code span `` `=expr` ``, `` `=expr | N` `` or `` `=expr | one/other` `` in prose.
public struct InlineExpression: Sendable, Hashable {
    /// The Swift expression after `=`, without the format suffix.
    public var expression: String
    /// `| N`: show a number with exactly N decimals.
    public var decimals: Int?
    /// `| шаг/шага/шагов`: the word after the number, in the form the number asks for.
    public var forms: WordForms?
    /// Position of the span's opening backtick.
    public var span: SourceLocation
    /// Position of the expression's first character.
    public var origin: SourceLocation
    /// The code span's node in the chapter's document.
    public var node: Int
}

/// A step or an inline expression, in the order the session evaluates them.
public enum ChapterItem: Sendable, Hashable {
    /// Index into `Chapter.steps`.
    case step(Int)
    /// Index into `Chapter.inlines`.
    case inline(Int)
}

/// A chapter parsed once: its Markdown tree and, pointing into it, its steps, output blocks and
/// inline expressions, with every problem found in its Markdown. Renderers read it; nothing
/// changes it.
public struct Chapter: Sendable {
    /// The file's text.
    public var source: ChapterText
    /// The Markdown tree.
    public var document: MarkdownNode
    /// The text of the first `#` heading.
    public var title: String
    public var steps: [StepBlock]
    public var inlines: [InlineExpression]
    /// `=expr | word: ...` spans: not evaluated; each shows the form asked by the value of the
    /// nearest inline expression with the same text.
    public var words: [InlineExpression] = []
    /// The chapter's sections, heading to heading, with their fingerprints and markers.
    public var sections: [ChapterSection] = []
    /// ```` ```math ```` blocks and `` `$...$` `` spans, in document order.
    public var formulas: [Formula] = []
    /// Steps and inline expressions in document order.
    public var items: [ChapterItem]
    /// Unterminated fences, unknown options, stray output blocks, a missing title.
    public var diagnostics: [Diagnostic]

    /// What the session runs: each step's code and each inline expression, in order. Two chapters
    /// with the same program give the same outcomes.
    public var program: [String] {
        items.map { item in
            switch item {
            case .step(let i): return "step\u{0}" + steps[i].code
            case .inline(let i): return "inline\u{0}" + inlines[i].expression
            }
        }
    }

    /// The inline expression (an index into `inlines`) whose value the `word:` span `word`
    /// follows: the nearest one with the same text.
    public func number(followedBy word: InlineExpression) -> Int? {
        inlines.indices.filter { inlines[$0].expression == word.expression }
            .min { abs(inlines[$0].node - word.node) < abs(inlines[$1].node - word.node) }
    }

    /// The outcome of each inline expression, by its index in `inlines`.
    public func inlineOutcomes(_ outcomes: [StepOutcome]) -> [Int: StepOutcome] {
        var found: [Int: StepOutcome] = [:]
        for (item, outcome) in zip(items, outcomes) {
            if case .inline(let i) = item { found[i] = outcome }
        }
        return found
    }

    /// Where item `item` starts; the session reports its errors relative to this.
    public func origin(of item: ChapterItem) -> SourceLocation {
        switch item {
        case .step(let i): return steps[i].origin
        case .inline(let i): return inlines[i].origin
        }
    }
}

extension Chapter {
    /// The glossary anchors the chapter links to (`glossary.html#term` -> `term`), in document order.
    public var glossaryLinks: [String] {
        document.nodes.compactMap { node in
            guard case .link(let destination, _) = node.kind, destination.hasPrefix("glossary.html#") else { return nil }
            return String(destination.dropFirst("glossary.html#".count))
        }
    }
}
