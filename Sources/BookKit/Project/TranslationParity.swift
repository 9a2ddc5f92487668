/// Translations carry the same steps as English: this finds the chapters where they do not.
enum TranslationParity {
    /// Problems of `translated` (one language's chapters) against `english`: a chapter missing on
    /// either side, a different number of steps, a step whose code differs.
    static func problems(english: [SourceChapter], translated: [SourceChapter], language: String,
                         severity: Severity) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let bySlug = Dictionary(translated.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let englishSlugs = Set(english.map(\.slug))
        for original in english {
            guard let copy = bySlug[original.slug] else {
                problems.append(Diagnostic(.translationMissing, "the chapter has no '\(language)' translation: expected \(language)/\(original.slug).md",
                                           at: SourceLocation(file: original.file, line: 1, column: 1), severity: severity))
                continue
            }
            guard let en = original.parsed, let other = copy.parsed else { continue }
            for k in 0..<max(en.steps.count, other.steps.count) {
                if k >= other.steps.count {
                    let missing = en.steps[k]
                    problems.append(Diagnostic(.translationStepMissing,
                        "step \(k + 1) of \(original.file) (line \(missing.fence.line)) is missing here; translations carry the same steps as English",
                        at: SourceLocation(file: copy.file, line: max(1, other.source.lines.count), column: 1), severity: severity))
                    break
                }
                let step = other.steps[k]
                if k >= en.steps.count {
                    problems.append(other.source.diagnostic(.translationStepExtra,
                        "step \(k + 1) is not in \(original.file); translations carry the same steps as English",
                        line: step.fence.line, column: step.fence.column, severity: severity))
                    break
                }
                if step.code != en.steps[k].code {
                    problems.append(other.source.diagnostic(.translationStepDiffers,
                        "step \(k + 1) differs from step \(k + 1) of \(original.file) (line \(en.steps[k].fence.line)); translations carry the same steps as English",
                        line: step.fence.line, column: step.fence.column, severity: severity))
                }
            }
        }
        for copy in translated where !englishSlugs.contains(copy.slug) {
            problems.append(Diagnostic(.translationOrphan, "the chapter has no English original: expected en/\(copy.slug).md",
                                       at: SourceLocation(file: copy.file, line: 1, column: 1), severity: severity))
        }
        return problems
    }
}
