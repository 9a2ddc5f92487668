import Foundation

/// Small pieces every SVG chart shares: the accessible frame, labels, ids and nice ticks.
enum SVG {
    /// An `<svg>` that screen readers announce as one image with a title and a description.
    /// `id` must be unique on the page (see `chartID`); the site renames repeats. A chart shrinks
    /// with a narrow column down to 70% of its size, then scrolls, so its text stays readable.
    static func frame(id: String, width: Double, height: Double, title: String, description: String,
                      kind: String, content: String) -> String {
        """
        <svg class="chart chart-\(kind)" id="\(id)" role="img" aria-labelledby="\(id)-title \(id)-desc" \
        viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))" \
        style="min-width:\(n((width * 0.7).rounded()))px" \
        xmlns="http://www.w3.org/2000/svg"><title id="\(id)-title">\(HTML.escape(title))</title>\
        <desc id="\(id)-desc">\(HTML.escape(description))</desc>\(content)</svg>
        """
    }

    /// A short id derived from what the chart shows, so that builds are reproducible.
    static func chartID(_ kind: String, _ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (kind + "\u{1}" + parts.joined(separator: "\u{1}")).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "chart-" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// A `<text>` element; `anchor` is start, middle or end.
    static func text(_ string: String, x: Double, y: Double, anchor: String = "middle",
                     className: String = "label", extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" class=\"\(className)\"\(extra)>\(HTML.escape(string))</text>"
    }

    /// A coordinate written short: at most two decimals.
    static func n(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// About `count` round tick values covering `low...high` (1, 2 or 5 times a power of ten apart).
    static func ticks(from low: Double, to high: Double, count: Int = 5) -> [Double] {
        guard high > low, low.isFinite, high.isFinite else { return [low] }
        let raw = (high - low) / Double(max(count, 1))
        let power = pow10(floorLog10(raw))
        // The round step nearest to the wanted one, on a log scale.
        let step = [1.0, 2, 5, 10].map { $0 * power }.min { abs(log($0 / raw)) < abs(log($1 / raw)) } ?? power
        let digits = decimals(forStep: step)
        var values: [Double] = []
        var k = (low / step).rounded(.up)
        while k * step <= high + step * 1e-9 {
            let v = (k * step * pow10(digits)).rounded() / pow10(digits)
            values.append(v == 0 ? 0 : v)
            k += 1
        }
        return values
    }

    /// Decimals that tick labels `step` apart need.
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return max(0, -floorLog10(step))
    }

    /// How a character shows on an axis: visible names for space and newline.
    static func symbol(_ s: String) -> String {
        switch s {
        case " ": return "␣"
        case "\n": return "⏎"
        case "": return "∅"
        default: return s
        }
    }

    private static func floorLog10(_ x: Double) -> Int {
        var exponent = 0
        var v = x
        while v >= 10 { v /= 10; exponent += 1 }
        while v < 1 && v > 0 { v *= 10; exponent -= 1 }
        return exponent
    }

    private static func pow10(_ e: Int) -> Double {
        var v = 1.0
        if e >= 0 { for _ in 0..<e { v *= 10 } } else { for _ in 0..<(-e) { v /= 10 } }
        return v
    }
}
