/// Each chapter's search documents as the last build made them, by language and slug: a
/// server's build after an edit makes the documents of the chapter it changed, not of every
/// chapter of every edition again. A chapter's documents depend on its text, its outcomes (the
/// values inline expressions show) and its language; an entry is used only when they are equal.
final class SearchDocumentMemo {
    private var indexed: [String: (text: String, documents: [SearchDocument])] = [:]
    private var shown: [String: (text: String, outcomes: [StepOutcome], documents: [SearchDocument])] = [:]

    /// `chapters` (slug and chapter) as the index reads them: `SearchDocuments.indexed`.
    func indexed(_ chapters: [(slug: String, chapter: Chapter)], language: String) -> [SearchDocument] {
        chapters.flatMap { slug, chapter in
            let key = language + "/" + slug
            if let kept = indexed[key], kept.text == chapter.source.text { return kept.documents }
            let documents = SearchDocuments.indexed(chapter, slug: slug, language: language)
            indexed[key] = (chapter.source.text, documents)
            return documents
        }
    }

    /// `edition`'s sections as its pages show them: `SearchDocuments.shown`.
    func documents(_ edition: BookResults.Edition) -> [SearchDocument] {
        edition.chapters.flatMap { result in
            let key = edition.language + "/" + result.slug
            // Outcomes reused from an earlier run share their storage, so comparing them is quick.
            if let kept = shown[key], kept.text == result.chapter.source.text, kept.outcomes == result.outcomes { return kept.documents }
            let documents = SearchDocuments.shown(result, language: edition.language)
            shown[key] = (result.chapter.source.text, result.outcomes, documents)
            return documents
        }
    }
}
