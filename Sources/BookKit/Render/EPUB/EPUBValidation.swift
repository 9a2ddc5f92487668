import Foundation

extension EPUBBook {
    /// Checks what the package documents rely on, so that a bad book fails here and not in a reader.
    func validate() throws {
        guard !chapters.isEmpty else { throw EPUBError.noChapters }
        for (field, value) in [("language", language), ("title", title), ("identifier", identifier)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw EPUBError.badMetadata(field: field, value: value, expected: "a non-empty text")
        }
        guard Self.isTimestamp(modified) else {
            throw EPUBError.badMetadata(field: "modified", value: modified, expected: "a UTC time like 2026-01-01T00:00:00Z")
        }
        var seen = Set<String>()
        for chapter in chapters {
            guard Self.isSlug(chapter.slug) else { throw EPUBError.badSlug(chapter.slug) }
            guard seen.insert(chapter.slug.lowercased()).inserted else { throw EPUBError.duplicateSlug(chapter.slug) }
            if chapter.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw EPUBError.badMetadata(field: "title of \(chapter.slug)", value: chapter.title, expected: "a non-empty text")
            }
            try Self.checkContent(of: chapter)
            for heading in chapter.headings where !chapter.body.contains("id=\"\(heading.id)\"") {
                throw EPUBError.missingHeading(slug: chapter.slug, id: heading.id)
            }
        }
    }

    /// No scripts (the package declares none) and no control characters, which XML 1.0 forbids even as references.
    private static func checkContent(of chapter: EPUBChapter) throws {
        if chapter.body.range(of: "<script", options: .caseInsensitive) != nil {
            throw EPUBError.forbiddenContent(slug: chapter.slug, what: "a <script> element")
        }
        let forbidden = chapter.body.unicodeScalars.first { scalar in
            (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        if let scalar = forbidden {
            let code = String(format: "U+%04X", scalar.value)
            throw EPUBError.forbiddenContent(slug: chapter.slug, what: "the character \(code), which XML cannot carry")
        }
    }

    /// A file stem that needs no escaping in a URL and does not collide with the nav document.
    private static func isSlug(_ slug: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        return !slug.isEmpty && !slug.hasPrefix(".") && slug.allSatisfy(allowed.contains) && slug.lowercased() != "nav"
    }

    /// `dcterms:modified` must be exactly CCYY-MM-DDThh:mm:ssZ (EPUB 3.3's rule for this property; epubcheck refuses any other form).
    private static func isTimestamp(_ text: String) -> Bool {
        let pattern = Array("dddd-dd-ddTdd:dd:ddZ")
        let characters = Array(text)
        guard characters.count == pattern.count else { return false }
        return zip(characters, pattern).allSatisfy { character, expected in
            expected == "d" ? character.isASCII && character.isNumber : character == expected
        }
    }
}
