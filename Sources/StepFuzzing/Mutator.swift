/// A small, deterministic mutator of texts for the in-test fuzz run (libFuzzer does the long
/// runs, see `scripts/fuzz`): it inserts tokens of the step language, cuts, repeats and nests
/// pieces, so that seeds from the book turn into the deep, long and odd code hostile chapters hold.
public struct Mutator {
    private var state: UInt64
    private let tokens: [String]

    public init(seed: UInt64, tokens: [String] = Mutator.stepTokens) {
        state = seed
        self.tokens = tokens
    }

    /// SplitMix64: the same seed gives the same mutations everywhere.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when bound is 0).
    public mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }

    /// `text` changed one to four times; `other` is a second seed to splice in.
    public mutating func mutate(_ text: String, splicing other: String) -> String {
        var bytes = Array(text.utf8)
        for _ in 0...below(4) {
            let at = below(bytes.count + 1)
            switch below(7) {
            case 0: bytes.insert(contentsOf: Array(tokens[below(tokens.count)].utf8), at: at)
            case 1:
                let end = min(bytes.count, at + below(16))
                if at < end { bytes.removeSubrange(at..<end) }
            case 2:
                let end = min(bytes.count, at + 1 + below(12))
                if at < end { bytes.insert(contentsOf: Array(repeating: Array(bytes[at..<end]), count: 1 + below(40)).joined(), at: at) }
            case 3:
                let pair = [("[", "]"), ("(", ")"), ("{ ", " }"), ("\"\\(", ")\""), ("try ", ""), ("-(", ")")][below(6)]
                let count = 1 + below(40)
                let end = at + below(bytes.count - at + 1)
                bytes.insert(contentsOf: Array(String(repeating: pair.1, count: count).utf8), at: end)
                bytes.insert(contentsOf: Array(String(repeating: pair.0, count: count).utf8), at: at)
            case 4: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: next()) }
            case 5:
                let piece = Array(other.utf8)
                let start = below(piece.count + 1)
                bytes.insert(contentsOf: piece[start..<min(piece.count, start + below(200))], at: at)
            default:
                let op = [" + ", " ? 1 : ", ".count", "[0]", " * 2.5", " ?? 0", " == "][below(7)]
                bytes.insert(contentsOf: Array(String(repeating: op, count: 1 + below(300)).utf8), at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pieces of steps worth inserting.
    public static let stepTokens = [
        "let x = ", "var y = 0\n", "for i in 0..<3 { ", " }", "if true { ", " } else { ", "print(", ")", "[", "]", "(", ")",
        "\"", "\\(", "0x1F", "0b101", "1_000", "-9223372036854775808", "1e308", "2.5", " + ", " - ", " * ", " / ", " % ",
        " ?? ", " ? ", " : ", " == ", " < ", " && ", ".first", ".count", ".max()", ".map { $0 * 2 }", ".reduce(0, +)",
        ".sorted()", ".enumerated()", "[Int]", "[Double]", "Int?", "Array<Int>", ": [Int] = []", "try ", "Graph()",
        "Value(2, in: g)", "Random(seed: 1).randbelow(0)", "rounded(1.5, places: 400)", "Dataset(text: \"ab\")",
        "Config(steps: 10_000_000)", "while true { }", "func f() {}", "x!", "nil", "#if A\n", "#endif\n", "/*", "*/", "//",
        " \u{3000}= ", "\u{7F}", "\u{A0}", "“", "\t",
    ]
}
