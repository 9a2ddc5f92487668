import Foundation

/// What a successful build did.
public struct BuildReport: Sendable, Equatable, Codable {
    /// Chapter pages written, over all languages.
    public var chapters: Int
    /// Steps in those chapters.
    public var steps: Int
    /// Files in the output folder.
    public var files: Int
    /// What is worth a look but did not stop the build (translations out of step, stray files).
    public var warnings: [Diagnostic]
}

/// A successful build's files (relative path -> bytes) before they are written, and its report.
public struct RenderedSite: Sendable {
    public var files: [String: Data]
    public var report: BuildReport
}

/// What a successful check did.
public struct CheckReport: Sendable, Equatable {
    /// Chapters checked, over all languages.
    public var chapters: Int
    /// Steps in those chapters.
    public var steps: Int
    /// Chapter files whose output blocks `--fix` rewrote.
    public var fixedFiles: [String]
    public var warnings: [Diagnostic]
}

/// A book on disk and everything that lives as long as it is worked on: the engine binding, the
/// memo of engine runs and of chapter programs already run. `build` runs every chapter and hands
/// the results to the renderers; `check` compares them with the output blocks (and fixes them).
public final class Project {
    public let options: BuildOptions
    /// Receives one line per chapter: `en/03-attention  12 steps  0.21 s`.
    public var progress: (String) -> Void
    /// Told when chapter programs start and finish running (from the threads that run them), so a
    /// terminal can show what long work is under way.
    public var activity: @Sendable (ChapterActivity) -> Void {
        get { runner.activity }
        set { runner.activity = newValue }
    }
    private let runner: ChapterRunner
    /// The renderers of earlier builds, by format: they keep pages no edit changed.
    private var renderers: [String: any Renderer] = [:]
    /// What runs the steps (binding and tool): part of what a built site depends on.
    private let identity: String
    /// Chapter files parsed in earlier builds: an edit re-parses only the file it changed.
    let parsed = ParsedFiles()
    /// The search indexes of the last build that made them, by language.
    var lastSearch: [String: SearchIndex] = [:]
    /// The editions whose indexes `render(searchLater: true)` left to `searchIndexes()`.
    var pendingSearch: [BookResults.Edition]?
    /// Chapters' search documents, made again only for chapters that changed.
    let searchDocuments = SearchDocumentMemo()
    /// Search indexes and typeset formulas of earlier builds, so that what did not change is not looked up on disk.
    let recentNodeWork = NodeWork.Recent()

    /// A project whose steps run on `binding`'s engine; `progress` gets one line per chapter.
    public convenience init(options: BuildOptions, binding: any StepBinding, progress: @escaping (String) -> Void = { _ in }) {
        self.init(options: options, progress: progress, identity: "\(binding.moduleName) \(binding.version), \(ToolIdentity.current)") {
            file, context, budget in Session(file: file, binding: binding, context: context, budget: budget)
        }
    }

