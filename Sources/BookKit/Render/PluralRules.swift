/// A CLDR plural category: which form of a word a number asks for.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// CLDR's cardinal plural rules for the book's languages, exactly as CLDR states them
/// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
/// They read the number as it is shown: "1" is `one` in English, "1.0" is `other`.
public struct PluralRules: Sendable {
    /// The categories the language has, in the order forms are written (`one/few/many/other`).
    public let categories: [PluralCategory]
    private let rule: @Sendable (_ i: UInt64, _ v: Int) -> PluralCategory

    /// The rules of `language` (`en`, `ru`, `et`); nil for a language the book has no rules for.
    public static func forLanguage(_ language: String) -> PluralRules? {
        switch language {
        case "en", "et":
            // one: i = 1 and v = 0
            return PluralRules(categories: [.one, .other]) { i, v in i == 1 && v == 0 ? .one : .other }
        case "ru":
            // one: v = 0 and i % 10 = 1 and i % 100 != 11
            // few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14
            // many: v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14); other: fractions
            return PluralRules(categories: [.one, .few, .many, .other]) { i, v in
                guard v == 0 else { return .other }
                let (units, tens) = (i % 10, i % 100)
                if units == 1 && tens != 11 { return .one }
                if (2...4).contains(units) && !(12...14).contains(tens) { return .few }
                return .many
            }
        default:
            return nil
        }
    }

    /// The category of a number written as plain ASCII text (`"-12"`, `"2.50"`): CLDR's operands
    /// are the integer digits (i) and the count of visible fraction digits (v).
    public func category(ofNumberText text: String) -> PluralCategory {
        var digits = Substring(text)
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts.first.map { UInt64($0) ?? UInt64.max } ?? 0
        let visibleFraction = parts.count > 1 ? parts[1].count : 0
        return rule(integer, visibleFraction)
    }

    /// The form of `forms` (written in `categories` order) for `category`. Russian words may be
    /// written without `other` (fractions): it then takes the `few` form, which Russian uses after
    /// a fraction ("2,5 шага").
    public func form(_ forms: [String], for category: PluralCategory) -> String? {
        if let index = categories.firstIndex(of: category), index < forms.count { return forms[index] }
        if category == .other, let few = categories.firstIndex(of: .few), few < forms.count { return forms[few] }
        return nil
    }

    /// How many forms a word may be written with: every category, or (with a `few`) every one but `other`.
    public var acceptedFormCounts: [Int] {
        categories.contains(.few) ? [categories.count - 1, categories.count] : [categories.count]
    }
}
