/// How an inline expression's value reads in a sentence.
enum InlineText {
    /// Numbers in the language's format (`| N` gives exactly N decimals, otherwise at most 4);
    /// strings as they are; anything else as its plain-text result.
    static func text(_ outcome: StepOutcome, decimals: Int?, language: String) -> String {
        let format = NumberFormat(language: language)
        func number(_ x: Double) -> String {
            decimals.map { format.fixed(x, decimals: $0) } ?? format.string(x)
        }
        switch outcome.display {
        case .number(let x)?: return number(x)
        case .integer(let n)?: return decimals == nil ? format.string(Double(n), decimals: 0) : number(Double(n))
        case .string(let s)?: return s
        default: return OutcomeCheck.trimmed(outcome.text)
        }
    }
}
