import Foundation

/// Charts and sliders name their ids after their content; when a page shows the same result twice
/// the second copy's ids get a suffix, so every id on a page stays unique.
enum UniqueIDs {
    /// `html` with repeated chart and slider ids (and the references inside each copy) renamed.
    static func apply(_ html: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: #"(?:chart|slider)-[0-9a-f]{16}"#) else { return html }
        let ns = html as NSString
        var out = ""
        var last = 0
        var uses: [String: Int] = [:]
        var current: [String: String] = [:]
        for match in regex.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let token = ns.substring(with: match.range)
            let before = match.range.location >= 4 ? ns.substring(with: NSRange(location: match.range.location - 4, length: 4)) : ""
            let end = match.range.location + match.range.length
            let after = end < ns.length ? ns.substring(with: NSRange(location: end, length: 1)) : ""
            if before == "id=\"" && after == "\"" {  // the element that owns the id: a new copy starts
                let n = uses[token, default: 0] + 1
                uses[token] = n
                current[token] = n == 1 ? token : "\(token)-\(n)"
            }
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += current[token] ?? token
            last = end
        }
        out += ns.substring(from: last)
        return out
    }
}
