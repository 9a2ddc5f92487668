/// One section of a chapter as the search index sees it: a page and anchor to go to, the chapter's
/// title, the section's heading and the text a reader sees under it (inline expressions as their
/// values; steps, results and formulas left out).
struct SearchDocument: Sendable, Hashable, Codable {
    /// `03-attention.html#queries-keys-and-values`; a chapter's opening section links to the page.
    var ref: String
    var chapter: String
    var heading: String
    var body: String
}

/// The search documents of an edition: a section from each heading of level 1 to 3 to the next
/// (deeper headings stay in their section's text). The index is made from the chapters before their
/// steps run (`indexed`, without inline values, so that Node.js indexes while the steps run); the
/// page lists the same sections, in the same order, as the reader sees them (`shown`).
enum SearchDocuments {
    /// The sections as the index reads them: inline expressions left out.
    static func indexed(_ chapter: Chapter, slug: String, language: String) -> [SearchDocument] {
        documents(ChapterBody(chapter: chapter, outcomes: [], language: language), slug: slug)
    }

    /// A chapter's sections as its page shows them in the results.
    static func shown(_ result: BookResults.ChapterResult, language: String) -> [SearchDocument] {
        documents(ChapterBody(chapter: result.chapter, outcomes: result.outcomes, language: language), slug: result.slug)
    }

    static func documents(_ body: ChapterBody, slug: String) -> [SearchDocument] {
        let texts = body.inlineTexts
        let headings = Dictionary(body.headings().map { ($0.node, $0.heading) }, uniquingKeysWith: { a, _ in a })
        // Formulas, and inline expressions without a value, are not words to look for.
        let skipped = Set(body.chapter.formulas.map(\.node) + body.chapter.inlines.map(\.node) + body.chapter.words.map(\.node))
        let chapterTitle = headings.values.first { $0.level == 1 }?.text ?? body.chapter.title
        var documents: [SearchDocument] = []
        var text = ""

        func close() {
            let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !words.isEmpty, documents.isEmpty {
                documents.append(SearchDocument(ref: slug + ".html", chapter: chapterTitle, heading: chapterTitle, body: ""))
            }
            if !documents.isEmpty { documents[documents.count - 1].body = words }
            text = ""
        }
        func walk(_ node: MarkdownNode) {
            if let value = texts[node.index] { text += value; return }
            switch node.kind {
            case .heading(let level) where level <= 3:
                close()
                let heading = headings[node.index]
                let ref = level == 1 ? slug + ".html" : slug + ".html#" + (heading?.id ?? "")
                documents.append(SearchDocument(ref: ref, chapter: chapterTitle, heading: heading?.text ?? node.plainText, body: ""))
            case .codeBlock:
                break
            case .code:
                if !skipped.contains(node.index) { text += node.literal }
            case .text, .htmlInline, .htmlBlock:
                text += node.literal
            case .softBreak, .lineBreak:
                text += " "
            default:
                for child in node.children { walk(child) }
                if node.isBlock { text += "\n" }
            }
        }
        walk(body.chapter.document)
        close()
        return documents
    }
}
