/// Reads steps, `output` blocks and inline expressions out of a chapter's Markdown.
public enum ChapterParser {
    /// Parses `source`; problems are collected, never thrown, so that all of them get reported.
    public static func parse(_ source: ChapterText) -> Chapter {
        var reader = Reader(source: source)
        let document = MarkdownParser.parse(source.text, lines: source.lines)
        reader.read(document.children)
        reader.checkWords()
        var chapter = reader.chapter
        chapter.document = document
        chapter.sections = ChapterSection.read(chapter)
        if chapter.title.isEmpty {
            chapter.diagnostics.append(source.diagnostic(.missingTitle, "the chapter has no title: expected a first-level heading `# Title`", line: 1, column: 1))
        }
        return chapter
    }

    /// Walks the tree in document order, collecting the chapter's parts.
    private struct Reader {
        let source: ChapterText
        var chapter: Chapter
        var names: Set<String> = []

        init(source: ChapterText) {
            self.source = source
            chapter = Chapter(source: source, document: MarkdownNode(kind: .document, start: SourcePoint(line: 1, column: 1), endLine: 1, index: 0),
                              title: "", steps: [], inlines: [], words: [], items: [], diagnostics: [])
        }

        /// Reads sibling nodes; an output block belongs to the step right before it.
        mutating func read(_ nodes: [MarkdownNode]) {
            var previousWasStep = false
            for node in nodes {
                let wasStep = previousWasStep
                previousWasStep = false
                switch node.kind {
                case .heading(let level) where level == 1 && chapter.title.isEmpty:
                    chapter.title = node.plainText.trimmingCharacters(in: .whitespaces)
                    read(node.children)
                case .codeBlock:
                    previousWasStep = codeBlock(node, afterStep: wasStep)
                case .code:
                    code(node)
                case .link(let destination, _) where !SafeLink.allowsLink(destination):
                    unsafe(node, destination, "links may go to http, https or mailto addresses or to relative targets; the link is shown as plain text")
                    read(node.children)
                case .image(let source, _) where !SafeLink.allowsImage(source):
                    unsafe(node, source, "images may come from relative paths or be data:image/png, gif, jpeg or webp; the image is shown as its description")
                default:
                    read(node.children)
                }
            }
        }

        /// A warning at a link or image whose target a page may not carry: at the target when it
        /// stands in the source after the link's start, else at the link itself.
        private mutating func unsafe(_ node: MarkdownNode, _ target: String, _ rule: String) {
            var place = node.start
            let last = min(node.endLine, source.lines.count)
            if !target.isEmpty, node.start.line <= last {
                for number in node.start.line...last {
                    guard let line = source.line(number) else { continue }
                    let from = number == node.start.line ? min(max(0, node.start.column - 1), line.utf8.count) : 0
                    let start = String.Index(line.utf8.index(line.startIndex, offsetBy: from), within: line) ?? line.startIndex
                    guard let found = line.range(of: target, range: start..<line.endIndex) else { continue }
                    place = SourcePoint(line: number, column: line.utf8.distance(from: line.startIndex, to: found.lowerBound) + 1)
                    break
                }
            }
            chapter.diagnostics.append(source.diagnostic(.unsafeLink, "'\(SafeLink.quoted(target))' may not stand in a page: \(rule)",
                                                         line: place.line, column: place.column, severity: .warning))
        }

        /// A step, an output block or other code; true when it was a step.
        private mutating func codeBlock(_ node: MarkdownNode, afterStep: Bool) -> Bool {
            guard let fence = Fence(node, in: source) else {
                // Indented code: shown as it is, unless it was meant as a step.
                if let (id, message) = AlmostStep.problem(indented: node.literal) {
                    chapter.diagnostics.append(source.diagnostic(id, message, line: node.start.line, column: node.start.column, severity: .warning))
                }
                return false
            }
            if !fence.isClosed(node, in: source) {
                chapter.diagnostics.append(source.diagnostic(.unterminatedFence,
                    "unterminated code fence: the \(fence.marker) opened here is never closed; add a line \(fence.marker) after the block",
                    line: node.start.line, column: fence.column))
            }
            let words = node.fenceInfo.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.count >= 2 && words[0] == "swift" && words[1] == "step" {
                var options = StepOptions()
                for word in words.dropFirst(2) {
                    if let (id, problem) = ChapterParser.apply(word, to: &options, names: &names) {
                        chapter.diagnostics.append(source.diagnostic(id, problem, line: node.start.line,
                                                                     column: fence.column(of: word, line: node.start.line, in: source)))
                    }
                }
                chapter.items.append(.step(chapter.steps.count))
                chapter.steps.append(StepBlock(
                    code: ChapterParser.trimmedLiteral(node), options: options,
                    origin: source.location(line: node.start.line + 1, column: fence.column),
                    fence: source.location(line: node.start.line, column: fence.column),
                    endLine: node.endLine, output: nil, node: node.index))
                return true
            }
            if let (id, message) = AlmostStep.problem(info: node.fenceInfo) {
                chapter.diagnostics.append(source.diagnostic(id, message, line: node.start.line,
                                                             column: fence.infoColumn(line: node.start.line, in: source), severity: .warning))
            }
            if words.first == "math" {
                let fenceLocation = source.location(line: node.start.line, column: fence.column)
                let formula = Formula.block(node, text: ChapterParser.trimmedLiteral(node), fence: fenceLocation, source: source)
                if formula.tex.allSatisfy(\.isWhitespace) {
                    chapter.diagnostics.append(source.diagnostic(.emptyFormula, "empty math block: write the formula in TeX between the fences",
                                                                 line: node.start.line, column: fence.column))
                } else {
                    chapter.formulas.append(formula)
                }
            }
            if words.first == "output" {
                if afterStep, let last = chapter.steps.indices.last, chapter.steps[last].output == nil {
                    chapter.steps[last].output = OutputBlock(
                        text: ChapterParser.trimmedLiteral(node), fence: source.location(line: node.start.line, column: fence.column),
                        endLine: node.endLine, node: node.index)
                } else {
                    chapter.diagnostics.append(source.diagnostic(.strayOutput,
                        "an output block must come right after a swift step block", line: node.start.line, column: fence.column))
                }
            }
            return false
        }

