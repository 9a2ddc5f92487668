import BookKit
import BookTestSupport
import Foundation
import MicroGPTSteps
import Testing

/// The book's translations are in step with the English, section by section: `book check
/// --strict` passes (no stale or unmarked section, nothing lacking, glossaries in alphabet order).
@Suite(.ownThreads) struct TranslationStateTests {
    @Test func theStrictCheckPassesOnTheBook() throws {
        do throws(BuildError) {
            let report = try Project(options: BuildOptions(chapters: Book.chapters.path), binding: MicroGPTBinding()).check(strict: true)
            #expect(report.warnings == [])
            #expect(report.chapters == Book.languages.count * Book.slugs.count)
        } catch {
            Issue.record("book check --strict fails:\n\(error)")
        }
    }

    /// Every translated section carries a marker under its heading.
    @Test(arguments: ["ru", "et"])
    func everyTranslatedSectionSaysWhatItTranslates(language: String) throws {
        for slug in Book.slugs {
            let chapter = try Book.parse(language, slug)
            #expect(!chapter.sections.isEmpty && chapter.sections.allSatisfy { $0.mark != nil }, "\(language)/\(slug).md")
            #expect(chapter.sections.count == (try Book.parse("en", slug)).sections.count, "\(language)/\(slug).md")
        }
    }
}
