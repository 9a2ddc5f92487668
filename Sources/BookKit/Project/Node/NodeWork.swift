import Foundation

/// What a build asks of Node.js: formulas typeset by KaTeX and a lunr index per edition. Both come
/// from the cache when they can; only what is missing goes to the one Node.js process, which is
/// started at the first miss (formulas are known before the steps run, so it works beside them).
final class NodeWork {
    /// How KaTeX answered for one formula.
    enum Typeset: Sendable, Hashable {
        case typeset(TypesetFormula)
        /// KaTeX's message, and the UTF-8 byte offset in the TeX where it stopped.
        case rejected(message: String, offset: Int)
    }

    private struct MathKey: Codable, Equatable {
        var formula: FormulaKey
        var tools: String
    }
    fileprivate struct SearchKey: Codable, Equatable {
        var language: String
        var documents: [SearchDocument]
        var tools: String
    }

    private let tools: String
    private let mathCache: KeyedCache<MathKey, TypesetFormula>?
    private let searchCache: KeyedCache<SearchKey, String>?
    private var process: NodeProcess?
    /// Requests sent, in order, with what each asked for.
    private var sentMath: [FormulaKey] = []
    private var sentSearch: [SearchKey] = []
    private var math: [FormulaKey: Typeset] = [:]
    private var indexes: [String: String] = [:]

    /// What Node.js made or the cache on disk held in earlier builds, kept in memory by a
    /// long-lived project: the last index of each language, and every formula typeset. An
    /// edition whose sections did not change, and a formula seen before, need no look on disk
    /// (which reads and decodes a file) and no Node.js.
    final class Recent {
        fileprivate var indexes: [String: (key: SearchKey, index: String)] = [:]
        /// (The tools a process typesets with do not change while it runs.)
        fileprivate var formulas: [FormulaKey: TypesetFormula] = [:]
        init() {}
    }

    private let recent: Recent?

    /// Work whose results are kept under `cache` (nil: none kept) and, when given, in `recent`.
    init(cache: URL?, recent: Recent? = nil) {
        tools = Self.toolIdentity
        mathCache = cache.map { KeyedCache(folder: $0.appendingPathComponent("math")) }
        searchCache = cache.map { KeyedCache(folder: $0.appendingPathComponent("search")) }
        self.recent = recent
    }

    /// Asks for `formulas` to be typeset; those not in the cache go to Node.js now.
    func typeset(_ formulas: [FormulaKey]) throws {
        var missing: [FormulaKey] = []
        for formula in Set(formulas).sorted(by: { ($0.tex, $0.display ? 1 : 0) < ($1.tex, $1.display ? 1 : 0) }) {
            if let kept = recent?.formulas[formula] {
                math[formula] = .typeset(kept)
            } else if let cached = mathCache?.lookup(MathKey(formula: formula, tools: tools)) {
                math[formula] = .typeset(cached)
                recent?.formulas[formula] = cached
            } else {
                missing.append(formula)
            }
        }
        guard !missing.isEmpty else { return }
        try VendorLibrary.require("katex", script: VendorLibrary.katexScript)
        try started(reason: "typesetting the book's formulas with KaTeX").send(MathRequest(
            katex: VendorLibrary.katexScript, formulas: missing.map { MathRequest.Item(tex: $0.tex, display: $0.display) }))
        sentMath += missing
    }

    /// Asks for a search index of each edition's `documents`.
    func index(_ editions: [(language: String, documents: [SearchDocument])]) throws {
        var missing: [SearchKey] = []
        for (language, documents) in editions {
            let key = SearchKey(language: language, documents: documents, tools: tools)
            if let kept = recent?.indexes[language], kept.key == key {
                indexes[language] = kept.index
            } else if let cached = searchCache?.lookup(key) {
                indexes[language] = cached
                recent?.indexes[language] = (key, cached)
            } else {
                missing.append(key)
            }
        }
        guard !missing.isEmpty else { return }
        let pipeline = try Assets.url("search/pipeline.js").path
        try VendorLibrary.require("lunr", script: VendorLibrary.lunrScript)
        try started(reason: "building the search index with lunr").send(SearchRequest(
            lunr: VendorLibrary.lunrScript, pipeline: pipeline,
            editions: missing.map { SearchRequest.Edition(language: $0.language, documents: $0.documents) }))
        sentSearch += missing
    }

