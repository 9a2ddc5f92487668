/// Probabilities over the vocabulary (or a few of its tokens plus "the rest"), with the symbol of each.
public struct Distribution: Sendable, Hashable, CustomStringConvertible {
    /// What each entry stands for: a character, `⟨BOS⟩`, or `rest` after `top(_:)`.
    public let symbols: [String]
    /// The probability of each entry.
    public let probabilities: [Double]

    /// A distribution with these entries.
    public init(symbols: [String], probabilities: [Double]) {
        self.symbols = symbols
        self.probabilities = probabilities
    }

    /// The total probability (1 up to rounding).
    public var sum: Double { probabilities.reduce(0, +) }

    /// The probability of `symbol` (0 when it is not listed).
    public func probability(of symbol: String) -> Double {
        symbols.firstIndex(of: symbol).map { probabilities[$0] } ?? 0
    }

    /// The `k` most likely entries, most likely first, then one `rest` entry with everything else.
    public func top(_ k: Int) -> Distribution {
        let ranked = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1) }
        let kept = ranked.prefix(max(0, k))
        var symbols = kept.map { self.symbols[$0] }
        var values = kept.map { probabilities[$0] }
        if kept.count < ranked.count {
            symbols.append(Distribution.restSymbol)
            values.append(ranked.dropFirst(kept.count).reduce(0) { $0 + probabilities[$1] })
        }
        return Distribution(symbols: symbols, probabilities: values)
    }

    /// The symbol of the entry that gathers everything `top(_:)` left out.
    public static let restSymbol = "rest"

    /// The most likely symbol.
    public var mostLikely: String {
        probabilities.indices.max { probabilities[$0] < probabilities[$1] }.map { symbols[$0] } ?? ""
    }

    public var description: String {
        let width = symbols.map(\.count).max() ?? 1
        return zip(symbols, probabilities).map { symbol, p in
            symbol.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + fixed(p, 4)
        }.joined(separator: "\n")
    }
}

/// `x` with exactly `places` decimals, for plain-text tables.
func fixed(_ x: Double, _ places: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    let negative = x < 0
    var scale: Int64 = 1
    for _ in 0..<places { scale *= 10 }
    let units = Int64((abs(x) * Double(scale)).rounded())
    let whole = units / scale, fraction = units % scale
    var digits = String(fraction)
    digits = String(repeating: "0", count: places - digits.count) + digits
    return (negative && units != 0 ? "-" : "") + "\(whole)" + (places > 0 ? "." + digits : "")
}
