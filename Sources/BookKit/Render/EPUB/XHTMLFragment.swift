import Foundation

/// Turns the HTML5 syntax that the site pages use, but XML rejects, into XHTML.
///
/// The site writes minimised attributes (`<div hidden>`, `data-variants`) and unclosed void
/// elements (`<input ...>`); an EPUB content document is XML, where both are fatal parse errors.
/// Text, comments and everything else pass through unchanged.
public enum XHTMLFragment {
    /// HTML's void elements: they never have content, so XML needs them self-closed.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// `html` with every start tag made well-formed XML: `name` becomes `name=""` (what HTML reads it as),
    /// unquoted values are quoted, and void elements end in `/>`.
    public static func fromSiteHTML(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
                output += rest[..<end.upperBound]
                rest = rest[end.upperBound...]
            } else if let next = rest.dropFirst().first, next.isLetter, let tag = startTag(in: rest) {
                output += tag.text
                rest = rest[tag.end...]
            } else {
                output += "<"
                rest = rest.dropFirst()
            }
        }
        output += rest
        return output
    }

    /// Reads the start tag at the beginning of `text` (which begins with `<` and a letter) and writes it as XML.
    private static func startTag(in text: Substring) -> (text: String, end: Substring.Index)? {
        var index = text.index(after: text.startIndex)
        func skipSpace() { while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) } }
        func readName() -> Substring {
            let start = index
            while index < text.endIndex, !text[index].isWhitespace, !"/>=\"'".contains(text[index]) {
                index = text.index(after: index)
            }
            return text[start..<index]
        }
        let name = readName()
        var tag = "<" + name
        var selfClosed = false
        while true {
            skipSpace()
            guard index < text.endIndex else { return nil }  // no closing `>`: not a tag, leave it as text
            let character = text[index]
            if character == ">" { break }
            if character == "/" { selfClosed = true; index = text.index(after: index); continue }
            let attribute = readName()
            guard !attribute.isEmpty else { return nil }
            skipSpace()
            guard index < text.endIndex, text[index] == "=" else {
                tag += " \(attribute)=\"\""
                continue
            }
            index = text.index(after: index)
            skipSpace()
            guard index < text.endIndex else { return nil }
            let quote = text[index]
            let value: Substring
            if quote == "\"" || quote == "'" {
                let start = text.index(after: index)
                guard let close = text[start...].firstIndex(of: quote) else { return nil }
                value = text[start..<close]
                index = text.index(after: close)
            } else {
                value = readName()
            }
            let quoted = value.replacingOccurrences(of: "\"", with: "&quot;")
            tag += " \(attribute)=\"\(quoted)\""
        }
        let end = text.index(after: index)
        tag += selfClosed || voidElements.contains(name.lowercased()) ? "/>" : ">"
        return (tag, end)
    }
}
