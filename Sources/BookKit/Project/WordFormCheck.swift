/// Inline expressions with word forms (`=n | шаг/шага/шагов`): the forms must fit the language's
/// plural categories and the value must be a number.
enum WordFormCheck {
    /// Every such problem of `chapter` (written in `language`), given its outcomes.
    static func problems(_ chapter: Chapter, outcomes: [StepOutcome], language: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let rules = PluralRules.forLanguage(language)
        let byInline = chapter.inlineOutcomes(outcomes)
        var spans = byInline.sorted { $0.key < $1.key }.map { (chapter.inlines[$0.key], $0.value) }
        // A `word:` span is checked with the value it follows (the chapter parser made sure there is one).
        for word in chapter.words {
            if let i = chapter.number(followedBy: word), let outcome = byInline[i] { spans.append((word, outcome)) }
        }
        for (inline, outcome) in spans {
            guard let forms = inline.forms else { continue }
            func report(_ id: DiagnosticID, _ message: String) {
                problems.append(chapter.source.diagnostic(id, message, line: inline.span.line, column: inline.span.column))
            }
            guard let rules else {
                report(.wordFormsLanguage, "there are no plural rules for '\(language)': word forms work in en, ru and et")
                continue
            }
            if !rules.acceptedFormCounts.contains(forms.forms.count) {
                let names = rules.categories.map(\.rawValue).joined(separator: "/")
                let counts = rules.acceptedFormCounts.map(String.init).joined(separator: " or ")
                report(.wordFormsCount, "'\(forms.forms.joined(separator: "/"))' has \(forms.forms.count) forms; '\(language)' words take \(counts), in the order \(names)")
            }
            switch outcome.display {
            case .number?, .integer?: break
            default:
                if outcome.diagnostics.isEmpty {
                    report(.wordFormsNotNumber, "the inline expression '\(inline.expression)' has word forms but its value is not a number")
                }
            }
        }
        return problems
    }
}
