import Foundation

/// Writes a Markdown tree as HTML the way cmark's own HTML renderer does, byte for byte (a test
/// holds it to cmark's output), with the book's changes: raw HTML in a chapter is shown as text,
/// headings get ids, links and images with a script URL are drawn inert (see `SafeLink`), and a
/// chapter's steps and inline expressions are drawn by the caller.
struct MarkdownHTML {
    /// What the caller draws instead of cmark's rendering of a node.
    enum Replacement {
        /// A block of our own HTML (a step's box, a table).
        case block(String)
        /// Inline text, escaped here (an inline expression's value).
        case text(String)
        /// Nothing at all (an output block: the real result stands in its place).
        case nothing
    }

    /// The caller's replacement for a node, nil to render it as Markdown.
    var replacement: (MarkdownNode) -> Replacement? = { _ in nil }
    /// The `id` of each heading, by node index.
    var headingIDs: [Int: String] = [:]
    /// HTML put right after the first level-1 heading's closing tag.
    var afterFirstTitle = ""
    /// HTML put before and after a heading, by node index (glossary uses, stale-section notices).
    var beforeHeading: [Int: String] = [:]
    var afterHeading: [Int: String] = [:]
    /// Where a link in the chapter leads in this output (an EPUB's pages end in `.xhtml`).
    var linkTarget: (String) -> String = { $0 }

    /// The HTML of `node` and its descendants.
    func html(_ node: MarkdownNode) -> String {
        var writer = Writer(markdown: self)
        writer.block(node, tight: false)
        return writer.out
    }

    /// One rendering's output and state.
    private struct Writer {
        let markdown: MarkdownHTML
        var out = ""
        var titleDone = false

        init(markdown: MarkdownHTML) { self.markdown = markdown }

        /// A line end unless the output is empty or already ends in one (cmark's `cr`).
        mutating func cr() {
            if let last = out.utf8.last, last != 0x0A { out += "\n" }
        }

