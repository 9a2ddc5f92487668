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

    /// `base`, or `base-2`, `base-3`, ... whichever is not in `used` yet; records the choice.
    public static func unique(_ base: String, avoiding used: inout Set<String>) -> String {
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used.insert(candidate)
        return candidate
    }
}
