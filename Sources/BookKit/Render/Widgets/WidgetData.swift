import Foundation

/// The data a widget's script reads: JSON in a `<script type="application/json">`, numbers cut to
/// what the page shows, and nothing that could end the script element early.
enum WidgetData {
    /// `value` as JSON that is safe inside a `<script>` element.
    static func script<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        let safe = json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return "<script type=\"application/json\" class=\"widget-data\">\(safe)</script>"
    }

    /// `x` with six significant digits: more than any label shows, a fraction of the full number's text.
    static func short(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x.isFinite ? 0 : x }
        return Double(String(format: "%.6g", x)) ?? x
    }

    /// The language's decimal separator, for the script's number format.
    static func decimalSeparator(_ language: String) -> String {
        Locale(identifier: language).decimalSeparator ?? "."
    }
}
