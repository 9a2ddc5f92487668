import Foundation

/// What a successful build did.
public struct BuildReport: Sendable, Equatable {
    /// Chapter pages written, over all languages.
    public var chapters: Int
    /// Steps in those chapters.
    public var steps: Int
    /// Files in the site folder.
    public var files: Int
}

/// What a successful check did.
public struct CheckReport: Sendable, Equatable {
    /// Chapters checked, over all languages.
    public var chapters: Int
    /// Steps in those chapters.
    public var steps: Int
    /// Chapter files whose output blocks `--fix` rewrote.
    public var fixedFiles: [String]
}

/// `book build` and `book check`: runs every chapter's steps and either renders the site or
/// checks (and fixes) the chapters' output blocks.
public struct BookBuilder {
    public let options: BuildOptions
    /// Receives one line per chapter: `en/03-attention  12 steps  0.21 s`.
    public let progress: (String) -> Void

    /// Makes each chapter's session (the interpreter; tests pass a stand-in).
    let makeSession: SessionFactory

    /// A builder for `options`; `progress` gets one line per chapter.
    public init(options: BuildOptions, progress: @escaping (String) -> Void = { _ in }) {
        self.init(options: options, progress: progress) { file, context, budget in
            Session(file: file, context: context, budget: budget)
        }
    }

    init(options: BuildOptions, progress: @escaping (String) -> Void = { _ in }, makeSession: @escaping SessionFactory) {
        self.options = options
        self.progress = progress
        self.makeSession = makeSession
    }

    /// One chapter after its program ran.
    struct RanChapter {
        let source: SourceChapter
        /// Nil when the chapter could not be run (not UTF-8, or broken Markdown).
        let outcomes: [StepOutcome]?
        /// Everything wrong but output mismatches.
        let errors: [Diagnostic]
        /// Output blocks that differ from the results (`--fix` repairs these).
        let mismatches: [Diagnostic]

        /// `errors` and, unless they get fixed, `mismatches`, by position.
        func problems(fixing: Bool) -> [Diagnostic] {
            (errors + (fixing ? [] : mismatches)).enumerated()
                .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
                .map(\.element)
        }
    }

    /// Runs every chapter and renders the site; writes `options.output` only when nothing failed.
    @discardableResult
    public func build() throws(BuildError) -> BuildReport {
        let editions = try runAll()
        let problems = editions.flatMap { $0.chapters.flatMap { $0.problems(fixing: false) } }
        if !problems.isEmpty { throw .diagnostics(problems) }
        var rendered: [RenderedEdition] = []
        var steps = 0
        for edition in editions {
            let chapters = edition.chapters.compactMap { ran -> RenderedChapter? in
                guard let parsed = ran.source.parsed, let outcomes = ran.outcomes else { return nil }
                steps += parsed.chapter.steps.count
                return ChapterRenderer.render(parsed, slug: ran.source.slug, outcomes: outcomes, language: edition.language)
            }
            rendered.append(RenderedEdition(language: edition.language, chapters: chapters))
        }
        let files: [String: Data]
        do { files = try Site.files(for: rendered) } catch { throw .site(String(describing: error)) }
        try SiteFolder.replace(options.output, with: files)
        return BuildReport(chapters: rendered.map(\.chapters.count).reduce(0, +), steps: steps, files: files.count)
    }

    /// Runs every chapter and compares results with output blocks; with `fix`, rewrites the
    /// blocks that differ (or are missing) instead of reporting them. Also checks that
    /// translations carry the English steps.
    @discardableResult
    public func check(fix: Bool = false) throws(BuildError) -> CheckReport {
        let editions = try runAll()
        var problems: [Diagnostic] = []
        var fixed: [String] = []
        var chapters = 0, steps = 0
        for edition in editions {
            for ran in edition.chapters {
                chapters += 1
                steps += ran.source.parsed?.chapter.steps.count ?? 0
                problems += ran.problems(fixing: fix)
                guard fix, let parsed = ran.source.parsed, let outcomes = ran.outcomes else { continue }
                if let file = try rewriteOutputs(parsed.chapter, outcomes: outcomes, url: ran.source.url) {
                    fixed.append(file)
                }
            }
        }
        problems += try parityProblems(editions)
        if !problems.isEmpty { throw .diagnostics(problems) }
        return CheckReport(chapters: chapters, steps: steps, fixedFiles: fixed)
    }

