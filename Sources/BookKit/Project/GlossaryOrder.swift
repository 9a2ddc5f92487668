import Foundation

/// A glossary's entries (its `##` headings) follow the alphabet of its language, as Foundation's
/// localized comparison (ICU's collation) orders them: Russian puts Cyrillic before Latin,
/// Estonian puts Š Z Ž after S and Õ Ä Ö Ü after W.
enum GlossaryOrder {
    /// Whether `a` comes before `b` (or ties with it) in `language`'s alphabet.
    static func inOrder(_ a: String, _ b: String, language: String) -> Bool {
        a.compare(b, options: [], range: nil, locale: Locale(identifier: language)) != .orderedDescending
    }

    /// An entry that comes before the one above it, at its heading.
    static func problems(_ glossary: Chapter, language: String, severity: Severity) -> [Diagnostic] {
        let entries = glossary.sections.filter { $0.level == 2 }
        return zip(entries, entries.dropFirst()).compactMap { above, entry in
            inOrder(above.title, entry.title, language: language) ? nil
                : glossary.source.diagnostic(.glossaryOrder,
                    "'\(entry.title)' comes before '\(above.title)' in the '\(language)' alphabet; move the entry up",
                    line: entry.line, column: 1, severity: severity)
        }
    }
}