        /// `tight`: the node is a direct child of an item of a tight list (paragraphs lose `<p>`).
        mutating func block(_ node: MarkdownNode, tight: Bool) {
            if let replacement = markdown.replacement(node) {
                switch replacement {
                case .block(let html): cr(); out += html; cr()
                case .text(let text): out += escape(text)
                case .nothing: break
                }
                return
            }
            switch node.kind {
            case .document, .tableRow, .tableCell, .other:
                for child in node.children { block(child, tight: false) }
            case .table:
                cr()
                out += "<div class=\"table-scroll\"><table class=\"prose\"><thead>"
                for (r, row) in node.children.enumerated() {
                    if r == 1 { out += "</thead><tbody>" }
                    let tag = r == 0 ? "th" : "td"
                    out += "<tr>" + row.children.map { "<\(tag)>\(cell($0))</\(tag)>" }.joined() + "</tr>"
                }
                if node.children.count < 2 { out += "</thead><tbody>" }
                out += "</tbody></table></div>\n"
            case .blockQuote:
                cr(); out += "<blockquote>\n"
                for child in node.children { block(child, tight: false) }
                cr(); out += "</blockquote>\n"
            case .list(let ordered, let start, let isTight):
                cr()
                out += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
                for child in node.children { item(child, tight: isTight) }
                cr(); out += ordered ? "</ol>\n" : "</ul>\n"
            case .item:
                item(node, tight: false)
            case .heading(let level):
                if let html = markdown.beforeHeading[node.index] { cr(); out += html }
                cr()
                if let id = markdown.headingIDs[node.index] {
                    out += "<h\(level) id=\"\(HTML.escape(id))\">"
                } else {
                    out += "<h\(level)>"
                }
                inlines(node.children)
                out += "</h\(level)>"
                if level == 1 && !titleDone {
                    titleDone = true
                    out += markdown.afterFirstTitle
                }
                out += markdown.afterHeading[node.index] ?? ""
                out += "\n"
            case .codeBlock(let info):
                cr()
                let language = info.utf8.prefix { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
                out += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(escape(String(decoding: language, as: UTF8.self)))\">"
                out += escape(node.literal) + "</code></pre>\n"
            case .htmlBlock:
                // A chapter's raw HTML is shown as the text it is, in a paragraph.
                var literal = Substring(node.literal)
                while literal.hasSuffix("\n") { literal = literal.dropLast() }
                paragraph(tight: tight) { $0.out += escape(String(literal)) }
            case .thematicBreak:
                cr(); out += "<hr />\n"
            case .paragraph:
                paragraph(tight: tight) { $0.inlines(node.children) }
            default:
                inline(node)
            }
        }

        /// A table cell's Markdown as inline HTML (a lone paragraph's `<p>` taken off).
        private func cell(_ node: MarkdownNode) -> String {
            var inner = Writer(markdown: markdown)
            for child in node.children { inner.block(child, tight: false) }
            var html = inner.out.trimmingCharacters(in: .whitespacesAndNewlines)
            if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
            return html
        }

        private mutating func item(_ node: MarkdownNode, tight: Bool) {
            cr(); out += "<li>"
            for child in node.children { block(child, tight: tight) }
            out += "</li>\n"
        }

        private mutating func paragraph(tight: Bool, _ content: (inout Writer) -> Void) {
            if tight {
                content(&self)
            } else {
                cr(); out += "<p>"
                content(&self)
                out += "</p>\n"
            }
        }

        mutating func inlines(_ nodes: [MarkdownNode]) {
            for node in nodes { inline(node) }
        }

        mutating func inline(_ node: MarkdownNode) {
            if let replacement = markdown.replacement(node) {
                switch replacement {
                case .block(let html): out += html
                case .text(let text): out += escape(text)
                case .nothing: break
                }
                return
            }
            switch node.kind {
            case .text, .htmlInline: out += escape(node.literal)
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br />\n"
            case .code: out += "<code>" + escape(node.literal) + "</code>"
            case .emphasis: out += "<em>"; inlines(node.children); out += "</em>"
            case .strong: out += "<strong>"; inlines(node.children); out += "</strong>"
            case .link(let destination, _) where !SafeLink.allowsLink(destination):
                inlines(node.children)  // a script URL: only the text stays (the chapter got a warning)
            case .link(let destination, let title):
                out += "<a href=\"" + escapeHref(markdown.linkTarget(destination)) + "\""
                if !title.isEmpty { out += " title=\"" + escape(title) + "\"" }
                out += ">"
                inlines(node.children)
                out += "</a>"
            case .image(let source, _) where !SafeLink.allowsImage(source):
                out += alt(node.children)
            case .image(let source, let title):
                out += "<img src=\"" + escapeHref(source) + "\" alt=\"" + alt(node.children) + "\""
                if !title.isEmpty { out += " title=\"" + escape(title) + "\"" }
                out += " />"
            default:
                for child in node.children { block(child, tight: false) }
            }
        }

        /// An image's description as cmark writes it: the text only, line breaks as spaces.
        private func alt(_ nodes: [MarkdownNode]) -> String {
            nodes.map { node in
                switch node.kind {
                case .text, .code, .htmlInline: return escape(node.literal)
                case .softBreak, .lineBreak: return " "
                default: return alt(node.children)
                }
            }.joined()
        }
    }
}

/// cmark's HTML escaping of text: `&`, `<`, `>` and `"` (apostrophes stay).
func escape(_ text: String) -> String { HTML.escape(text, apostrophe: false) }

/// cmark's escaping of a link target: URL-safe bytes as they are, `&` and `'` as entities, every
/// other byte percent-encoded.
func escapeHref(_ url: String) -> String {
    var out = ""
    for byte in url.utf8 {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;"
        case UInt8(ascii: "'"): out += "&#x27;"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            if Array("-_.+!*(),%#@?=;:/$~".utf8).contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
    }
    return out
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
