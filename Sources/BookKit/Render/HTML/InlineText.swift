/// How an inline expression's value reads in a sentence.
enum InlineText {
    /// Numbers in the language's format (`| N` gives exactly N decimals, otherwise at most 4),
    /// followed by the word form they ask for when the expression has forms; strings as they
    /// are; anything else as its plain-text result.
    static func text(_ outcome: StepOutcome, _ inline: InlineExpression, language: String) -> String {
        let format = NumberFormat(language: language)
        let shown: NumberFormat.Shown
        switch outcome.display {
        case .number(let x)?:
            shown = format.shown(x, decimals: inline.decimals ?? 4, keepZeros: inline.decimals != nil)
        case .integer(let n)?:
            shown = inline.decimals.map { format.shown(Double(n), decimals: $0, keepZeros: true) } ?? format.shown(n)
        case .string(let s)?:
            return s
        default:
            return OutcomeCheck.trimmed(outcome.text)
        }
        guard let forms = inline.forms, let word = word(forms, for: shown, language: language) else { return shown.text }
        return forms.wordOnly ? word : shown.text + "\u{00A0}" + word
    }

    /// The form of `forms` that the number shown as `shown` asks for in `language`.
    static func word(_ forms: WordForms, for shown: NumberFormat.Shown, language: String) -> String? {
        guard let rules = PluralRules.forLanguage(language) else { return nil }
        return rules.form(forms.forms, for: rules.category(ofNumberText: shown.plain))
    }
}
