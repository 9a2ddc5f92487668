import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// Translated sections record the English they translate; stale ones are named, strict checks
/// find what a translation lacks, and the glossary's "Used in" lines come from real links.
@Suite(.ownThreads) struct TranslationTests {
    static let english = """
    # Words

    Intro with a [term](glossary.html#term) and [another](glossary.html#other).

    ```swift step
    value 1
    ```

    ```output
    9.0
    ```

    ## Part two

    Text of part two, with the [term](glossary.html#term) again.

    ## Exercises

    ### Exercise 1

    Do it.

    ```swift step answer name=exercise-1
    value 2
    ```

    """

    static let russian = """
    # Слова

    Вступление с [термином](glossary.html#термин) и [другим](glossary.html#другое).

    ```swift step
    value 1
    ```

    ```output
    9.0
    ```

    ## Часть вторая

    Текст второй части, снова с [термином](glossary.html#термин).

    ## Упражнения

    ### Упражнение 1

    Сделайте.

    ```swift step answer name=exercise-1
    value 2
    ```

    """

    static let englishGlossary = "# Glossary\n\nAll terms.\n\n## Other\n\nThe other.\n\n## Term\n\nA term.\n"
    /// A glossary's markers name their English entries by hand (its order is the alphabet's).
    static let russianGlossary = """
    # Глоссарий
    [//]: # (en glossary 00000000)

    Все термины.

    ## Другое
    [//]: # (en other 00000000)

    Другое.

    ## Термин
    [//]: # (en term 00000000)

    Термин.

    """

    /// A book with English and Russian, the Russian accepted (`book translations --accept-all`),
    /// then its output blocks fixed.
    private func acceptedBook() throws -> ScratchBook {
        let book = ScratchBook()
        try book.write("en/01-words.md", Self.english)
        try book.write("ru/01-words.md", Self.russian)
        try book.write("en/glossary.md", Self.englishGlossary)
        try book.write("ru/glossary.md", Self.russianGlossary)
        try TranslationMarks.accept(book.options(), files: [])
        try book.project().check(fix: true)
        return book
    }

    private func ids(_ body: () throws(BuildError) -> Void) -> [DiagnosticID] {
        do throws(BuildError) {
            try body()
            return []
        } catch {
            guard case .diagnostics(let found) = error else { return [DiagnosticID(rawValue: "other: \(error)")] }
            return found.map(\.id)
        }
    }

