import Foundation

/// The build's Node.js work around running the chapters: formulas typeset while the steps run,
/// then the search indexes; a formula KaTeX rejects is an error at its place in the file.
extension Project {
    /// Starts typesetting every formula of `chapters`; the error to report, if it could not start.
    static func typeset(_ chapters: [Chapter], with work: NodeWork) -> BuildError? {
        do {
            try work.typeset(chapters.flatMap { $0.formulas.map(\.key) })
            return nil
        } catch {
            return .missingTool(String(describing: error))
        }
    }

    /// Sends the search documents (when the site is made), waits for Node.js and puts formulas and
    /// indexes into `book`; throws every rejected formula, each at its position.
    func finishNodeWork(_ work: NodeWork, editions: [RanEdition], book: inout BookResults, search: Bool) throws(BuildError) {
        let documents = search ? book.editions.map { ($0.language, SearchDocuments.documents($0)) } : []
        let done: (math: [FormulaKey: NodeWork.Typeset], indexes: [String: String])
        do {
            if !documents.isEmpty { try work.index(documents.map { (language: $0.0, documents: $0.1) }) }
            done = try work.finish()
        } catch {
            throw .missingTool(String(describing: error))
        }
        let problems = Self.formulaProblems(editions, done.math)
        if !problems.isEmpty { throw .diagnostics(problems) }
        for (key, result) in done.math {
            if case .typeset(let formula) = result { book.math[key] = formula }
        }
        for (language, documents) in documents {
            if let index = done.indexes[language] { book.search[language] = SearchIndex(index: index, documents: documents) }
        }
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