    /// Waits for Node.js (when it ran) and returns every formula's outcome and every index (lunr's
    /// JSON), keeping new ones in the cache.
    func finish() throws -> (math: [FormulaKey: Typeset], indexes: [String: String]) {
        guard let process else { return (math, indexes) }
        self.process = nil
        var answers = try process.finish(expecting: (sentMath.isEmpty ? 0 : 1) + (sentSearch.isEmpty ? 0 : 1))[...]
        let decoder = JSONDecoder()
        if !sentMath.isEmpty {
            guard let line = answers.popFirst(), let answer = try? decoder.decode(MathAnswer.self, from: line),
                  answer.results.count == sentMath.count else { throw NodeProblem.failed("KaTeX gave no answer") }
            for (key, result) in zip(sentMath, answer.results) {
                if let html = result.html, let mathml = result.mathml {
                    let formula = TypesetFormula(html: html, mathml: mathml)
                    math[key] = .typeset(formula)
                    mathCache?.store(formula, for: MathKey(formula: key, tools: tools))
                    recent?.formulas[key] = formula
                } else {
                    math[key] = .rejected(message: result.error ?? "KaTeX cannot typeset this", offset: result.offset ?? 0)
                }
            }
        }
        if !sentSearch.isEmpty {
            guard let line = answers.popFirst(), let answer = try? decoder.decode(SearchAnswer.self, from: line),
                  answer.indexes.count == sentSearch.count else { throw NodeProblem.failed("lunr gave no answer") }
            for (key, built) in zip(sentSearch, answer.indexes) {
                indexes[key.language] = built.index
                searchCache?.store(built.index, for: key)
                recent?.indexes[key.language] = (key, built.index)
            }
        }
        return (math, indexes)
    }

    /// Whether Node.js was started (nothing was missing from the cache when it was not).
    var isRunning: Bool { process != nil }

    /// Sends no more requests: Node.js ends once it has answered, and `isDone` tells when.
    func endRequests() { process?.endInput() }

    /// Whether `finish` would return without waiting for Node.js (after `endRequests`).
    var isDone: Bool { process?.hasEnded ?? true }

    /// Stops Node.js when the build ends early (a step failed).
    func cancel() {
        process?.stop()
        process = nil
    }

    private func started(reason: String) throws -> NodeProcess {
        if let process { return process }
        let started = try NodeProcess(reason: reason)
        process = started
        return started
    }

    /// What the cached results depend on besides their input: the installed KaTeX and lunr (size
    /// and date, read without loading them) and the build's own scripts.
    private static let toolIdentity: String = {
        func stamp(_ path: String) -> String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            return "\(size)@\(date)"
        }
        let scripts = ["book-node.js", "search/pipeline.js"].map { (try? Assets.data($0)).map(ResultCache.hash) ?? "-" }
        return "katex \(stamp(VendorLibrary.katexScript)), lunr \(stamp(VendorLibrary.lunrScript)), " + scripts.joined(separator: " ")
    }()

    private struct MathRequest: Encodable {
        struct Item: Encodable { var tex: String; var display: Bool }
        var kind = "math"
        var katex: String
        var formulas: [Item]
    }
    private struct MathAnswer: Decodable {
        struct Result: Decodable { var html: String?; var mathml: String?; var error: String?; var offset: Int? }
        var results: [Result]
    }
    private struct SearchRequest: Encodable {
        struct Edition: Encodable { var language: String; var documents: [SearchDocument] }
        var kind = "search"
        var lunr: String
        var pipeline: String
        var editions: [Edition]
    }
    private struct SearchAnswer: Decodable {
        struct Built: Decodable { var language: String; var index: String }
        var indexes: [Built]
    }
}
