import BookTestSupport
@testable import BookKit
import Foundation
import Testing

/// Words after computed numbers follow CLDR's plural rules, and numbers each language's format.
@Suite(.ownThreads) struct PluralTests {
    private func categories(_ language: String, _ numbers: [String]) throws -> [PluralCategory] {
        let rules = try #require(PluralRules.forLanguage(language))
        return numbers.map { rules.category(ofNumberText: $0) }
    }

    /// CLDR's own samples for Russian (integers one/few/many, fractions other).
    @Test func russianCategoriesMatchCLDRSamples() throws {
        #expect(try categories("ru", ["1", "21", "31", "101", "1001", "-1"]).allSatisfy { $0 == .one })
        #expect(try categories("ru", ["2", "3", "4", "22", "24", "102", "1004", "32033"]).allSatisfy { $0 == .few })
        #expect(try categories("ru", ["0", "5", "9", "11", "12", "14", "19", "100", "111", "112", "1000", "32035"]).allSatisfy { $0 == .many })
        #expect(try categories("ru", ["1.0", "0.5", "2.50", "1.5", "1.0e-05"]).allSatisfy { $0 == .other })
    }

    @Test func englishAndEstonianHaveOneOnlyForAPlainOne() throws {
        for language in ["en", "et"] {
            #expect(try categories(language, ["1", "-1"]) == [.one, .one])
            #expect(try categories(language, ["0", "2", "11", "21", "101", "1.0", "0.5"]).allSatisfy { $0 == .other })
        }
        #expect(PluralRules.forLanguage("de") == nil)
    }

