extension Project {
    /// The English chapters translations are checked against: the built ones, or loaded when
    /// English is not built; nil when the book has no English.
    private func englishChapters(_ editions: [RanEdition]) throws(BuildError) -> [SourceChapter]? {
        if let built = editions.first(where: { $0.language == "en" }) { return built.chapters.map(\.source) }
        guard !BookSources.chapterFiles(options, "en").isEmpty else { return nil }
        return try BookSources.load(options, "en", known: parsed)
    }

    /// Stray Markdown files in the language folders; the chapters' own warnings (almost-steps,
    /// unsafe links); translation problems of every non-English
    /// edition (steps at `stepSeverity`, sections as warnings or, when `strict`, errors with
    /// everything a translation lacks); with `strict`, glossaries out of their alphabet's order.
    func translationProblems(_ editions: [RanEdition], stepSeverity: Severity, strict: Bool) throws(BuildError) -> [Diagnostic] {
        var found = editions.flatMap { BookSources.unknownFiles(options, $0.language) }
        found += editions.flatMap { $0.chapters.flatMap { $0.source.diagnostics.filter { $0.severity == .warning } } }
        if strict {
            for edition in editions {
                for ran in edition.chapters where ran.source.slug == "glossary" {
                    if let glossary = ran.source.parsed { found += GlossaryOrder.problems(glossary, language: edition.language, severity: .error) }
                }
            }
        }
        let others = editions.filter { $0.language != "en" }
        guard !others.isEmpty, let english = try englishChapters(editions) else { return found }
        let englishBySlug = Dictionary(english.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        for edition in others {
            let translated = edition.chapters.map(\.source)
            found += TranslationParity.problems(english: english, translated: translated, language: edition.language, severity: stepSeverity)
            for copy in translated {
                guard let original = englishBySlug[copy.slug]?.parsed, let chapter = copy.parsed else { continue }
                found += TranslationSections.problems(
                    english: .init(chapter: original, name: "en/\(copy.slug).md"),
                    translated: .init(chapter: chapter, name: "\(edition.language)/\(copy.slug).md"),
                    severity: strict ? .error : .warning, strict: strict)
            }
        }
        return found
    }

    /// `results` with each translated chapter's stale sections filled in.
    func withStaleSections(_ results: [BookResults.Edition], _ editions: [RanEdition]) throws(BuildError) -> [BookResults.Edition] {
        guard results.contains(where: { $0.language != "en" }), let english = try englishChapters(editions) else { return results }
        let englishBySlug = Dictionary(english.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        return results.map { edition in
            guard edition.language != "en" else { return edition }
            var edition = edition
            for c in edition.chapters.indices {
                guard let original = englishBySlug[edition.chapters[c].slug]?.parsed else { continue }
                edition.chapters[c].staleSections = TranslationSections.stale(english: original, translated: edition.chapters[c].chapter)
                    .map { BookResults.StaleSection(heading: $0.heading, englishSection: $0.englishSection) }
            }
            return edition
        }
    }
}
