/// The XML documents of an EPUB package: container, package document (OPF), navigation and chapters.
///
/// Every text that comes from the book is escaped here; chapter bodies are already XHTML and go in as they are.
enum EPUBDocuments {
    /// The folder inside the zip that holds the package document and its content.
    static let folder = "EPUB"
    static let packageFile = "package.opf"
    static let navFile = "nav.xhtml"
    static let styleFile = "style.css"

    /// `META-INF/container.xml`: points reading systems at the package document.
    static func container() -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="\(folder)/\(packageFile)" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """
    }

    /// The package document: metadata, every file in the manifest, chapters in the spine in reading order.
    static func package(_ book: EPUBBook) -> String {
        let xhtml = "application/xhtml+xml"
        var manifest = [
            item(id: "nav", href: navFile, type: xhtml, properties: "nav"),
            item(id: "style", href: styleFile, type: "text/css", properties: nil),
        ]
        manifest += book.chapters.map { chapter in
            item(id: chapter.manifestID, href: chapter.fileName, type: xhtml, properties: chapter.properties)
        }
        let spine = book.chapters.map { "    <itemref idref=\"\(escape($0.manifestID))\"/>" }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(escape(book.language))">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="book-id">\(escape(book.identifier))</dc:identifier>
            <dc:title>\(escape(book.title))</dc:title>
            <dc:language>\(escape(book.language))</dc:language>
            <meta property="dcterms:modified">\(escape(book.modified))</meta>
          </metadata>
          <manifest>
        \(manifest.joined(separator: "\n"))
          </manifest>
          <spine>
        \(spine.joined(separator: "\n"))
          </spine>
        </package>

        """
    }

    /// The navigation document: the table of contents (chapters, their level-2 headings nested) and landmarks.
    static func navigation(_ book: EPUBBook) -> String {
        var toc: [String] = []
        for chapter in book.chapters {
            let link = "<a href=\"\(escape(chapter.fileName))\">\(escape(chapter.title))</a>"
            let sections = chapter.headings.filter { $0.level == 2 }
            if sections.isEmpty {
                toc.append("      <li>\(link)</li>")
                continue
            }
            toc.append("      <li>\(link)")
            toc.append("        <ol>")
            for heading in sections {
                let href = escape(chapter.fileName + "#" + heading.id)
                toc.append("          <li><a href=\"\(href)\">\(escape(heading.text))</a></li>")
            }
            toc.append("        </ol>")
            toc.append("      </li>")
        }
        // validate() guarantees a first chapter; the fallback only keeps this total.
        let first = book.chapters.first.map { "<a epub:type=\"bodymatter\" href=\"\(escape($0.fileName))\">\(escape($0.title))</a>" } ?? ""
        let body = """
          <nav epub:type="toc" id="toc">
            <h1>\(escape(book.title))</h1>
            <ol>
        \(toc.joined(separator: "\n"))
            </ol>
          </nav>
          <nav epub:type="landmarks" id="landmarks" hidden="hidden">
            <ol>
              <li>\(first)</li>
            </ol>
          </nav>
        """
        return document(language: book.language, title: book.title, stylesheet: false, body: body)
    }

    /// A chapter as a complete XHTML5 document around its body.
    static func chapter(_ chapter: EPUBChapter, language: String) -> String {
        document(language: language, title: chapter.title, stylesheet: true, body: chapter.body)
    }

    /// An XHTML5 content document: doctype, namespaces, language, title and (optionally) the book's CSS.
    private static func document(language: String, title: String, stylesheet: Bool, body: String) -> String {
        let link = stylesheet ? "\n<link rel=\"stylesheet\" type=\"text/css\" href=\"\(styleFile)\"/>" : ""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="\(escape(language))" lang="\(escape(language))">
        <head>
        <meta charset="utf-8"/>
        <title>\(escape(title))</title>\(link)
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    private static func item(id: String, href: String, type: String, properties: String?) -> String {
        let extra = properties.map { " properties=\"\($0)\"" } ?? ""
        return "    <item id=\"\(escape(id))\" href=\"\(escape(href))\" media-type=\"\(type)\"\(extra)/>"
    }

    /// Escapes text for XML content and double-quoted attribute values; drops the C0 control
    /// characters that XML 1.0 cannot carry, escaped or not (tab and line ends stay).
    static func escape(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        return HTML.escape(String(kept))
    }
}