    @Test func formsAreChosenByTheNumberAsShown() throws {
        let rules = try #require(PluralRules.forLanguage("ru"))
        let forms = ["шаг", "шага", "шагов"]
        #expect(["1", "2", "5", "21", "1000", "2.5"].map { rules.form(forms, for: rules.category(ofNumberText: $0)) }
                == ["шаг", "шага", "шагов", "шаг", "шагов", "шага"])
        #expect(rules.acceptedFormCounts == [3, 4])
        #expect(PluralRules.forLanguage("en")?.acceptedFormCounts == [2])
    }

    /// What swift-corelibs-foundation gives here, as the book shows it (no-break spaces U+00A0,
    /// the minus U+2212 in every language).
    @Test func numbersFollowEachLanguagesConventions() {
        let (en, ru, et) = (NumberFormat(language: "en"), NumberFormat(language: "ru"), NumberFormat(language: "et"))
        #expect([4192, 32033, -7].map(en.integer) == ["4,192", "32,033", "−7"])
        #expect([4192, 32033, 1234567].map(ru.integer) == ["4\u{A0}192", "32\u{A0}033", "1\u{A0}234\u{A0}567"])
        #expect([4192, 32033, -1234].map(et.integer) == ["4192", "32\u{A0}033", "−1234"])
        #expect(ru.string(-1234.5) == "−1\u{A0}234,5")
        #expect(et.string(2.65) == "2,65" && en.string(2.65) == "2.65")
        #expect(en.fixed(2.5, decimals: 2) == "2.50" && ru.fixed(-0.001, decimals: 2) == "0,00")
        // Rounded as printf rounds the binary value, as the steps' own text does.
        #expect(en.string(2.64975) == String(format: "%.4f", 2.64975))
        #expect(en.string(-0.00001) == "−1.0e−05" && ru.string(-0.00004, decimals: 4) == "−4,0e−05")
        #expect(en.string(-0.00004, decimals: 2) == "−4.0e−05")
    }

    @Test func noNegativeZeroIsEverShown() {
        for language in ["en", "ru", "et"] {
            let format = NumberFormat(language: language)
            #expect(format.string(-0.0) == "0")
            #expect(format.string(-0.00004, decimals: 4).hasSuffix("e−05"))
            #expect(format.fixed(-0.0004, decimals: 2) == (language == "en" ? "0.00" : "0,00"))
            #expect(format.fixed(-0.0, decimals: 0) == "0")
        }
    }

    @Test func inlineExpressionsTakeTheFormTheirNumberAsks() {
        func text(_ display: Display, _ suffix: String, _ language: String) -> String {
            let (expression, format) = ChapterParser.splitFormat("x | " + suffix)
            let inline = InlineExpression(expression: expression, decimals: format.decimals, forms: format.forms,
                                          span: SourceLocation(file: "f", line: 1, column: 1),
                                          origin: SourceLocation(file: "f", line: 1, column: 1), node: 0)
            return InlineText.text(StepOutcome(printed: "", text: "", display: display, diagnostics: [], duration: .zero), inline, language: language)
        }
        #expect(text(.integer(1000), "шаг/шага/шагов", "ru") == "1\u{A0}000\u{A0}шагов")
        #expect(text(.integer(21), "шаг/шага/шагов", "ru") == "21\u{A0}шаг")
        #expect(text(.integer(3), "word: срабатывает/срабатывают/срабатывают", "ru") == "срабатывают")
        #expect(text(.number(2.5), "шаг/шага/шагов", "ru") == "2,5\u{A0}шага")
        #expect(text(.number(1), "2 | step/steps", "en") == "1.00\u{A0}steps")
        #expect(text(.integer(1), "step/steps", "en") == "1\u{A0}step")
        #expect(text(.integer(1), "samm/sammu", "et") == "1\u{A0}samm")
    }

    @Test func interfaceTemplatesChooseFormsToo() {
        let ru = InterfaceText.forLanguage("ru")
        #expect(ru.filled(ru.lossDescription, .count(1), .text("3"), .text("2")).hasPrefix("График потерь за 1\u{A0}шаг:"))
        #expect(ru.filled(ru.lossDescription, .count(1000), .text("3"), .text("2")).hasPrefix("График потерь за 1\u{A0}000\u{A0}шагов:"))
        let en = InterfaceText.forLanguage("en")
        #expect(en.filled(en.vectorTitle, .count(1)) == "Vector of 1\u{A0}number")
        #expect(en.filled("{1} × {2} {3}", .count(2), .text("b")) == "2 × b {3}")
        for language in InterfaceText.languages {
            let words = InterfaceText.forLanguage(language)
            let counts = PluralRules.forLanguage(language)?.acceptedFormCounts ?? []
            for (word, forms) in words.wordForms {
                #expect(counts.contains(forms.forms.count), "\(language).\(word): \(forms.forms)")
            }
        }
        #expect(!ru.wordForms.isEmpty && ru.wordForms.count >= 5)
    }

    @Test func aWordAloneFollowsTheSameExpressionShownNearbyAndStaysOutOfTheProgram() throws {
        let text = "# T\n\nOnly `=2` of `=64 | нейрона/нейронов/нейронов` `=2 | word: срабатывает/срабатывают/срабатывают`.\n"
        let chapter = ChapterParser.parse(ChapterText(file: "ru/01-t.md", text: text))
        #expect(chapter.diagnostics.isEmpty)
        #expect(chapter.program == ["inline\u{0}2", "inline\u{0}64"])
        #expect(chapter.words.map(\.expression) == ["2"])
        let lonely = ChapterParser.parse(ChapterText(file: "ru/01-t.md", text: "# T\n\nThey `=n | word: fires/fire`.\n"))
        #expect(lonely.diagnostics.map(\.id) == [.wordWithoutNumber])
        #expect(lonely.diagnostics.first?.location == SourceLocation(file: "ru/01-t.md", line: 3, column: 6))

        let book = ScratchBook()
        try book.write("ru/01-t.md", text)
        try book.project().build()
        let page = String(decoding: try Data(contentsOf: book.output.appendingPathComponent("ru/01-t.html")), as: UTF8.self)
        #expect(page.contains("<p>Only 2 of 64\u{A0}нейронов срабатывают.</p>"))
    }

    @Test func wrongFormCountsAndWordsAfterNonNumbersAreErrors() throws {
        let book = ScratchBook()
        try book.write("ru/01-t.md", "# T\n\nA `=3 | шаг/шагов` and `=abc | шаг/шага/шагов`.\n")
        try book.write("de/01-t.md", "# T\n\nA `=3 | Schritt/Schritte`.\n")
        do {
            try book.project().check()
            Issue.record("check should fail")
        } catch {
            guard case .diagnostics(let found) = error else { Issue.record("\(error)"); return }
            #expect(found.map(\.id) == [.wordFormsCount, .wordFormsNotNumber, .wordFormsLanguage])
            #expect(found.first?.message == "'шаг/шагов' has 2 forms; 'ru' words take 3 or 4, in the order one/few/many/other")
        }
    }
}
