import Foundation

/// GitHub-style pipe tables, which core CommonMark (and so cmark) reads as a plain paragraph:
/// a paragraph whose lines all start with `|` and whose second line is a `|---|---|` rule becomes
/// a table; each cell is Markdown rendered by cmark (links, emphasis, code), escaped as usual.
enum PipeTables {
    /// Replaces every pipe-table paragraph of `document`; `lines` are the chapter's source lines.
    static func apply(to document: MarkdownDocument, lines: [String]) {
        for node in document.nodes where node.kind == .paragraph {
            let range = (node.startLine - 1)..<node.endLine
            guard range.lowerBound >= 0, range.upperBound <= lines.count else { continue }
            let rows = lines[range].map { $0.trimmingCharacters(in: .whitespaces) }
            guard rows.count >= 2, rows.allSatisfy({ $0.hasPrefix("|") }), isRule(rows[1]),
                  !rows.contains(where: { $0.contains("`=") }) else { continue }
            document.replace(node, withHTML: table(header: cells(rows[0]), body: rows.dropFirst(2).map(cells)))
        }
    }

    private static func isRule(_ row: String) -> Bool {
        let cells = cells(row)
        return !cells.isEmpty && cells.allSatisfy { cell in
            let dashes = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
        }
    }

    private static func cells(_ row: String) -> [String] {
        var inner = Substring(row)
        if inner.hasPrefix("|") { inner = inner.dropFirst() }
        if inner.hasSuffix("|") { inner = inner.dropLast() }
        return inner.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func table(header: [String], body: [[String]]) -> String {
        func row(_ cells: [String], _ tag: String) -> String {
            "<tr>" + cells.map { "<\(tag)>\(inline($0))</\(tag)>" }.joined() + "</tr>"
        }
        return "<div class=\"table-scroll\"><table class=\"prose\"><thead>" + row(header, "th") + "</thead><tbody>"
            + body.map { row($0, "td") }.joined() + "</tbody></table></div>\n"
    }

    /// A cell's Markdown as inline HTML (cmark wraps it in a paragraph, which is taken off).
    private static func inline(_ markdown: String) -> String {
        var html = MarkdownDocument(markdown).html().trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}
