import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// The search index the build writes for each edition: one document per section, with the text a
/// reader sees (inline values in, code and formulas out); English stemmed, Russian and Estonian
/// lowercased with ё as е.
@Suite(.ownThreads) struct SearchIndexTests {
    @Test func sectionsAreTheDocuments() throws {
        let book = ScratchBook()
        try SearchFixture.write(to: book)
        try book.project().build()
        let english = try SearchFixture.index(in: book.output, language: "en")
        let documents = try #require(english["documents"] as? [[String]])
        #expect(documents.map { $0[0] } == ["01-attention.html", "01-attention.html#queries-and-keys", "01-attention.html#values"])
        #expect(documents.map { $0[1] } == ["Attention", "Attention", "Attention"])
        #expect(documents.map { $0[2] } == ["Attention", "Queries and keys", "Values"])
        #expect(documents[0][3] == "Every token looks back at the tokens before it.")
        #expect(documents[1][3] == "A query is compared with every key; the scores become weights through softmax, . The loss here is 2.5.")
        #expect(!documents.flatMap { $0 }.contains { $0.contains("zebrafish") || $0.contains("frac") })
        #expect(english["language"] as? String == "en")
    }

    @Test func russianAndEstonianWordsAreFoldedAndEnglishIsStemmed() throws {
        let book = ScratchBook()
        try SearchFixture.write(to: book)
        try book.project().build()
        func terms(_ language: String) throws -> (pipeline: [String], terms: Set<String>) {
            let index = try #require(try SearchFixture.index(in: book.output, language: language)["index"] as? [String: Any])
            let inverted = try #require(index["invertedIndex"] as? [[Any]])
            return (index["pipeline"] as? [String] ?? [], Set(inverted.compactMap { $0.first as? String }))
        }
        let russian = try terms("ru"), estonian = try terms("et"), english = try terms("en")
        #expect(russian.pipeline == ["book-fold"])
        #expect(russian.terms.isSuperset(of: ["елка", "еще", "все", "запрос", "ключом", "внимание", "токены"]))
        #expect(!russian.terms.contains { $0.contains("ё") || $0.contains("«") || $0.first?.isUppercase == true })
        #expect(estonian.pipeline == ["book-fold"])
        #expect(estonian.terms.isSuperset(of: ["õunapuu", "tähelepanu", "päringut", "väärtused"]))
        #expect(english.pipeline == ["stemmer"])
        #expect(english.terms.isSuperset(of: ["queri", "weight", "token", "attent"]))
        #expect(!english.terms.contains("the"))  // a stop word
    }

    @Test func theIndexIsCachedAndRebuiltWhenTheTextChanges() throws {
        let book = ScratchBook()
        try SearchFixture.write(to: book)
        var options = book.options()
        options.cache = book.root.appendingPathComponent(".build-cache")
        try Project(options: options, makeSession: SessionCounter().make).build()
        let search = book.root.appendingPathComponent(".build-cache/search")
        #expect(try FileManager.default.contentsOfDirectory(atPath: search.path).filter { $0.hasSuffix(".json") }.count == 3)
        let first = try Data(contentsOf: book.output.appendingPathComponent("ru/search-index.js"))
        try Project(options: options, makeSession: SessionCounter().make).build()
        #expect(try Data(contentsOf: book.output.appendingPathComponent("ru/search-index.js")) == first)
        try book.write("ru/01-attention.md", SearchFixture.russian.replacingOccurrences(of: "ЁЛКА", with: "сосна"))
        try Project(options: options, makeSession: SessionCounter().make).build()
        let documents = try #require(try SearchFixture.index(in: book.output, language: "ru")["documents"] as? [[String]])
        #expect(documents[1][3].contains("сосна"))
    }

    /// `book serve`'s order: after an edit the pages come first, with the last index; the new index
    /// follows from `searchIndexes()`, the same bytes a one-off build writes.
    @Test func aServerGetsThePagesFirstAndTheIndexAfter() throws {
        let book = ScratchBook()
        try SearchFixture.write(to: book)
        var options = book.options()
        options.cache = book.root.appendingPathComponent(".build-cache")
        let project = Project(options: options, makeSession: SessionCounter().make)
        let first = try project.render(searchLater: true)
        #expect(try project.searchIndexes().isEmpty)  // the first build made its index at once
        let firstIndex = try #require(first.files["en/search-index.js"])
        #expect(String(decoding: firstIndex, as: UTF8.self).contains("softmax"))

        try book.write("en/01-attention.md", SearchFixture.english.replacingOccurrences(of: "added up", with: "added up by the pangolin"))
        let second = try project.render(searchLater: true)
        #expect(String(decoding: try #require(second.files["en/01-attention.html"]), as: UTF8.self).contains("pangolin"))
        #expect(second.files["en/search-index.js"] == firstIndex)
        #expect(second.files["ru/search-index.js"] == first.files["ru/search-index.js"])

        let indexes = try project.searchIndexes()
        #expect(Set(indexes.keys) == ["en/search-index.js", "ru/search-index.js", "et/search-index.js"])
        #expect(String(decoding: try #require(indexes["en/search-index.js"]), as: UTF8.self).contains("pangolin"))
        #expect(indexes["ru/search-index.js"] == first.files["ru/search-index.js"])
        #expect(try project.searchIndexes().isEmpty)  // nothing left for later
        let oneOff = try Project(options: options, makeSession: SessionCounter().make).render()
        for (path, data) in indexes { #expect(oneOff.files[path] == data, "\(path)") }
        // The next build's pages come with the new index.
        #expect(try project.render(searchLater: true).files["en/search-index.js"] == indexes["en/search-index.js"])
    }
}
