import Foundation

/// Packages an `EPUBBook` as an EPUB 3 file.
enum EPUBPackage {
    /// The media type that the `mimetype` entry holds and that the file is served as.
    static let mediaType = "application/epub+zip"

    /// The bytes of the `.epub` file for `book`: the same book always gives the same bytes.
    static func data(for book: EPUBBook) throws -> Data {
        try book.validate()
        return try EPUBArchive.data(mimetype: mediaType, files: files(for: book))
    }

    /// Every file after `mimetype`, in the order they are zipped: container, package document, nav, CSS, chapters.
    static func files(for book: EPUBBook) -> [EPUBArchive.File] {
        let folder = EPUBDocuments.folder
        var files = [
            EPUBArchive.File(path: "META-INF/container.xml", contents: Data(EPUBDocuments.container().utf8)),
            EPUBArchive.File(path: "\(folder)/\(EPUBDocuments.packageFile)", contents: Data(EPUBDocuments.package(book).utf8)),
            EPUBArchive.File(path: "\(folder)/\(EPUBDocuments.navFile)", contents: Data(EPUBDocuments.navigation(book).utf8)),
            EPUBArchive.File(path: "\(folder)/\(EPUBDocuments.styleFile)", contents: Data(book.stylesheet.utf8)),
        ]
        for chapter in book.chapters {
            let text = EPUBDocuments.chapter(chapter, language: book.language)
            files.append(EPUBArchive.File(path: "\(folder)/\(chapter.fileName)", contents: Data(text.utf8)))
        }
        return files
    }
}
