/// One chapter's body as HTML, drawn from the parsed chapter and its step outcomes: steps as code
/// and result, output blocks left out (the real result stands in their place), inline expressions
/// as text, headings with ids. Nothing is patched afterwards.
struct ChapterBody {
    /// Ids the page template uses; headings and step names must not take them.
    static let templateIDs = ReservedIDs.template

    let chapter: Chapter
    /// The outcome of each of `chapter.items`.
    let outcomes: [StepOutcome]
    let language: String
    /// Pages with scripts (the site) show sliders; others (EPUB) show a slider's default result.
    var interactive = true
    /// Where a link in the chapter leads in this output.
    var linkTarget: (String) -> String = { $0 }
    /// HTML before and after headings, by node index, and after the last block (see `PageAdditions`).
    var beforeHeading: [Int: String] = [:]
    var afterHeading: [Int: String] = [:]
    var atEnd = ""
    /// Every formula of the book as KaTeX typeset it (the site draws `html`, EPUB `mathml`).
    var math: [FormulaKey: TypesetFormula] = [:]

    /// Each inline expression's text in this language, by node index; a `word:` span's form is
    /// the one asked by the nearest inline expression with the same text.
    var inlineTexts: [Int: String] {
        var texts: [Int: String] = [:]
        let byInline = chapter.inlineOutcomes(outcomes)
        for (i, outcome) in byInline {
            texts[chapter.inlines[i].node] = InlineText.text(outcome, chapter.inlines[i], language: language)
        }
        for word in chapter.words {
            guard let i = chapter.number(followedBy: word), let outcome = byInline[i] else { continue }
            var asShown = chapter.inlines[i]
            asShown.forms = word.forms
            texts[word.node] = InlineText.text(outcome, asShown, language: language)
        }
        return texts
    }

    /// Every heading with the id it gets: unique on the page, never a template id or a step's name.
    func headings() -> [(node: Int, heading: Heading)] { headings(inlineTexts) }

    private func headings(_ texts: [Int: String]) -> [(node: Int, heading: Heading)] {
        var names = UniqueNames(used: Self.templateIDs.union(chapter.steps.compactMap(\.options.name)))
        var found: [(node: Int, heading: Heading)] = []
        chapter.document.walk { node, _ in
            guard node.headingLevel > 0 else { return }
            let text = Self.plainText(node, texts)
            found.append((node.index, Heading(level: node.headingLevel, id: names.claim(Slug.make(text)), text: text)))
        }
        return found
    }

    /// The chapter rendered; `afterTitle` gets the headings and returns what follows the title.
    func render(ids: PageIDs, afterTitle: ([Heading]) -> String) -> RenderedChapter {
        let texts = inlineTexts
        let headings = headings(texts)
        // Charts and sliders name their ids after their content: they step around the ids the
        // page already has (a heading may read like a chart's id).
        ids.reserve(headings.map(\.heading.id) + chapter.steps.compactMap(\.options.name) + Self.templateIDs)
        var steps: [Int: Int] = [:], outputs: Set<Int> = []
        for (i, step) in chapter.steps.enumerated() {
            steps[step.node] = i
            if let output = step.output { outputs.insert(output.node) }
        }
        let formulas = Dictionary(chapter.formulas.map { ($0.node, $0) }, uniquingKeysWith: { a, _ in a })
        var outcomeOfStep: [Int: StepOutcome] = [:]
        for (item, outcome) in zip(chapter.items, outcomes) {
            if case .step(let i) = item { outcomeOfStep[i] = outcome }
        }
        var markdown = MarkdownHTML()
        markdown.headingIDs = Dictionary(uniqueKeysWithValues: headings.map { ($0.node, $0.heading.id) })
        markdown.afterFirstTitle = afterTitle(headings.map(\.heading))
        markdown.linkTarget = linkTarget
        (markdown.beforeHeading, markdown.afterHeading) = (beforeHeading, afterHeading)
        markdown.replacement = { node in
            if let i = steps[node.index], let outcome = outcomeOfStep[i] {
                return .block(stepHTML(chapter.steps[i], outcome, ids: ids))
            }
            if outputs.contains(node.index) { return .nothing }
            if let formula = formulas[node.index] { return .block(MathHTML.html(formula, math[formula.key], interactive: interactive)) }
            if let text = texts[node.index] { return .text(text) }
            return nil
        }
        var body = markdown.html(chapter.document) + atEnd
        let title = headings.first { $0.heading.level == 1 }?.heading.text ?? chapter.title
        if !headings.contains(where: { $0.heading.level == 1 }) {
            body = "<h1>\(HTML.escape(title))</h1>" + markdown.afterFirstTitle + body
        }
        return RenderedChapter(slug: "", title: title, body: body, headings: headings.map(\.heading))
    }

    /// A step's box: its code and its result, as the options ask.
    private func stepHTML(_ step: StepBlock, _ outcome: StepOutcome, ids: PageIDs) -> String {
        var result = ""
        if !step.options.hideOutput {
            if step.options.expectsError {
                result = Presenter.plainHTML(OutcomeCheck.resultText(step, outcome) ?? "")
            } else {
                result = Presenter.html(outcome, language: language, ids: ids, interactive: interactive)
            }
        }
        return Presenter.step(code: step.code, result: result, language: language, id: step.options.name,
                              codeHidden: step.options.hideCode, answer: step.options.isAnswer)
    }

    /// A heading's text as the reader sees it, inline expressions replaced by their values.
    private static func plainText(_ node: MarkdownNode, _ texts: [Int: String]) -> String {
        if let text = texts[node.index] { return text }
        switch node.kind {
        case .text, .code: return node.literal
        case .softBreak, .lineBreak: return " "
        default: return node.children.map { plainText($0, texts) }.joined()
        }
    }
}
