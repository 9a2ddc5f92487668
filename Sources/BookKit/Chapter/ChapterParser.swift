/// A chapter parsed for the build: its parts, the cmark document they came from (for splicing
/// results in), and every problem found in its Markdown.
public struct ParsedChapter {
    public var chapter: Chapter
    /// The cmark tree; rendering changes it, so render each parsed chapter once.
    public let document: MarkdownDocument
    /// The code block of `chapter.steps[i]`.
    let stepNodes: [MarkdownNode]
    /// The `output` block of a step, by step index.
    let outputNodes: [Int: MarkdownNode]
    /// The code span of `chapter.inlines[i]`.
    let inlineNodes: [MarkdownNode]
    /// Unterminated fences, unknown options, stray output blocks, a missing title.
    public var diagnostics: [Diagnostic]
}

/// Reads steps, `output` blocks and inline expressions out of a chapter's Markdown.
public enum ChapterParser {
    /// Parses `source`; problems are collected, never thrown, so that all of them get reported.
    public static func parse(_ source: ChapterText) -> ParsedChapter {
        let document = MarkdownDocument(source.text)
        var chapter = Chapter(source: source, title: "", steps: [], inlines: [], items: [])
        var stepNodes: [MarkdownNode] = [], inlineNodes: [MarkdownNode] = []
        var outputNodes: [Int: MarkdownNode] = [:]
        var diagnostics: [Diagnostic] = []
        var names: Set<String> = []
        var spansByBlock: [MarkdownNode: [CodeSpan]] = [:]

        for node in document.nodes {
            switch node.kind {
            case .heading where node.headingLevel == 1 && chapter.title.isEmpty:
                chapter.title = node.plainText.trimmingCharacters(in: .whitespaces)
            case .codeBlock:
                guard let fence = Fence(node, in: source) else { continue }  // indented code
                if !fence.isClosed(node, in: source) {
                    diagnostics.append(source.diagnostic(
                        "unterminated code fence: the \(fence.marker) opened here is never closed; add a line \(fence.marker) after the block",
                        line: node.startLine, column: fence.column))
                }
                let words = node.fenceInfo.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if words.count >= 2 && words[0] == "swift" && words[1] == "step" {
                    var options = StepOptions()
                    for word in words.dropFirst(2) {
                        if let problem = apply(word, to: &options, names: &names) {
                            diagnostics.append(source.diagnostic(problem, line: node.startLine, column: fence.column(of: word, line: node.startLine, in: source)))
                        }
                    }
                    chapter.items.append(.step(chapter.steps.count))
                    chapter.steps.append(StepBlock(
                        code: trimmedLiteral(node), options: options,
                        origin: source.location(line: node.startLine + 1, column: fence.column),
                        fence: source.location(line: node.startLine, column: fence.column),
                        endLine: node.endLine, output: nil))
                    stepNodes.append(node)
                } else if words.first == "output" {
                    if let step = stepNodes.last, node.previous == step, chapter.steps[chapter.steps.count - 1].output == nil {
                        let index = chapter.steps.count - 1
                        chapter.steps[index].output = OutputBlock(
                            text: trimmedLiteral(node),
                            fence: source.location(line: node.startLine, column: fence.column), endLine: node.endLine)
                        outputNodes[index] = node
                    } else {
                        diagnostics.append(source.diagnostic(
                            "an output block must come right after a swift step block", line: node.startLine, column: fence.column))
                    }
                }
            case .code:
                guard let literal = node.literal, literal.hasPrefix("=") else { continue }
                guard let block = enclosingBlock(node) else { continue }
                if spansByBlock[block] == nil {
                    spansByBlock[block] = CodeSpans.find(in: source, lines: block.startLine, block.endLine)
                }
                var spans = spansByBlock[block] ?? []
                // The next span in the text with the same content is this node's.
                while let first = spans.first, first.literal != literal { spans.removeFirst() }
                let span = spans.first
                spansByBlock[block] = Array(spans.dropFirst())
                let (expression, decimals) = splitFormat(String(literal.dropFirst()))
                let offset = literal.utf8.count - String(literal.dropFirst()).drop(while: { $0 == " " }).utf8.count
                let start: (line: Int, column: Int) = span.map { (line: $0.opening.line, column: $0.opening.column) } ?? (block.startLine, block.startColumn)
                let exprStart: (line: Int, column: Int) = span.flatMap { offset < $0.positions.count ? $0.positions[offset] : nil } ?? start
                let inline = InlineExpression(expression: expression, decimals: decimals,
                                              span: source.location(line: start.line, column: start.column),
                                              origin: source.location(line: exprStart.line, column: exprStart.column))
                if expression.isEmpty {
                    diagnostics.append(source.diagnostic("empty inline expression: write `=expression`", line: start.line, column: start.column))
                    continue
                }
                chapter.items.append(.inline(chapter.inlines.count))
                chapter.inlines.append(inline)
                inlineNodes.append(node)
            default:
                break
            }
        }
        if chapter.title.isEmpty {
            diagnostics.append(source.diagnostic("the chapter has no title: expected a first-level heading `# Title`", line: 1, column: 1))
        }
        return ParsedChapter(chapter: chapter, document: document, stepNodes: stepNodes, outputNodes: outputNodes,
                             inlineNodes: inlineNodes, diagnostics: diagnostics)
    }

    /// Applies one option word; returns what is wrong with it, if anything.
    private static func apply(_ word: String, to options: inout StepOptions, names: inout Set<String>) -> String? {
        switch word {
        case "hide-code": options.hideCode = true
        case "hide-output": options.hideOutput = true
        case "error": options.expectsError = true
        case "answer": options.isAnswer = true
        default:
            guard word.hasPrefix("name=") else {
                return "unknown step option '\(word)'; expected hide-code, hide-output, error, answer or name=ID"
            }
            let name = String(word.dropFirst(5))
            guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return "step name '\(name)' is not an id: use letters, digits, '-' and '_', starting with a letter"
            }
            guard names.insert(name).inserted else { return "another step in this chapter is already named '\(name)'" }
            options.name = name
        }
        return nil
    }

    /// `expr | 4` -> (`expr`, 4); without a format suffix, decimals are nil.
    static func splitFormat(_ text: String) -> (String, Int?) {
        if let bar = text.lastIndex(of: "|") {
            let digits = text[text.index(after: bar)...].trimmingCharacters(in: .whitespaces)
            let before = text[..<bar]
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), n <= 12, !before.hasSuffix("|") {
                return (before.trimmingCharacters(in: .whitespaces), n)
            }
        }
        return (text.trimmingCharacters(in: .whitespaces), nil)
    }

    private static func trimmedLiteral(_ node: MarkdownNode) -> String {
        var text = (node.literal ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The paragraph or heading a code span sits in (the block whose lines hold it).
    private static func enclosingBlock(_ node: MarkdownNode) -> MarkdownNode? {
        var current = node.parent
        while let block = current, block.kind != .paragraph && block.kind != .heading { current = block.parent }
        return current
    }
}
