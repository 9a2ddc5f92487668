/// A heading after it got its `id`: level, id and the text a reader sees.
public struct HeadingAnchor: Sendable, Hashable {
    /// 1...6.
    public var level: Int
    /// The `id` attribute in the rendered page.
    public var id: String
    /// The heading's plain text.
    public var text: String
}

extension MarkdownDocument {
    /// Gives every heading an `id` made from its text, unique on the page and different from
    /// every id in `reserved`; returns the headings in order.
    public func anchorHeadings(reserved: Set<String> = []) -> [HeadingAnchor] {
        var used = reserved
        var anchors: [HeadingAnchor] = []
        for node in nodes where node.kind == .heading {
            let text = node.plainText
            let id = Slug.unique(Slug.make(text), avoiding: &used)
            let level = node.headingLevel
            var html = html(of: node)
            let open = "<h\(level)>"
            if html.hasPrefix(open) {
                html = "<h\(level) id=\"\(HTML.escape(id))\">" + html.dropFirst(open.count)
            }
            replace(node, withHTML: html)
            anchors.append(HeadingAnchor(level: level, id: id, text: text))
        }
        return anchors
    }
}

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
