/// Rewrites a chapter's `output` blocks from the real results, leaving every other byte alone:
/// each line keeps its own line end, so a file that mixes `\n`, `\r\n` and `\r` stays mixed.
enum OutputFixer {
    /// One line of the file and the line end after it.
    private struct Line {
        var text: String
        var end: String
    }

    /// The chapter's text with each step's output block holding `results[i]` (nil: leave that step
    /// alone). A step with a result but no block gets one right after it; an empty result gets none.
    static func fixed(_ chapter: Chapter, results: [String?]) -> String {
        let source = chapter.source
        var lines = zip(source.lines, source.lineEnds).map { Line(text: $0, end: $1) }
        // A new line takes the line end of the line it stands in for, or the file's first one.
        let usual = source.lineEnds.first { !$0.isEmpty } ?? "\n"
        func end(ofLine index: Int) -> String { lines[index].end.isEmpty ? usual : lines[index].end }
        // Edits from the bottom up, so that earlier line numbers stay valid.
        for (step, result) in zip(chapter.steps, results).reversed() {
            guard let result else { continue }
            if let output = step.output {
                guard OutcomeCheck.trimmed(output.text) != result else { continue }
                let first = output.fence.line - 1, last = min(output.endLine, lines.count) - 1
                guard first >= 0, first <= last else { continue }
                let prefix = indentation(source.line(output.fence.line) ?? "", column: output.fence.column)
                var new = block(result, prefix: prefix).map { Line(text: $0, end: end(ofLine: first)) }
                new[new.count - 1].end = lines[last].end  // the block's last line ends as the old one did
                lines.replaceSubrange(first...last, with: new)
            } else if !result.isEmpty {
                let last = min(step.endLine, lines.count) - 1
                guard last >= 0 else { continue }
                let prefix = indentation(source.line(step.fence.line) ?? "", column: step.fence.column)
                // A blank line inside a quote keeps its marker, so that the block stays in the quote.
                let blank = String(prefix.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
                var inserted = [blank] + block(result, prefix: prefix)
                if last + 1 < lines.count && !lines[last + 1].text.allSatisfy(\.isWhitespace) { inserted.append(blank) }
                let lineEnd = end(ofLine: step.fence.line - 1)
                var new = inserted.map { Line(text: $0, end: lineEnd) }
                // A step on the file's last line: the file still ends as it did.
                new[new.count - 1].end = lines[last].end
                if lines[last].end.isEmpty { lines[last].end = lineEnd }
                lines.insert(contentsOf: new, at: last + 1)
            }
        }
        return lines.map { $0.text + $0.end }.joined()
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
    /// markers and tabs stay), so that the new lines belong to the same container.
    private static func indentation(_ line: String, column: Int) -> String {
        String(line.utf8.prefix(column - 1).map { $0 == 0x3E || $0 == 0x09 ? Character(UnicodeScalar($0)) : " " })
    }
}
