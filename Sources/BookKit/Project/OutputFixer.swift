/// Rewrites a chapter's `output` blocks from the real results, leaving every other byte alone.
enum OutputFixer {
    /// The chapter's text with each step's output block holding `results[i]` (nil: leave that step
    /// alone). A step with a result but no block gets one right after it; an empty result gets none.
    static func fixed(_ chapter: Chapter, results: [String?]) -> String {
        let source = chapter.source
        let crlf = source.text.contains("\r\n")
        var lines = source.lines
        // Edits from the bottom up, so that earlier line numbers stay valid.
        for (step, result) in zip(chapter.steps, results).reversed() {
            guard let result else { continue }
            if let output = step.output {
                guard OutcomeCheck.trimmed(output.text) != result else { continue }
                let prefix = indentation(source.line(output.fence.line) ?? "", column: output.fence.column)
                lines.replaceSubrange((output.fence.line - 1)..<min(output.endLine, lines.count), with: block(result, prefix: prefix))
            } else if !result.isEmpty {
                let prefix = indentation(source.line(step.fence.line) ?? "", column: step.fence.column)
                var inserted = [""] + block(result, prefix: prefix)
                let after = min(step.endLine, lines.count)
                if after < lines.count && !lines[after].allSatisfy(\.isWhitespace) { inserted.append("") }
                lines.insert(contentsOf: inserted, at: after)
            }
        }
        return lines.joined(separator: crlf ? "\r\n" : "\n")
    }

    /// An output block holding `text`, its fence longer than any backtick run inside.
    private static func block(_ text: String, prefix: String) -> [String] {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
        return [prefix + fence + "output"] + body + [prefix + fence]
    }

    /// What stands before the fence on its line, with list markers turned into spaces (quote
    /// markers stay), so that the new lines belong to the same container.
    private static func indentation(_ line: String, column: Int) -> String {
        String(line.utf8.prefix(column - 1).map { $0 == 0x3E || $0 == 0x09 ? Character(UnicodeScalar($0)) : " " })
    }
}
