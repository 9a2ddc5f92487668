/// How an inline expression's value reads in a sentence.
enum InlineText {
    /// Numbers in the language's format (`| N` gives exactly N decimals, otherwise at most 4);
    /// strings as they are; anything else as its plain-text result.
    static func text(_ outcome: StepOutcome, decimals: Int?, language: String) -> String {
        let format = NumberFormat(language: language)
        func number(_ x: Double) -> String {
            decimals.map { format.fixed(x, decimals: $0) } ?? format.string(x)
        }
        switch outcome.value {
        case let x as Double: return number(x)
        case let x as Float: return number(Double(x))
        case let n as Int: return decimals == nil ? format.string(Double(n), decimals: 0) : number(Double(n))
        case let s as String: return s
        default: return OutcomeCheck.trimmed(outcome.text)
        }
    }
}
