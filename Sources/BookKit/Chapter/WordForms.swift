import Foundation

/// The forms of a word that follows a computed number, written after a `|` in an inline
/// expression, in the language's CLDR category order (`one/few/many[/other]` in Russian,
/// `one/other` in English and Estonian):
///
/// - `` `=run.config.steps | шаг/шага/шагов` `` reads "1000 шагов": the number, a no-break
///   space and the form the number asks for;
/// - `` `=firing | word: срабатывает/срабатывают/срабатывают` `` reads "срабатывают": the form
///   alone, for a word that is not next to its number (a verb before its subject).
///
/// Interface templates use the same forms inside a placeholder: `{1 | шаг/шага/шагов}`.
public struct WordForms: Sendable, Hashable {
    /// The forms, in the language's category order.
    public var forms: [String]
    /// `word:`: only the chosen form is shown, not the number.
    public var wordOnly: Bool

    public init(forms: [String], wordOnly: Bool = false) {
        self.forms = forms
        self.wordOnly = wordOnly
    }

    /// Reads `шаг/шага/шагов` or `word: ...`; nil when `text` is not a list of at least two
    /// forms made of letters, spaces, hyphens and apostrophes (so that Swift code never is).
    public init?(parsing text: Substring) {
        var body = text.trimmingCharacters(in: .whitespaces)[...]
        var wordOnly = false
        if body.hasPrefix("word:") {
            wordOnly = true
            body = body.dropFirst(5)
        }
        let forms = body.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard forms.count >= 2, forms.allSatisfy({ form in
            !form.isEmpty && form.contains(where: \.isLetter)
                && form.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }
        }) else { return nil }
        self.init(forms: forms, wordOnly: wordOnly)
    }
}