    @Test func fingerprintsAreWrittenOnlyWhenAcceptedAndRenderToNothing() throws {
        let book = ScratchBook()
        try book.write("en/01-words.md", Self.english)
        try book.write("ru/01-words.md", Self.russian)
        try book.write("en/glossary.md", Self.englishGlossary)
        try book.write("ru/glossary.md", Self.russianGlossary)
        // Without markers a translation is untracked: a warning, and neither build nor check writes one.
        try book.project().check(fix: true)
        let report = try book.project().build()
        // (and the glossary's, keyed by hand, not accepted yet)
        #expect(report.warnings.map(\.id) == Array(repeating: .translationUnmarkedSection, count: 4)
                + Array(repeating: .translationStaleSection, count: 3))
        #expect(try !book.read("ru/01-words.md").contains("[//]"))
        #expect(try TranslationMarks.accept(book.options(), files: ["ru/01-words.md"]) == ["chapters/ru/01-words.md"])
        let marked = try book.read("ru/01-words.md")
        #expect(marked.components(separatedBy: "\n[//]: # (en ").count == 5)
        #expect(marked.contains("## Часть вторая\n[//]: # (en part-two "))
        #expect(marked.contains("### Упражнение 1\n[//]: # (en exercise-1 "))
        #expect(try TranslationMarks.accept(book.options(), files: ["ru/01-words.md"]) == [])
        #expect(try TranslationMarks.accept(book.options(), files: ["ru/glossary.md"]) == ["chapters/ru/glossary.md"])
        try book.project().check(strict: true)
        try book.project().build()
        let page = String(decoding: try Data(contentsOf: book.output.appendingPathComponent("ru/01-words.html")), as: UTF8.self)
        #expect(!page.contains("[//]") && !page.contains("(en ") && !page.contains("stale-notice"))
        #expect(throws: BuildError.notATranslation("en/01-words.md")) {
            try TranslationMarks.accept(book.options(), files: ["en/01-words.md"])
        }
    }

    @Test func aGlossaryEntryWithoutAKeyIsNeverMatchedByPlace() throws {
        let book = try acceptedBook()
        try book.write("ru/glossary.md", Self.russianGlossary.replacingOccurrences(of: "[//]: # (en term 00000000)\n", with: ""))
        #expect(ids { () throws(BuildError) in try TranslationMarks.accept(book.options(), files: ["ru/glossary.md"]) }
                == [.translationUnmarkedSection])
    }

    @Test func aStaleSectionWarnsInBuildFailsTheStrictCheckAndLinksToTheEnglish() throws {
        let book = try acceptedBook()
        // Rewritten output blocks are no change of the English text.
        #expect(try book.read("en/01-words.md").contains("```output\n1.0\n```"))
        try book.project().check(strict: true)

        try book.write("en/01-words.md", try book.read("en/01-words.md").replacingOccurrences(of: "Text of part two", with: "The text of part two"))
        let report = try book.project().build()
        #expect(report.warnings.map(\.id) == [.translationStaleSection])
        #expect(report.warnings.first?.severity == .warning)
        #expect(report.warnings.first?.location.line == 14)
        let page = String(decoding: try Data(contentsOf: book.output.appendingPathComponent("ru/01-words.html")), as: UTF8.self)
        #expect(page.contains("<h2 id=\"часть-вторая\">Часть вторая</h2><p class=\"stale-notice\">Этот раздел переведён с более ранней версии английского текста. <a href=\"../en/01-words.html#part-two\" hreflang=\"en\">"))
        #expect(page.components(separatedBy: "stale-notice").count == 2)
        #expect(try book.project().check().warnings.map(\.id) == [.translationStaleSection])
        #expect(ids { () throws(BuildError) in try book.project().check(strict: true) } == [.translationStaleSection])

        try TranslationMarks.accept(book.options(), files: ["ru/01-words.md"])
        try book.project().check(strict: true)
    }

    @Test func theStrictCheckNamesWhatATranslationLacks() throws {
        let book = try acceptedBook()
        var text = try book.read("ru/01-words.md")
        // No second part (nor its glossary link), the exercise not marked, the first result hidden.
        if let start = text.range(of: "## Часть вторая"), let end = text.range(of: "## Упражнения") {
            text.removeSubrange(start.lowerBound..<end.lowerBound)
        }
        text = text.replacingOccurrences(of: "step answer name", with: "step name")
            .replacingOccurrences(of: "```swift step\nvalue 1", with: "```swift step hide-output\nvalue 1")
        try book.write("ru/01-words.md", text)
        try book.project().check()
        #expect(ids { () throws(BuildError) in try book.project().check(strict: true) }
                == [.translationSectionMissing, .translationFigureMissing, .translationExerciseMissing, .translationGlossaryLinks])
    }

    @Test func glossaryEntriesFollowTheLanguagesAlphabet() throws {
        let book = try acceptedBook()
        try book.write("ru/glossary.md", try book.read("ru/glossary.md")
            .replacingOccurrences(of: "## Другое", with: "## Яблоко"))
        #expect(ids { () throws(BuildError) in try book.project().check(strict: true) } == [.glossaryOrder])
        #expect(GlossaryOrder.inOrder("Яблоко", "Adam", language: "ru"))
        #expect(GlossaryOrder.inOrder("Ёж", "Ель", language: "ru"))
        let estonian = ["Sõna", "Šabloon", "Zeta", "Žürii", "Tähelepanu", "Võti", "Õpe", "Äke", "Öö", "Üks"]
        #expect(zip(estonian, estonian.dropFirst()).allSatisfy { GlossaryOrder.inOrder($0, $1, language: "et") })
        #expect(GlossaryOrder.inOrder("Tõenäosus", "Tähelepanu", language: "et"))
        #expect(!GlossaryOrder.inOrder("Tõenäosus", "Tähelepanu", language: "en"))
    }

    @Test func theGlossaryListsTheChaptersThatLinkToEachEntry() throws {
        let book = try acceptedBook()
        try book.project().build()
        let ru = String(decoding: try Data(contentsOf: book.output.appendingPathComponent("ru/glossary.html")), as: UTF8.self)
        #expect(ru.contains("<p>Другое.</p>\n<p class=\"used-in\">Где встречается: <a href=\"01-words.html\">Слова</a></p>\n<h2 id=\"термин\">"))
        #expect(ru.contains("<p>Термин.</p>\n<p class=\"used-in\">Где встречается: <a href=\"01-words.html\">Слова</a></p>\n"))
        let en = String(decoding: try Data(contentsOf: book.output.appendingPathComponent("en/glossary.html")), as: UTF8.self)
        #expect(en.components(separatedBy: "<p class=\"used-in\">Used in: <a href=\"01-words.html\">Words</a></p>").count == 3)
    }
}
