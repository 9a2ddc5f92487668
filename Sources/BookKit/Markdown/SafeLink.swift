import Foundation

/// Which link and image targets may stand in a page: a page never carries a script URL. Links may
/// go to http, https and mailto addresses and to relative targets (`#fragment`, `02-x.html`);
/// images may also be `data:image/` pictures. Anything else is drawn inert (the link's text, the
/// image's description) and the chapter gets a warning.
public enum SafeLink {
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    static let imageSchemes: Set<String> = ["http", "https"]
    static let imageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// Whether a link to `destination` (as cmark gives it, entities decoded) may be drawn.
    public static func allowsLink(_ destination: String) -> Bool {
        schemes(destination).allSatisfy { linkSchemes.contains($0) }
    }

    /// Whether an image from `source` may be drawn.
    public static func allowsImage(_ source: String) -> Bool {
        let seen = schemes(source)
        if seen == ["data"] {
            let text = String(browserView(source).prefix(20)).lowercased()
            return imageData.contains { text.hasPrefix($0 + ";") || text.hasPrefix($0 + ",") }
        }
        return seen.allSatisfy { imageSchemes.contains($0) }
    }

    /// The schemes `url` could be read as, lowercased: as a browser reads it and once more with
    /// percent escapes decoded (`%6Aavascript:`), so that no spelling slips through. Empty for a
    /// relative target.
    static func schemes(_ url: String) -> Set<String> {
        var found: Set<String> = []
        let seen = browserView(url)
        if let scheme = scheme(seen) { found.insert(scheme) }
        if seen.contains("%"), let decoded = seen.removingPercentEncoding, let scheme = scheme(browserView(decoded)) { found.insert(scheme) }
        return found
    }

    /// `url` as a browser reads it: leading and trailing controls and spaces dropped, tabs and
    /// line ends anywhere removed (the WHATWG URL parser does both).
    static func browserView(_ url: String) -> String {
        var scalars = Array(url.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        return String(text)
    }

    /// The scheme of `url` (`[A-Za-z][A-Za-z0-9+.-]*:`), lowercased; nil when it has none.
    static func scheme(_ url: String) -> String? {
        var name = ""
        for scalar in url.unicodeScalars {
            if scalar == ":" { return name.isEmpty ? nil : name.lowercased() }
            let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let allowed = letter || (!name.isEmpty && (("0"..."9").contains(scalar) || "+.-".unicodeScalars.contains(scalar)))
            guard allowed else { return nil }
            name.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// `url` fit to quote in a message: controls spelled out, long ones cut.
    public static func quoted(_ url: String) -> String {
        var text = ""
        for scalar in url.unicodeScalars.prefix(80) {
            text += scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return url.unicodeScalars.count > 80 ? text + "..." : text
    }
}
