/// Why a book cannot be packaged as an EPUB.
enum EPUBError: Error, Equatable, CustomStringConvertible {
    /// The book has no chapters; an EPUB's spine needs at least one.
    case noChapters
    /// A metadata field is empty or malformed (field name, value, what was expected).
    case badMetadata(field: String, value: String, expected: String)
    /// A chapter slug is not usable as a file stem.
    case badSlug(String)
    /// Two chapters share a slug.
    case duplicateSlug(String)
    /// A heading's id does not occur in its chapter's body.
    case missingHeading(slug: String, id: String)
    /// A chapter holds what an EPUB content document may not: a script, or a character XML cannot carry.
    case forbiddenContent(slug: String, what: String)
    /// The zip archive could not be written.
    case archive(String)

    var description: String {
        switch self {
        case .noChapters:
            return "EPUB: the book has no chapters"
        case let .badMetadata(field, value, expected):
            return "EPUB: \(field) \"\(value)\" is not \(expected)"
        case let .badSlug(slug):
            return "EPUB: chapter slug \"\(slug)\" must be letters, digits, '-', '_' or '.', and not \"nav\""
        case let .duplicateSlug(slug):
            return "EPUB: two chapters have the slug \"\(slug)\""
        case let .missingHeading(slug, id):
            return "EPUB: chapter \(slug) lists heading #\(id), which its body does not have"
        case let .forbiddenContent(slug, what):
            return "EPUB: chapter \(slug) holds \(what)"
        case let .archive(message):
            return "EPUB: cannot write the archive: \(message)"
        }
    }
}
