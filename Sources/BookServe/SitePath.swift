/// Turns the path of a request, as sent (percent-encoded), into the name of a site file. The site
/// is a dictionary of relative names, so no path can reach outside it; these rules still refuse,
/// plainly and first, every path that can only be an attempt to leave it or to confuse a later
/// reader of the name, so that a 404 never depends on what the dictionary happens to hold.
enum SitePath {
    /// The longest path worth looking up (the site's own names are far shorter).
    static let maximumLength = 1024

    /// The site file `raw` names (`/` and `/en/` name their `index.html`), or nil: not absolute,
    /// not valid percent-encoding, still holding a `%` after one decoding (`%252e`), holding a
    /// backslash, a control character (NUL) or an empty segment (`//etc/passwd`), or a segment
    /// that starts with a dot (`.`, `..`, hidden files).
    static func file(forRawPath raw: String) -> String? {
        guard raw.hasPrefix("/"), raw.utf8.count <= maximumLength,
              let decoded = raw.removingPercentEncoding,
              !decoded.contains("%"), !decoded.contains("\\"),
              decoded.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
        var name = String(decoded.dropFirst())
        if name.isEmpty || name.hasSuffix("/") { name += "index.html" }
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return nil }
        return name
    }
}
