/// One language's book, ready to package as one EPUB 3 file.
struct EPUBBook: Sendable {
    /// The BCP 47 language code, e.g. `en`, `ru`, `et`.
    var language: String
    /// The book's title in that language, as plain text (the packager escapes it).
    var title: String
    /// A stable unique id, e.g. `urn:book:how-a-gpt-works:en`.
    var identifier: String
    /// The `dcterms:modified` date, `2026-01-01T00:00:00Z` style; given, so that builds are byte-reproducible.
    var modified: String
    /// The CSS for the chapters (EPUB-safe: no scripts).
    var stylesheet: String
    /// The chapters in reading order.
    var chapters: [EPUBChapter]

    /// A book from its metadata, stylesheet and chapters.
    init(language: String, title: String, identifier: String, modified: String,
                stylesheet: String, chapters: [EPUBChapter]) {
        self.language = language
        self.title = title
        self.identifier = identifier
        self.modified = modified
        self.stylesheet = stylesheet
        self.chapters = chapters
    }
}

/// One chapter of an `EPUBBook`: one XHTML document in the package.
struct EPUBChapter: Sendable {
    /// The file stem, e.g. `03-attention` for `03-attention.xhtml`.
    var slug: String
    /// The chapter's title as plain text, for its `<title>` and the table of contents.
    var title: String
    /// A well-formed XHTML fragment: what goes inside `<body>`, packaged as it is.
    var body: String
    /// The headings listed in the table of contents; each `id` exists in `body`.
    var headings: [Heading]

    /// A chapter from its file stem, title, XHTML body and headings.
    init(slug: String, title: String, body: String, headings: [Heading]) {
        self.slug = slug
        self.title = title
        self.body = body
        self.headings = headings
    }

    /// The chapter's file name inside the package.
    var fileName: String { slug + ".xhtml" }
    /// The chapter's manifest id (an XML name, which may not start with a digit).
    var manifestID: String { "chapter-" + slug }
    /// Whether the body holds inline SVG, which the manifest must declare.
    var hasSVG: Bool { body.contains("<svg") }
    /// Whether the body holds MathML (typeset formulas), which the manifest must declare too.
    var hasMathML: Bool { body.contains("<math") }
    /// The manifest item's `properties`, nil when it needs none.
    var properties: String? {
        let list = (hasMathML ? ["mathml"] : []) + (hasSVG ? ["svg"] : [])
        return list.isEmpty ? nil : list.joined(separator: " ")
    }
}
