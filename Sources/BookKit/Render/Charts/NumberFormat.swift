import Foundation

/// How the book writes numbers in a language: the digits are rounded here (as `printf` rounds, so
/// that pages agree with the steps' own text), then Foundation's locale formatting groups them
/// and picks the decimal separator (en `32,033.5`, ru `32 033,5`, et `32 033,5` and `4192`, with
/// no-break spaces, as CLDR says). The minus is always U+2212, the typographic minus, in every
/// language (CLDR gives en and ru the hyphen-minus).
struct NumberFormat: Sendable {
    /// The language whose conventions are used.
    let language: String
    private let locale: Locale
    private let decimalSeparator: String

    /// A format for `language` (`en`, `ru`, `et`).
    init(language: String) {
        self.language = language
        locale = Locale(identifier: language)
        decimalSeparator = locale.decimalSeparator ?? "."
    }

    /// A number as shown: `plain` is its rounded ASCII text (`-2.5`, what plural rules read),
    /// `text` what the reader sees (`−2,5`).
    struct Shown: Sendable, Hashable {
        let plain: String
        let text: String
    }

    /// `x` with at most `decimals` decimals, trailing zeros dropped; tiny non-zero values in
    /// scientific notation so that they never read as 0.
    func string(_ x: Double, decimals: Int = 4) -> String { shown(x, decimals: decimals).text }

    /// `x` with exactly `decimals` decimals (axis ticks, where alignment matters).
    func fixed(_ x: Double, decimals: Int) -> String { shown(x, decimals: decimals, keepZeros: true).text }

    /// An integer, grouped as the language groups digits.
    func integer(_ n: Int) -> String { shown(n).text }

    /// `x` rounded to `decimals` (trailing zeros dropped unless `keepZeros`), in both forms.
    func shown(_ x: Double, decimals: Int = 4, keepZeros: Bool = false) -> Shown {
        if x.isNaN { return Shown(plain: "NaN", text: "NaN") }
        if x.isInfinite { return Shown(plain: x < 0 ? "-inf" : "inf", text: x < 0 ? "−∞" : "∞") }
        let magnitude = abs(x)
        if !keepZeros && magnitude != 0 && magnitude < pow(10, Double(-decimals)) {
            let plain = String(format: "%.1e", x)
            let text = plain.replacingOccurrences(of: ".", with: decimalSeparator)
            return Shown(plain: plain, text: text.replacingOccurrences(of: "-", with: "−"))
        }
        var plain = String(format: "%.\(max(0, decimals))f", x)
        if !keepZeros && plain.contains(".") {
            while plain.hasSuffix("0") { plain.removeLast() }
            if plain.hasSuffix(".") { plain.removeLast() }
        }
        // A negative that rounds to zero is zero: never "-0" or "-0.00".
        if plain.hasPrefix("-"), plain.allSatisfy({ $0 == "-" || $0 == "0" || $0 == "." }) { plain.removeFirst() }
        guard let rounded = Double(plain) else { return Shown(plain: plain, text: plain) }
        // Below a thousand no language here groups digits: only the separator and the minus change
        // (the same text Foundation gives, without its formatter's cost on every chart label).
        if abs(rounded) < 1000 {
            return Shown(plain: plain, text: plain.replacingOccurrences(of: ".", with: decimalSeparator).replacingOccurrences(of: "-", with: "−"))
        }
        let fraction = plain.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        // `rounded` prints as exactly `plain`'s digits, so Foundation rounds nothing further.
        let text = rounded.formatted(.number.locale(locale).precision(.fractionLength(fraction)))
        return Shown(plain: plain, text: text.replacingOccurrences(of: "-", with: "−"))
    }

    /// An integer in both forms.
    func shown(_ n: Int) -> Shown {
        Shown(plain: String(n), text: n.formatted(.number.locale(locale)).replacingOccurrences(of: "-", with: "−"))
    }
}
