import Foundation

/// One chapter file read and parsed, or the reason it could not be.
struct SourceChapter: Sendable {
    let language: String
    /// File stem, e.g. `03-attention`.
    let slug: String
    /// The file's path as shown in messages.
    let file: String
    let url: URL
    /// Nil when the file is not UTF-8 (the diagnostic says where).
    let parsed: Chapter?
    let diagnostics: [Diagnostic]
}

/// Chapter files as last read and parsed, by file: what `BookSources.load` need not parse again.
final class ParsedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: (bytes: Data, source: SourceChapter)] = [:]

    /// The parsed chapter of `file` when its bytes are still `bytes`.
    func seen(_ file: String, _ bytes: Data) -> SourceChapter? {
        lock.lock(); defer { lock.unlock() }
        guard let kept = files[file], kept.bytes == bytes else { return nil }
        return kept.source
    }

    func keep(_ file: String, _ bytes: Data, _ source: SourceChapter) {
        lock.lock(); defer { lock.unlock() }
        files[file] = (bytes, source)
    }
}

/// Finds language folders and chapter files in reading order.
enum BookSources {
    /// The languages the book has: `en` first, then `ru`, `et`, then others alphabetically.
    static func languages(in options: BuildOptions) throws(BuildError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.chapters.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .chaptersFolderMissing(options.displayRoot)
        }
        if !options.languages.isEmpty {
            for language in options.languages {
                guard isLanguageCode(language) else { throw .badLanguage(language: language, folder: options.displayRoot) }
                if chapterFiles(options, language).isEmpty { throw .languageMissing(language: language, folder: options.displayRoot) }
            }
            return options.languages
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: options.chapters.path)) ?? []
        let found = entries.filter { !chapterFiles(options, $0).isEmpty }
        if found.isEmpty { throw .noChapters(options.displayRoot) }
        // A folder's name becomes a `lang` attribute, a path in the site and an EPUB's name.
        if let bad = found.sorted().first(where: { !isLanguageCode($0) }) {
            throw .badLanguage(language: bad, folder: options.displayRoot)
        }
        let preferred = ["en", "ru", "et"]
        return preferred.filter(found.contains) + found.filter { !preferred.contains($0) }.sorted()
    }

    /// `NN-name.md` files sorted by name, then `glossary.md`.
    static func chapterFiles(_ options: BuildOptions, _ language: String) -> [String] {
        let names = files(options, language)
        let numbered = names.filter(isNumberedChapter).sorted()
        return numbered + (names.contains("glossary.md") ? ["glossary.md"] : [])
    }

    /// A warning for each Markdown file in a language folder that is not read as a chapter.
    static func unknownFiles(_ options: BuildOptions, _ language: String) -> [Diagnostic] {
        files(options, language).filter { $0.hasSuffix(".md") && !isNumberedChapter($0) && $0 != "glossary.md" }.sorted().map { name in
            Diagnostic(.unknownFile, "'\(name)' is not read: chapters are named like 00-name.md (two digits, a dash, a name), or glossary.md",
                       at: SourceLocation(file: "\(options.displayRoot)/\(language)/\(name)", line: 1, column: 1), severity: .warning)
        }
    }

    private static func files(_ options: BuildOptions, _ language: String) -> [String] {
        let folder = options.chapters.appendingPathComponent(language)
        return (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    /// Reads and parses every chapter of `language`; a file whose bytes `known` has seen is not
    /// parsed again (a project that lives through many builds keeps one).
    static func load(_ options: BuildOptions, _ language: String, known: ParsedFiles? = nil) throws(BuildError) -> [SourceChapter] {
        let files = try chapterFiles(options, language).map { (name) throws(BuildError) -> ChapterFile in
            let url = options.chapters.appendingPathComponent(language).appendingPathComponent(name)
            let file = "\(options.displayRoot)/\(language)/\(name)"
            do { return ChapterFile(name: name, file: file, url: url, bytes: try Data(contentsOf: url)) } catch {
                throw .unreadable(file: file, reason: error.localizedDescription)
            }
        }
        // Files are parsed side by side; one that did not change since the last build is not parsed again.
        let sources = files.concurrentMap { chapter -> SourceChapter? in
            if let seen = known?.seen(chapter.file, chapter.bytes) { return seen }
            return parse(chapter.bytes, language: language, slug: String(chapter.name.dropLast(3)), file: chapter.file, url: chapter.url)
        }.compactMap { $0 }
        for (chapter, source) in zip(files, sources) { known?.keep(chapter.file, chapter.bytes, source) }
        return sources
    }

    /// A chapter file's bytes, read.
    private struct ChapterFile: Sendable {
        let name: String
        let file: String
        let url: URL
        let bytes: Data
    }

    private static func parse(_ bytes: Data, language: String, slug: String, file: String, url: URL) -> SourceChapter {
        do throws(Diagnostic) {
            let parsed = ChapterParser.parse(try ChapterText(file: file, bytes: bytes))
            return SourceChapter(language: language, slug: slug, file: file, url: url, parsed: parsed, diagnostics: parsed.diagnostics)
        } catch {
            return SourceChapter(language: language, slug: slug, file: file, url: url, parsed: nil, diagnostics: [error])
        }
    }

    /// Like a BCP 47 tag: a 2-8 letter language, then subtags of 1-8 letters or digits after '-'
    /// (`en`, `pt-BR`, `zh-Hant-TW`).
    static func isLanguageCode(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// `03-attention.md`: two digits, a dash, a name.
    private static func isNumberedChapter(_ name: String) -> Bool {
        let characters = Array(name)
        return characters.count > 6 && name.hasSuffix(".md") && characters[0].isASCII && characters[0].isNumber
            && characters[1].isASCII && characters[1].isNumber && characters[2] == "-"
    }
}
