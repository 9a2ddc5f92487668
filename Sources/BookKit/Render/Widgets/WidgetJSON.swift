import Foundation

/// The compact JSON a widget embeds for its script, and the short number text widgets show.
/// Numbers keep a few significant digits (pages stay small) and are written exactly as
/// JavaScript's `String(number)` writes them, so a number reads the same in the static form
/// (drawn here) and in the live one (drawn by the script from the JSON).
enum WidgetJSON {
    /// `x` rounded to `digits` significant digits.
    static func rounded(_ x: Double, digits: Int = 4) -> Double {
        guard x.isFinite, x != 0 else { return x == 0 ? 0 : x }
        return Double(String(format: "%.\(digits - 1)e", x)) ?? x
    }

    /// `x` rounded to `digits` significant digits, as JavaScript prints it (`0.00001`, `1.5e-7`, `2`);
    /// `null` for a number JSON cannot hold.
    static func number(_ x: Double, digits: Int = 4) -> String {
        let r = rounded(x, digits: digits)
        guard r.isFinite else { return "null" }
        if r == 0 { return "0" }
        // Swift's shortest digits and exponent, then ECMAScript's Number::toString layout.
        let parts = String(format: "%.\(digits - 1)e", abs(r)).split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return "\(r)" }
        var digitsText = parts[0].replacingOccurrences(of: ".", with: "")
        while digitsText.count > 1 && digitsText.hasSuffix("0") { digitsText.removeLast() }
        let k = digitsText.count, n = exponent + 1
        let sign = r < 0 ? "-" : ""
        if k <= n && n <= 21 { return sign + digitsText + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 {
            return sign + digitsText.prefix(n) + "." + digitsText.dropFirst(n)
        }
        if -6 < n && n <= 0 { return sign + "0." + String(repeating: "0", count: -n) + digitsText }
        let mantissa = k == 1 ? digitsText : digitsText.prefix(1) + "." + digitsText.dropFirst()
        return sign + mantissa + "e" + (n - 1 < 0 ? "-" : "+") + String(abs(n - 1))
    }

    /// What the reader sees for `x`: `number(x)` with the language's decimal separator and a true minus.
    static func shown(_ x: Double, digits: Int = 4, separator: String) -> String {
        number(x, digits: digits).replacingOccurrences(of: ".", with: separator).replacingOccurrences(of: "-", with: "−")
    }

    /// The decimal separator of `language`, as `NumberFormat` uses it.
    static func separator(for language: String) -> String { Locale(identifier: language).decimalSeparator ?? "." }

    /// `x` for JSON: the same double as `number(x)`, in whichever of JavaScript's form and the
    /// exponent form (`1.234e-6` for `0.000001234`) is shorter.
    static func json(_ x: Double, digits: Int = 4) -> String {
        let plain = number(x, digits: digits)
        let r = rounded(x, digits: digits)
        guard r.isFinite, r != 0, abs(r) < 1e-3 else { return plain }
        var parts = String(format: "%.\(digits - 1)e", r).split(separator: "e").map(String.init)
        guard parts.count == 2, let exponent = Int(parts[1]) else { return plain }
        while parts[0].contains(".") && (parts[0].hasSuffix("0") || parts[0].hasSuffix(".")) { parts[0].removeLast() }
        let short = parts[0] + "e" + String(exponent)
        return short.count < plain.count ? short : plain
    }

    static func numbers(_ xs: [Double], digits: Int = 4) -> String {
        "[" + xs.map { json($0, digits: digits) }.joined(separator: ",") + "]"
    }

    static func rows(_ xs: [[Double]], digits: Int = 4) -> String {
        "[" + xs.map { numbers($0, digits: digits) }.joined(separator: ",") + "]"
    }

    /// A JSON string that is also safe inside `<script>` (no `<`, `>` or `&` as such).
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func strings(_ xs: [String]) -> String { "[" + xs.map(string).joined(separator: ",") + "]" }

    /// An object from already-encoded members, in the given order.
    static func object(_ members: KeyValuePairs<String, String>) -> String {
        "{" + members.map { string($0.key) + ":" + $0.value }.joined(separator: ",") + "}"
    }

    /// `value`'s JSON through Codable (for word tables), script-safe.
    static func encoded<T: Encodable>(_ value: T) -> String {
        guard let data = try? JSONEncoder().encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }

    /// The script element that carries a widget's data.
    static func script(_ json: String) -> String {
        "<script type=\"application/json\" class=\"widget-data\">" + json + "</script>"
    }
}
