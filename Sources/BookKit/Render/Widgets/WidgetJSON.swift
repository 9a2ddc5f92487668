import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The compact JSON a widget embeds for its script, and the short number text widgets show.
/// Numbers keep a few significant digits (pages stay small) and are written exactly as
/// JavaScript's `String(number)` writes them, so a number reads the same in the static form
/// (drawn here) and in the live one (drawn by the script from the JSON).
enum WidgetJSON {
    /// `x` in C's `%.{digits-1}e` form, split: its sign, its significant digits without trailing
    /// zeros, and its decimal exponent (0.0012345 at 4 digits: false, "1235", -3). One `vsnprintf`
    /// per number: widgets write tens of thousands of them.
    private struct Scientific {
        var negative: Bool
        var digits: String
        var exponent: Int
        /// The rounded value itself.
        var value: Double
    }

    private static func decimal(_ x: Double, digits: Int) -> Scientific? {
        guard x.isFinite, x != 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Scientific? in
            guard let base = buffer.baseAddress else { return nil }
            let count = withVaList([Int32(max(0, digits - 1)), x]) { vsnprintf(base, 64, "%.*e", $0) }
            guard count > 0, count < 64 else { return nil }
            let value = strtod(base, nil)
            var i = 0, negative = false
            if base[0] == 0x2D { negative = true; i = 1 }  // "-"
            var digitBytes: [UInt8] = []
            while i < Int(count), base[i] != 0x65 {  // up to "e"
                if base[i] != 0x2E { digitBytes.append(UInt8(base[i])) }  // skip "."
                i += 1
            }
            guard i < Int(count), let exponent = Int(String(cString: base + i + 1)) else { return nil }
            while digitBytes.count > 1 && digitBytes.last == 0x30 { digitBytes.removeLast() }
            return Scientific(negative: negative, digits: String(decoding: digitBytes, as: UTF8.self), exponent: exponent, value: value)
        }
    }

    /// `x` rounded to `digits` significant digits.
    static func rounded(_ x: Double, digits: Int = 4) -> Double {
        guard x.isFinite, x != 0 else { return x == 0 ? 0 : x }
        return decimal(x, digits: digits)?.value ?? x
    }

    /// `x` rounded to `digits` significant digits, as JavaScript prints it (`0.00001`, `1.5e-7`, `2`);
    /// `null` for a number JSON cannot hold.
    static func number(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return "null" }
        guard let d = decimal(x, digits: digits), d.value != 0 else { return "0" }
        return javaScript(d)
    }

    /// ECMAScript's Number::toString layout of `d`.
    private static func javaScript(_ d: Scientific) -> String {
        let digitsText = d.digits
        let k = digitsText.count, n = d.exponent + 1
        let sign = d.negative ? "-" : ""
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
        guard x.isFinite else { return "null" }
        guard let d = decimal(x, digits: digits), d.value != 0 else { return "0" }
        let plain = javaScript(d)
        guard abs(d.value) < 1e-3 else { return plain }
        let mantissa = d.digits.count == 1 ? d.digits : d.digits.prefix(1) + "." + d.digits.dropFirst()
        let short = (d.negative ? "-" : "") + mantissa + "e" + String(d.exponent)
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
