import BookKit
import BookTestSupport
import Foundation
import Testing

/// Numbers in the prose come from steps: no decimal number is typed by hand outside code.
@Suite(.ownThreads) struct ProseTests {
    @Test(arguments: Book.languages)
    func noHandTypedDecimalNumbersInProse(language: String) throws {
        let decimal = try Regex(#"\d+[.,]\d+"#)
        var found: [String] = []
        for slug in Book.slugs(in: language) {
            let parsed = try Book.parse(language, slug)
            for node in parsed.document.nodes where node.kind == .text {
                // Text nodes are prose; code spans (inline expressions) and code blocks are other kinds.
                for match in (node.literal ?? "").matches(of: decimal) {
                    found.append("\(language)/\(slug).md:\(node.start.line): \(match.output[0].substring ?? "")")
                }
            }
        }
        #expect(found == [], "numbers typed by hand; use a step or an inline expression")
    }

    @Test(arguments: Book.languages)
    func everyEditionHasTheSevenPages(language: String) {
        #expect(Book.slugs(in: language) == Book.slugs)
    }

    /// Translations run the same program as English, so every number matches.
    @Test(arguments: ["ru", "et"])
    func translationsHaveTheEnglishSteps(language: String) throws {
        for slug in Book.slugs {
            let english = try Book.parse("en", slug)
            let translated = try Book.parse(language, slug)
            #expect(translated.steps.map(\.code) == english.steps.map(\.code), "\(language)/\(slug).md")
            #expect(translated.program == english.program, "\(language)/\(slug).md")
        }
    }

    @Test func englishChaptersHaveExercisesAndLinkTheGlossary() throws {
        for slug in Book.slugs.dropLast() {
            let parsed = try Book.parse("en", slug)
            let text = parsed.source.text
            #expect(text.contains("## Exercises"), "\(slug) ends with exercises")
            #expect(text.contains("(glossary.html#"), "\(slug) links glossary terms")
            #expect(parsed.steps.count >= 5, "\(slug) computes what it shows")
        }
        let glossary = try Book.parse("en", "glossary")
        let terms = glossary.document.nodes.filter { $0.headingLevel == 2 }
        #expect(terms.count >= 30)
    }
}
