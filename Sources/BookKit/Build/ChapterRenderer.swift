/// Splices results into a parsed chapter's cmark tree and renders it.
enum ChapterRenderer {
    /// Ids the page template uses; headings and step names must not take them.
    static let templateIDs: Set<String> = ["content", "sidebar", "sidebar-title", "toc-side-title", "toc-inline-title"]

    /// The chapter page's body for `language`: steps as code and result, outputs dropped (the real
    /// result stands in their place), inline expressions as text, headings with ids.
    static func render(_ parsed: ParsedChapter, slug: String, outcomes: [StepOutcome], language: String) -> RenderedChapter {
        let chapter = parsed.chapter
        let document = parsed.document
        var reserved = templateIDs
        for (item, outcome) in zip(chapter.items, outcomes) {
            switch item {
            case .step(let i):
                let step = chapter.steps[i]
                var result = ""
                if !step.options.hideOutput {
                    if step.options.expectsError {
                        result = Presenter.html(value: nil, text: OutcomeCheck.resultText(step, outcome) ?? "", language: language)
                    } else {
                        result = Presenter.html(value: outcome.value, text: OutcomeCheck.trimmed(outcome.text), language: language)
                    }
                }
                var html = Presenter.step(code: step.code, result: result, language: language, codeHidden: step.options.hideCode,
                                          answer: step.options.isAnswer)
                if let name = step.options.name {
                    reserved.insert(name)
                    let open = "<div class=\"step\""
                    if html.hasPrefix(open) { html = open + " id=\"\(HTML.escape(name))\"" + html.dropFirst(open.count) }
                }
                document.replace(parsed.stepNodes[i], withHTML: html)
                if let output = parsed.outputNodes[i] { document.remove(output) }
            case .inline(let i):
                let inline = chapter.inlines[i]
                document.replace(parsed.inlineNodes[i], withText: InlineText.text(outcome, decimals: inline.decimals, language: language))
            }
        }
        PipeTables.apply(to: document, lines: chapter.source.lines)
        let anchors = document.anchorHeadings(reserved: reserved)
        let title = anchors.first { $0.level == 1 }?.text ?? chapter.title
        return RenderedChapter(slug: slug, title: title, body: document.html(),
                               headings: anchors.map { Heading(level: $0.level, id: $0.id, text: $0.text) })
    }
}
