import Foundation

/// Writes the markers that say which English text a translated section translates. Only a
/// deliberate `book translations --accept` calls this: a marker claims "this translation is up to
/// date with the English", which no build or check may claim by itself.
public enum TranslationMarks {
    /// Gives every section of the translated chapters `files` (`ru/03-attention.md`; every
    /// translated chapter when `files` is empty) a marker with its English section's current
    /// fingerprint. A section without a marker is matched to the English section at the same
    /// place, when the two chapters have the same headings' levels (never in a glossary, whose
    /// order is its language's alphabet: write its markers' keys by hand). Returns the files it
    /// changed; throws the sections it cannot match, writing nothing then.
    @discardableResult
    public static func accept(_ options: BuildOptions, files: [String]) throws(BuildError) -> [String] {
        let english = try BookSources.load(options, "en")
        let bySlug = Dictionary(english.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var targets: [SourceChapter] = []
        if files.isEmpty {
            for language in try BookSources.languages(in: options) where language != "en" {
                targets += try BookSources.load(options, language)
            }
        } else {
            for file in files {
                let parts = file.split(separator: "/").map(String.init)
                guard parts.count == 2, parts[0] != "en", parts[1].hasSuffix(".md") else { throw .notATranslation(file) }
                guard let chapter = try BookSources.load(options, parts[0]).first(where: { $0.slug == String(parts[1].dropLast(3)) }) else {
                    throw .notATranslation(file)
                }
                targets.append(chapter)
            }
        }
        var problems: [Diagnostic] = []
        var texts: [(URL, String, String)] = []
        for target in targets {
            guard let chapter = target.parsed else { problems += target.diagnostics; continue }
            guard let original = bySlug[target.slug]?.parsed else {
                problems.append(Diagnostic(.translationOrphan, "the chapter has no English original: expected en/\(target.slug).md",
                                           at: SourceLocation(file: target.file, line: 1, column: 1)))
                continue
            }
            let (text, found) = marked(chapter, english: original, positional: target.slug != "glossary")
            problems += found
            if text != chapter.source.text { texts.append((target.url, target.file, text)) }
        }
        if !problems.isEmpty { throw .diagnostics(problems) }
        for (url, file, text) in texts {
            do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
                throw .cannotWrite(path: file, reason: error.localizedDescription)
            }
        }
        return texts.map(\.1)
    }

    /// `chapter`'s text with every section's marker holding `english`'s current fingerprint.
    static func marked(_ chapter: Chapter, english: Chapter, positional: Bool) -> (String, [Diagnostic]) {
        let byKey = Dictionary(english.sections.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let sameShape = positional && chapter.sections.map(\.level) == english.sections.map(\.level)
        var lines = chapter.source.lines
        var problems: [Diagnostic] = []
        // From the end, so that inserted lines do not move the sections still to do.
        for (k, section) in chapter.sections.enumerated().reversed() {
            if let mark = section.mark {
                guard let original = byKey[mark.key] else {
                    problems.append(chapter.source.diagnostic(.translationUnknownSection,
                        "the marker names '\(mark.key)', which is no section of \(english.source.file)", line: mark.line, column: 1))
                    continue
                }
                lines[mark.line - 1] = SourceMark.line(key: original.key, fingerprint: original.fingerprint)
            } else if sameShape {
                let original = english.sections[k]
                lines.insert(SourceMark.line(key: original.key, fingerprint: original.fingerprint), at: section.line)
            } else {
                problems.append(chapter.source.diagnostic(.translationUnmarkedSection,
                    "cannot tell which section of \(english.source.file) '\(section.title)' translates; write `\(SourceMark.line(key: "KEY", fingerprint: "00000000"))` under its heading with the English heading's key",
                    line: section.line, column: 1))
            }
        }
        let lineEnd = chapter.source.text.contains("\r\n") ? "\r\n" : "\n"
        return (lines.joined(separator: lineEnd), problems)
    }
}
