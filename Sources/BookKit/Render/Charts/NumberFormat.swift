import Foundation

/// How charts and tables write numbers: a few decimals, a real minus sign, and the
/// decimal comma in Russian and Estonian.
struct NumberFormat: Sendable {
    /// The language whose decimal separator is used.
    let language: String

    /// A format for `language` (`en`, `ru`, `et`).
    init(language: String) { self.language = language }

    /// `x` with at most `decimals` decimals, trailing zeros dropped; tiny non-zero values in
    /// scientific notation so that they never read as 0.
    func string(_ x: Double, decimals: Int = 4) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "−∞" : "∞" }
        var text: String
        let magnitude = abs(x)
        if magnitude != 0 && magnitude < pow(10, Double(-decimals)) {
            text = String(format: "%.1e", x)
        } else {
            text = String(format: "%.\(decimals)f", x)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            if text == "-0" { text = "0" }
        }
        text = text.replacingOccurrences(of: "-", with: "−")
        return usesDecimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// `x` with exactly `decimals` decimals (axis ticks, where alignment matters).
    func fixed(_ x: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", x)
        if Double(text) == 0 { text = String(format: "%.\(decimals)f", 0.0) }
        text = text.replacingOccurrences(of: "-", with: "−")
        return usesDecimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    private var usesDecimalComma: Bool { language == "ru" || language == "et" }
}