    /// One language's chapters, run.
    struct RanEdition {
        let language: String
        let chapters: [RanChapter]
    }

    /// Loads and runs every chapter of every language.
    private func runAll() throws(BuildError) -> [RanEdition] {
        let languages = try BookSources.languages(in: options)
        let runner = ProgramRunner(context: LibraryContext(chaptersDirectory: options.chapters), budget: options.budget, makeSession: makeSession)
        var editions: [RanEdition] = []
        for language in languages {
            var chapters: [RanChapter] = []
            for source in try BookSources.load(options, language) {
                // Broken Markdown is reported alone: running a half-parsed chapter only adds noise.
                guard let parsed = source.parsed, source.diagnostics.isEmpty else {
                    chapters.append(RanChapter(source: source, outcomes: nil, errors: source.diagnostics, mismatches: []))
                    continue
                }
                let (outcomes, reusedFrom) = runner.outcomes(for: parsed.chapter)
                let (errors, mismatches) = OutcomeCheck.problems(parsed.chapter, outcomes: outcomes)
                chapters.append(RanChapter(source: source, outcomes: outcomes, errors: errors, mismatches: mismatches))
                progress(progressLine(language: language, source: source, steps: parsed.chapter.steps.count,
                                      outcomes: outcomes, reusedFrom: reusedFrom))
            }
            editions.append(RanEdition(language: language, chapters: chapters))
        }
        return editions
    }

    private func progressLine(language: String, source: SourceChapter, steps: Int, outcomes: [StepOutcome], reusedFrom: String?) -> String {
        let name = "\(language)/\(source.slug)"
        let count = "\(steps) step\(steps == 1 ? "" : "s")"
        if let reusedFrom {
            return "\(name)  \(count)  same program as \(reusedFrom), results reused"
        }
        let total = outcomes.map(\.duration).reduce(Duration.zero, +)
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        return "\(name)  \(count)  \(String(format: "%.2f", seconds)) s"
    }

    /// Writes the chapter back with its output blocks from `outcomes`; the file's name when it changed.
    private func rewriteOutputs(_ chapter: Chapter, outcomes: [StepOutcome], url: URL) throws(BuildError) -> String? {
        var results = Array(repeating: String?.none, count: chapter.steps.count)
        for (item, outcome) in zip(chapter.items, outcomes) {
            if case .step(let i) = item { results[i] = OutcomeCheck.resultText(chapter.steps[i], outcome) }
        }
        let text = OutputFixer.fixed(chapter, results: results)
        guard text != chapter.source.text else { return nil }
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw .cannotWrite(path: chapter.source.file, reason: error.localizedDescription)
        }
        return chapter.source.file
    }

    /// Translation problems of every non-English edition (English is loaded for it when not built).
    private func parityProblems(_ editions: [RanEdition]) throws(BuildError) -> [Diagnostic] {
        let others = editions.filter { $0.language != "en" }
        guard !others.isEmpty else { return [] }
        let english: [SourceChapter]
        if let built = editions.first(where: { $0.language == "en" }) {
            english = built.chapters.map(\.source)
        } else if !BookSources.chapterFiles(options, "en").isEmpty {
            english = try BookSources.load(options, "en")
        } else {
            return []
        }
        return others.flatMap { edition in
            TranslationParity.problems(english: english, translated: edition.chapters.map(\.source), language: edition.language)
        }
    }
}
