/// Compares what the steps gave with what the chapter says they give.
enum OutcomeCheck {
    /// The text an `output` block should hold for step `index`, nil when the step failed
    /// unexpectedly (its errors are reported instead). An `error` step's text is its error message.
    static func resultText(_ step: StepBlock, _ outcome: StepOutcome) -> String? {
        if step.options.expectsError {
            return outcome.diagnostics.isEmpty ? nil : outcome.diagnostics.map(\.message).joined(separator: "\n")
        }
        return outcome.diagnostics.isEmpty ? trimmed(outcome.text) : nil
    }

    /// Every problem of one chapter: step and inline errors, `error` steps that ran (`errors`),
    /// and output blocks that differ from the real results (`mismatches`, which `--fix` repairs).
    static func problems(_ chapter: Chapter, outcomes: [StepOutcome]) -> (errors: [Diagnostic], mismatches: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var mismatches: [Diagnostic] = []
        for (item, outcome) in zip(chapter.items, outcomes) {
            switch item {
            case .step(let i):
                let step = chapter.steps[i]
                if step.options.expectsError && outcome.diagnostics.isEmpty {
                    problems.append(chapter.source.diagnostic(.errorStepRan,
                        "this step is marked 'error' but it ran without one; remove 'error' or make the step fail",
                        line: step.fence.line, column: step.fence.column))
                } else if !step.options.expectsError {
                    problems += outcome.diagnostics
                }
                if let expected = step.output, let actual = resultText(step, outcome), trimmed(expected.text) != actual {
                    mismatches.append(Diagnostic(.outputMismatch,
                        "the step's result differs from its output block (`book check --fix` rewrites it):\n"
                            + diff(expected: trimmed(expected.text), actual: actual),
                        at: expected.fence))
                }
            case .inline(let i):
                let inline = chapter.inlines[i]
                if !outcome.diagnostics.isEmpty {
                    problems += outcome.diagnostics
                } else if outcome.display == nil && trimmed(outcome.text).isEmpty {
                    problems.append(chapter.source.diagnostic(.inlineWithoutValue,
                        "the inline expression '\(inline.expression)' has no value to show", line: inline.span.line, column: inline.span.column))
                }
            }
        }
        return (problems, mismatches)
    }

    /// `text` without trailing line ends.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    /// A line diff: `- ` lines only expected, `+ ` lines only produced, `  ` lines in both; long
    /// runs of equal lines shrink to one context line on each side.
    static func diff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table, from the end.
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                lines.append((" ", a[i])); i += 1; j += 1
            } else if i < a.count && (j == b.count || table[i + 1][j] >= table[i][j + 1]) {
                lines.append(("-", a[i])); i += 1
            } else {
                lines.append(("+", b[j])); j += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].mark != " " }
        let shown = lines.indices.filter { index in changed.contains { abs($0 - index) <= 1 } }
        var out: [String] = []
        var last = -1
        for index in shown {
            if last >= 0 && index > last + 1 { out.append("    ...") }
            out.append("    \(lines[index].mark) \(lines[index].text)")
            last = index
        }
        return out.joined(separator: "\n")
    }
}
