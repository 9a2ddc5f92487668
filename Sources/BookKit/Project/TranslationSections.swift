/// Each translated section records which English section it translates and that section's
/// fingerprint at the time (a `SourceMark` under its heading); this finds the sections whose
/// English changed since, and, when strict, everything a translation lacks.
enum TranslationSections {
    /// One chapter and its file, as the checks need them.
    struct File {
        let chapter: Chapter
        /// `ru/03-attention.md`, as `book translations --accept` takes it.
        let name: String
    }

    /// Translated sections whose English original changed: each with the English section's index.
    static func stale(english: Chapter, translated: Chapter) -> [(heading: Int, englishSection: Int)] {
        let byKey = Dictionary(english.sections.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return translated.sections.compactMap { section in
            guard let mark = section.mark, let k = byKey[mark.key], english.sections[k].fingerprint != mark.fingerprint else { return nil }
            return (section.heading, k)
        }
    }

    /// Stale, unmarked and mismarked sections at `severity`; with `strict`, also what the
    /// translation lacks: English sections no marker names, exercises, figures, glossary links.
    static func problems(english: File, translated: File, severity: Severity, strict: Bool) -> [Diagnostic] {
        let (en, other) = (english.chapter, translated.chapter)
        var problems: [Diagnostic] = []
        func report(_ id: DiagnosticID, _ message: String, line: Int, severity: Severity) {
            problems.append(other.source.diagnostic(id, message, line: line, column: 1, severity: severity))
        }
        let byKey = Dictionary(en.sections.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let accept = "`book translations --accept \(translated.name)`"
        for section in other.sections {
            guard let mark = section.mark else {
                report(.translationUnmarkedSection, "the section '\(section.title)' does not say which English section it translates; add `\(SourceMark.line(key: "KEY", fingerprint: "00000000"))` under its heading, then run \(accept)",
                       line: section.line, severity: severity)
                continue
            }
            guard let original = byKey[mark.key] else {
                report(.translationUnknownSection, "the marker names '\(mark.key)', which is no section of \(en.source.file)",
                       line: mark.line, severity: severity)
                continue
            }
            if original.fingerprint != mark.fingerprint {
                report(.translationStaleSection, "the English of '\(original.title)' (\(en.source.file):\(original.line)) changed since this section was translated; update the translation, then run \(accept)",
                       line: section.line, severity: severity)
            }
        }
        guard strict else { return problems }
        let named = Set(other.sections.compactMap(\.mark?.key))
        for section in en.sections where !named.contains(section.key) {
            report(.translationSectionMissing, "no section translates '\(section.title)' (\(en.source.file):\(section.line))", line: 1, severity: .error)
        }
        for (k, step) in en.steps.enumerated() where k < other.steps.count {
            let copy = other.steps[k]
            if step.options.isAnswer && !copy.options.isAnswer {
                report(.translationExerciseMissing, "step \(k + 1) is an exercise's answer in \(en.source.file) (line \(step.fence.line)) but not here; mark it `answer`",
                       line: copy.fence.line, severity: .error)
            }
            if !step.options.hideOutput && copy.options.hideOutput {
                report(.translationFigureMissing, "step \(k + 1) shows its result in \(en.source.file) (line \(step.fence.line)) but hides it here",
                       line: copy.fence.line, severity: .error)
            }
        }
        let (enFigures, figures) = (figureCount(en), figureCount(other))
        if figures < enFigures {
            report(.translationFigureMissing, "\(figures) images and tables here, \(enFigures) in \(en.source.file)", line: 1, severity: .error)
        }
        let (enLinks, links) = (en.glossaryLinks.count, other.glossaryLinks.count)
        if Double(enLinks - links) > Double(enLinks) / 10 {
            report(.translationGlossaryLinks, "\(links) links to the glossary here, \(enLinks) in \(en.source.file): a translation keeps at least nine in ten",
                   line: 1, severity: .error)
        }
        return problems
    }

    /// Images and pipe tables in the chapter's Markdown.
    static func figureCount(_ chapter: Chapter) -> Int {
        chapter.document.nodes.filter {
            if case .image = $0.kind { return true }
            return $0.kind == .table
        }.count
    }
}
