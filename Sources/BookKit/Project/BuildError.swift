/// Why a build or check failed; nothing was written when it did.
public enum BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The chapters folder does not exist.
    case chaptersFolderMissing(String)
    /// The chapters folder holds no `<lang>/NN-name.md` files.
    case noChapters(String)
    /// A language folder asked for with `--language` is missing or holds no chapters.
    case languageMissing(language: String, folder: String)
    /// A language folder (or `--language`) not named like a language code.
    case badLanguage(language: String, folder: String)
    /// A file that could not be read at all.
    case unreadable(file: String, reason: String)
    /// Problems in chapters, in file order, each at its position.
    case diagnostics([Diagnostic])
    /// A renderer could not make its files (the site's broken links, an EPUB that cannot be packed).
    case render(format: String, String)
    /// `--format` names no renderer.
    case unknownFormat(String)
    /// The output could not be put in place.
    case cannotWrite(path: String, reason: String)
    /// A tool the build runs is missing or failed (Node.js for KaTeX and lunr, a Debian library).
    case missingTool(String)
    /// `book translations --accept` was given a file that is no translated chapter.
    case notATranslation(String)

    public var description: String {
        switch self {
        case .chaptersFolderMissing(let folder):
            return "error: the chapters folder '\(folder)' does not exist; pass --chapters DIR"
        case .noChapters(let folder):
            return "error: no chapters in '\(folder)': expected files like \(folder)/en/00-name.md"
        case .languageMissing(let language, let folder):
            return "error: no chapters for language '\(language)': expected files like \(folder)/\(language)/00-name.md"
        case .badLanguage(let language, let folder):
            return "error: '\(SafeLink.quoted(language))' is not a language code: a language folder is named by its BCP 47 code, like en, ru or pt-BR (letters, digits and '-'); rename \(folder)/\(SafeLink.quoted(language)) or move it out"
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read the file: \(reason)"
        case .diagnostics(let list):
            return list.map(\.description).joined(separator: "\n")
        case .render(let format, let problems):
            return "error: the \(format) output could not be made:\n" + problems
        case .unknownFormat(let format):
            return "error: unknown format '\(format)'; expected one of: " + Renderers.all.map(\.format).joined(separator: ", ")
        case .cannotWrite(let path, let reason):
            return "\(path): error: cannot write the build: \(reason)"
        case .missingTool(let message):
            return message
        case .notATranslation(let file):
            return "error: '\(file)' is no translated chapter: expected LANG/NN-name.md or LANG/glossary.md, LANG not en"
        }
    }
}
