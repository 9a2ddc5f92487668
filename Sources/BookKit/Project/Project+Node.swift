import Foundation

/// The build's Node.js work around running the chapters: formulas and the search index's words
/// are known once the chapters are parsed, so both go to Node.js before the steps run and are
/// made beside them; a formula KaTeX rejects is an error at its place in the file.
extension Project {
    /// Starts typesetting every formula and, with `search`, indexing every edition's sections (the
    /// text without inline values, which only the steps give); the error to report, if it could not start.
    func start(_ work: NodeWork, _ editions: [LoadedEdition], search: Bool) -> BuildError? {
        let runnable = editions.map { edition in
            (edition.language, edition.chapters.compactMap { source in
                source.diagnostics.contains { $0.severity == .error } ? nil : source.parsed.map { (slug: source.slug, chapter: $0) }
            })
        }
        do {
            try work.typeset(runnable.flatMap { $0.1.flatMap { $0.chapter.formulas.map(\.key) } })
            if search { try work.index(runnable.map { language, chapters in (language, searchDocuments.indexed(chapters, language: language)) }) }
            return nil
        } catch {
            return .missingTool(String(describing: error))
        }
    }

    /// Waits for Node.js (when it ran) and puts formulas and indexes into `book`, each index with
    /// its sections as the reader sees them (inline values in); throws every rejected formula.
    func finishNodeWork(_ work: NodeWork, editions: [RanEdition], book: inout BookResults) throws(BuildError) {
        let done: (math: [FormulaKey: NodeWork.Typeset], indexes: [String: String])
        do { done = try work.finish() } catch { throw .missingTool(String(describing: error)) }
        let problems = Self.formulaProblems(editions, done.math)
        if !problems.isEmpty { throw .diagnostics(problems) }
        for (key, result) in done.math {
            if case .typeset(let formula) = result { book.math[key] = formula }
        }
        for edition in book.editions {
            guard let index = done.indexes[edition.language] else { continue }
            book.search[edition.language] = SearchIndex(language: edition.language, index: index, documents: searchDocuments.documents(edition))
        }
    }

    /// Makes the search indexes the last `render(searchLater: true)` left for later, and returns
    /// their files, which replace the last build's in its site (none when nothing was left).
    public func searchIndexes() throws(BuildError) -> [String: Data] {
        guard let job = try startSearchIndexes() else { return [:] }
        return try finishSearchIndexes(job)
    }

    /// Starts making the indexes the last `render(searchLater: true)` left for later: what is
    /// not known goes to Node.js, which works on while the caller waits for other things (a
    /// server, for the next edit). Nil when nothing was left.
    public func startSearchIndexes() throws(BuildError) -> SearchIndexJob? {
        guard let editions = pendingSearch else { return nil }
        pendingSearch = nil
        let work = NodeWork(cache: options.cache, recent: recentNodeWork)
        do {
            try work.index(editions.map { edition in
                (edition.language, searchDocuments.indexed(edition.chapters.map { ($0.slug, $0.chapter) }, language: edition.language))
            })
        } catch {
            work.cancel()
            throw .missingTool(String(describing: error))
        }
        work.endRequests()
        return SearchIndexJob(work: work, editions: editions)
    }

    /// The files of `job`'s indexes, waiting for Node.js if it has not answered yet; they
    /// replace the last build's in its site.
    public func finishSearchIndexes(_ job: SearchIndexJob) throws(BuildError) -> [String: Data] {
        defer { job.cancel() }
        let indexes: [String: String]
        do { indexes = try job.work.finish().indexes } catch { throw .missingTool(String(describing: error)) }
        var files: [String: Data] = [:]
        for edition in job.editions {
            guard let index = indexes[edition.language] else { continue }
            let search = SearchIndex(language: edition.language, index: index, documents: searchDocuments.documents(edition))
            lastSearch[edition.language] = search
            files[SearchBox.indexPath(language: edition.language)] = search.script
        }
        return files
    }

    /// An error at each formula KaTeX rejected, at the exact byte where it stopped.
    static func formulaProblems(_ editions: [RanEdition], _ math: [FormulaKey: NodeWork.Typeset]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for edition in editions {
            for ran in edition.chapters {
                guard let chapter = ran.source.parsed else { continue }
                for formula in chapter.formulas {
                    guard case .rejected(let message, let offset)? = math[formula.key] else { continue }
                    let location = formula.location(ofByte: offset)
                    problems.append(Diagnostic(.mathSyntax, "KaTeX cannot typeset this formula: \(message)", at: location,
                                               sourceLine: chapter.source.line(location.line)))
                }
            }
        }
        return sorted(problems)
    }

    /// Diagnostics in file order.
    static func sorted(_ problems: [Diagnostic]) -> [Diagnostic] {
        problems.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }
}

/// Search indexes under way (`Project.startSearchIndexes`).
public final class SearchIndexJob {
    fileprivate let work: NodeWork
    fileprivate let editions: [BookResults.Edition]

    fileprivate init(work: NodeWork, editions: [BookResults.Edition]) {
        (self.work, self.editions) = (work, editions)
    }

    /// Whether Node.js has answered (or was not needed): finishing will not wait.
    public var isReady: Bool { work.isDone }

    /// Stops Node.js: a newer build makes these indexes stale.
    public func cancel() { work.cancel() }
}
