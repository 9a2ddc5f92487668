/// Turns heading text into an `id`: lowercase letters and digits of any script, words joined by `-`.
public enum Slug {
    /// `Multi-head Attention!` -> `multi-head-attention`; `section` when nothing is left.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

/// Hands out ids that are unique on a page: `base`, then `base-2`, `base-3`, ... Each base
/// remembers how far it got, so that thousands of headings with the same text take linear time.
public struct UniqueNames: Sendable {
    /// Every id handed out or reserved.
    public private(set) var used: Set<String>
    private var next: [String: Int] = [:]

    public init(used: Set<String> = []) { self.used = used }

    /// `base` or the first `base-N` not used yet, now used.
    public mutating func claim(_ base: String) -> String {
        var n = next[base, default: 1]
        var candidate = n == 1 ? base : "\(base)-\(n)"
        while used.contains(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        next[base] = n + 1
        used.insert(candidate)
        return candidate
    }
}