        /// A code span starting with `=`: an inline expression.
        private mutating func code(_ node: MarkdownNode) {
            let literal = node.literal
            if let formula = Formula.inline(node, file: source.file) {
                if formula.tex.allSatisfy(\.isWhitespace) {
                    chapter.diagnostics.append(source.diagnostic(.emptyFormula, "empty formula: write TeX between the dollar signs, `$x^2$`",
                                                                 line: node.start.line, column: node.start.column))
                } else {
                    chapter.formulas.append(formula)
                }
                return
            }
            guard literal.hasPrefix("=") else { return }
            let (expression, format) = ChapterParser.splitFormat(String(literal.dropFirst()))
            let offset = literal.utf8.count - String(literal.dropFirst()).drop(while: { $0 == " " }).utf8.count
            let exprStart = offset < node.literalPositions.count ? node.literalPositions[offset] : node.start
            if expression.isEmpty {
                chapter.diagnostics.append(source.diagnostic(.emptyInline, "empty inline expression: write `=expression`",
                                                             line: node.start.line, column: node.start.column))
                return
            }
            let inline = InlineExpression(
                expression: expression, decimals: format.decimals, forms: format.forms,
                span: source.location(line: node.start.line, column: node.start.column),
                origin: source.location(line: exprStart.line, column: exprStart.column), node: node.index)
            // A word alone is not evaluated: it reads the value shown by the same expression nearby,
            // so that translations keep English's program whatever their word order.
            if format.forms?.wordOnly == true {
                chapter.words.append(inline)
                return
            }
            chapter.items.append(.inline(chapter.inlines.count))
            chapter.inlines.append(inline)
        }

        /// Word-only spans whose expression is shown nowhere in the chapter have no number to follow.
        mutating func checkWords() {
            let shown = Set(chapter.inlines.map(\.expression))
            for word in chapter.words where !shown.contains(word.expression) {
                chapter.diagnostics.append(source.diagnostic(.wordWithoutNumber,
                    "'\(word.expression)' is not shown as a number in this chapter; a `word:` form follows the value of an inline expression `=\(word.expression)` nearby",
                    line: word.span.line, column: word.span.column))
            }
        }
    }

    /// Applies one option word; returns what is wrong with it, if anything.
    fileprivate static func apply(_ word: String, to options: inout StepOptions, names: inout Set<String>) -> (DiagnosticID, String)? {
        switch word {
        case "hide-code": options.hideCode = true
        case "hide-output": options.hideOutput = true
        case "error": options.expectsError = true
        case "answer": options.isAnswer = true
        default:
            guard word.hasPrefix("name=") else {
                return (.unknownStepOption, "unknown step option '\(word)'; expected hide-code, hide-output, error, answer or name=ID")
            }
            let name = String(word.dropFirst(5))
            guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return (.badStepName, "step name '\(name)' is not an id: use letters, digits, '-' and '_', starting with a letter")
            }
            guard !ReservedIDs.contains(name) else {
                return (.reservedStepName, "step name '\(name)' is an id the page keeps for itself (\(ReservedIDs.template.sorted().joined(separator: ", ")), and names starting with \(ReservedIDs.generatedPrefixes.joined(separator: ", ")); choose another name")
            }
            guard names.insert(name).inserted else { return (.duplicateStepName, "another step in this chapter is already named '\(name)'") }
            options.name = name
        }
        return nil
    }

    /// What follows an inline expression's `|`: decimals, word forms, or both (`expr | 2 | шага/шагов`).
    struct InlineFormat: Equatable {
        var decimals: Int?
        var forms: WordForms?
    }

    /// `expr | 4` -> (`expr`, 4 decimals); `expr | шаг/шага/шагов` -> (`expr`, those forms);
    /// `expr | 2 | шага/шагов` -> both. A suffix that is neither stays part of the expression.
    static func splitFormat(_ text: String) -> (String, InlineFormat) {
        var rest = Substring(text)
        var format = InlineFormat()
        if let (before, after) = lastSuffix(rest), let forms = WordForms(parsing: after) {
            format.forms = forms
            rest = before
        }
        if let (before, after) = lastSuffix(rest) {
            let digits = after.trimmingCharacters(in: .whitespaces)
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), n <= 12 {
                format.decimals = n
                rest = before
            }
        }
        return (rest.trimmingCharacters(in: .whitespaces), format)
    }

    /// The text around the last lone `|` (not half of `||`).
    private static func lastSuffix(_ text: Substring) -> (Substring, Substring)? {
        guard let bar = text.lastIndex(of: "|") else { return nil }
        let before = text[..<bar]
        guard !before.hasSuffix("|") else { return nil }
        return (before, text[text.index(after: bar)...])
    }

    fileprivate static func trimmedLiteral(_ node: MarkdownNode) -> String {
        var text = node.literal.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