    /// A project whose chapters run in sessions from `makeSession` (tests pass a stand-in);
    /// `identity` names what runs the steps, so that cached results of anything else are not used.
    public init(options: BuildOptions, progress: @escaping (String) -> Void = { _ in }, identity: String = "stand-in",
                makeSession: @escaping SessionFactory) {
        self.options = options
        self.progress = progress
        self.identity = identity
        let cache = options.cache.map { ResultCache(folder: $0.appendingPathComponent("results"), identity: identity) }
        runner = ChapterRunner(context: LibraryContext(chaptersDirectory: options.chapters), budget: options.budget,
                               cache: cache, makeSession: makeSession)
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

    /// One language's chapter files, loaded and parsed, not yet run.
    struct LoadedEdition {
        let language: String
        let chapters: [SourceChapter]
    }

    /// One language's chapters, run.
    struct RanEdition {
        let language: String
        let chapters: [RanChapter]
    }

    /// Runs every chapter and writes every format's files to `options.output`, only when nothing
    /// failed. When the folder was built from exactly these inputs and is as it was written, it
    /// is left alone and its build's report is returned again (not with `--no-cache`).
    @discardableResult
    public func build() throws(BuildError) -> BuildReport {
        let inputs = options.cache == nil ? nil : BuildInputs.hash(options, identity: identity)
        if let inputs, let stamp = BuildStamp.current(in: options.output), stamp.inputs == inputs {
            progress("nothing changed since \(options.output.lastPathComponent)/ was built")
            return stamp.report
        }
        let site = try render()
        try SiteFolder.replace(options.output, with: site.files) { staging in
            inputs.map { BuildStamp.marker(inputs: $0, files: site.files, folder: staging, report: site.report) }
        }
        return site.report
    }

    /// Runs every chapter and makes every format's files without writing them (`book serve` keeps
    /// them in memory): the same bytes `build` writes.
    ///
    /// With `searchLater` (a server, whose reader waits for the page, not for the index), the
    /// pages come back as soon as they are drawn, with the search indexes of the last build that
    /// made them; `searchIndexes()` then makes this build's. The first build makes them at once.
    public func render(searchLater: Bool = false) throws(BuildError) -> RenderedSite {
        let renderers = try options.formats.map { (format) throws(BuildError) -> any Renderer in
            if let renderer = self.renderers[format] { return renderer }
            guard let renderer = Renderers.named(format) else { throw .unknownFormat(format) }
            self.renderers[format] = renderer
            return renderer
        }
        let work = NodeWork(cache: options.cache, recent: recentNodeWork)
        defer { work.cancel() }
        var starting: BuildError?
        let searched = options.formats.contains("html")
        var later = false
        let editions = try runAll { loaded in
            later = searchLater && searched && loaded.allSatisfy { self.lastSearch[$0.language] != nil }
            starting = self.start(work, loaded, search: searched && !later)
        }
        if let starting { throw starting }
        let problems = editions.flatMap { $0.chapters.flatMap { $0.problems(fixing: false) } }
        if !problems.isEmpty { throw .diagnostics(Self.sorted(problems + ((try? Self.formulaProblems(editions, work.finish().math)) ?? []))) }
        var results: [BookResults.Edition] = []
        var chapters = 0, steps = 0
        for edition in editions {
            let ran = edition.chapters.compactMap { ran -> BookResults.ChapterResult? in
                guard let chapter = ran.source.parsed, let outcomes = ran.outcomes else { return nil }
                steps += chapter.steps.count
                return BookResults.ChapterResult(slug: ran.source.slug, chapter: chapter, outcomes: outcomes)
            }
            chapters += ran.count
            results.append(BookResults.Edition(language: edition.language, chapters: ran))
        }
        var book = BookResults(editions: try withStaleSections(results, editions))
        try finishNodeWork(work, editions: editions, book: &book)
        if later {
            book.search = lastSearch.filter { language, _ in book.editions.contains { $0.language == language } }
        } else if searched {
            lastSearch = book.search
        }
        var files: [String: Data] = [:]
        for renderer in renderers {
            do {
                try files.merge(renderer.render(book)) { _, _ throws in throw BuildError.render(format: renderer.format, "two formats write the same file") }
            } catch let error as BuildError {
                throw error
            } catch {
                throw .render(format: renderer.format, String(describing: error))
            }
        }
        let report = BuildReport(chapters: chapters, steps: steps, files: files.count,
                                 warnings: try translationProblems(editions, stepSeverity: .warning, strict: false))
        pendingSearch = later ? book.editions : nil
        return RenderedSite(files: files, report: report)
    }

    /// Runs every chapter and compares results with output blocks; with `fix`, rewrites the
    /// blocks that differ (or are missing) instead of reporting them. Translations that do not
    /// carry the English steps are errors here; stale sections are warnings, and errors when
    /// `strict`, which also compares every translation's sections, exercises, figures and
    /// glossary links with English and the glossaries' order.
    @discardableResult
    public func check(fix: Bool = false, strict: Bool = false) throws(BuildError) -> CheckReport {
        let work = NodeWork(cache: options.cache, recent: recentNodeWork)
        defer { work.cancel() }
        var starting: BuildError?
        let editions = try runAll { loaded in starting = self.start(work, loaded, search: false) }
        if let starting { throw starting }
        var problems: [Diagnostic] = []
        var fixed: [String] = []
        var chapters = 0, steps = 0
        for edition in editions {
            for ran in edition.chapters {
                chapters += 1
                steps += ran.source.parsed?.steps.count ?? 0
                problems += ran.problems(fixing: fix)
                guard fix, let chapter = ran.source.parsed, let outcomes = ran.outcomes else { continue }
                if let file = try rewriteOutputs(chapter, outcomes: outcomes, url: ran.source.url) {
                    fixed.append(file)
                }
            }
        }
        let found = try translationProblems(editions, stepSeverity: .error, strict: strict)
        problems += found.filter { $0.severity == .error }
        do { problems += Self.formulaProblems(editions, try work.finish().math) } catch { throw .missingTool(String(describing: error)) }
        if !problems.isEmpty { throw .diagnostics(problems) }
        return CheckReport(chapters: chapters, steps: steps, fixedFiles: fixed, warnings: found.filter { $0.severity != .error })
    }

    /// Loads and runs every chapter of every language; `beforeRunning` gets every language's
    /// chapters just before their steps run (the build starts its Node.js work then).
    func runAll(beforeRunning: ([LoadedEdition]) -> Void = { _ in }) throws(BuildError) -> [RanEdition] {
        let languages = try BookSources.languages(in: options)
        var sources: [(language: String, chapters: [SourceChapter])] = []
        for language in languages { sources.append((language, try BookSources.load(options, language, known: parsed))) }
        beforeRunning(sources.map { LoadedEdition(language: $0.language, chapters: $0.chapters) })
        runner.run(sources.flatMap { $0.chapters.compactMap { $0.diagnostics.contains { $0.severity == .error } ? nil : $0.parsed } })
        var editions: [RanEdition] = []
        for (language, loaded) in sources {
            var chapters: [RanChapter] = []
            for source in loaded {
                // Broken Markdown is reported alone: running a half-parsed chapter only adds noise.
                let broken = source.diagnostics.filter { $0.severity == .error }
                guard let chapter = source.parsed, broken.isEmpty else {
                    chapters.append(RanChapter(source: source, outcomes: nil, errors: broken, mismatches: []))
                    continue
                }
                let (outcomes, reusedFrom) = runner.outcomes(for: chapter)
                let (found, mismatches) = OutcomeCheck.problems(chapter, outcomes: outcomes)
                let errors = found + WordFormCheck.problems(chapter, outcomes: outcomes, language: language)
                chapters.append(RanChapter(source: source, outcomes: outcomes, errors: errors, mismatches: mismatches))
                progress(progressLine(language: language, source: source, steps: chapter.steps.count, outcomes: outcomes,
                                      reusedFrom: reusedFrom, cached: runner.fromCache.contains(chapter.program)))
            }
            editions.append(RanEdition(language: language, chapters: chapters))
        }
        return editions
    }

    private func progressLine(language: String, source: SourceChapter, steps: Int, outcomes: [StepOutcome],
                              reusedFrom: String?, cached: Bool) -> String {
        let name = "\(language)/\(source.slug)"
        let count = "\(steps) step\(steps == 1 ? "" : "s")"
        // From the cache: another chapter may have run them in an earlier build and hold another program now.
        if cached { return "\(name)  \(count)  results from the cache" }
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
        // Through a symbolic link to the file itself: the link stays a link.
        do { try Data(text.utf8).write(to: url.resolvingSymlinksInPath(), options: .atomic) } catch {
            throw .cannotWrite(path: chapter.source.file, reason: error.localizedDescription)
        }
        return chapter.source.file
    }
}
