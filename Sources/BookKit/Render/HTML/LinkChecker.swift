import Foundation

/// A page of the generated site that points somewhere that does not exist, or is too big.
public struct SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The page, relative to the site root, e.g. `en/02-autograd.html`.
    public let page: String
    /// The link or reference as written in the page (empty for a size error).
    public let link: String
    /// What is wrong with it.
    public let reason: String

    public var description: String {
        link.isEmpty ? "\(page): \(reason)" : "\(page): broken link \"\(link)\": \(reason)"
    }
}

/// Proves every internal link and in-page reference of a generated site resolves, that no page
/// asks another host for anything or carries a script URL, and that no id is on a page twice.
enum LinkChecker {
    /// Pages may not grow past this.
    static let pageLimit = 1_000_000

    /// Every problem in `files` (relative path -> bytes), pages in path order. With `memo`, a
    /// page read by an earlier check with the same bytes is not read again.
    static func problems(in files: [String: Data], memo: LinkMemo? = nil) -> [SiteError] {
        let htmlFiles = files.filter { $0.key.hasSuffix(".html") }.map { ($0.key, $0.value) }
        let pages = htmlFiles.concurrentMap { path, data in memo?.page(path, data) ?? PageLinks(data) }
        memo?.keep(only: Set(htmlFiles.map(\.0)))
        let ids = Dictionary(uniqueKeysWithValues: zip(htmlFiles.map(\.0), pages.map(\.ids)))
        var problems: [SiteError] = []
        for (path, page) in zip(htmlFiles.map(\.0), pages).sorted(by: { $0.0 < $1.0 }) {
            if let size = files[path]?.count, size > pageLimit {
                problems.append(SiteError(page: path, link: "", reason: "the page is \(size) bytes, over the limit of \(pageLimit)"))
            }
            for id in page.repeatedIDs {
                problems.append(SiteError(page: path, link: "", reason: "the id \"\(id)\" is on more than one element"))
            }
            for link in page.links {
                switch link {
                case .unsafe(let link):
                    problems.append(SiteError(page: path, link: link, reason: "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"))
                case .toResolve(let link):
                    if let reason = problem(with: link, from: path, files: files, ids: ids, own: page.ids) {
                        problems.append(SiteError(page: path, link: link, reason: reason))
                    }
                }
            }
            for link in page.foreignLoads {
                problems.append(SiteError(page: path, link: link, reason: "pages must not load anything from another host"))
            }
            for reference in page.missingReferences {
                problems.append(SiteError(page: path, link: "#" + reference, reason: "no element has id \"\(reference)\" on this page"))
            }
        }
        return problems
    }

    /// What one page says for the check, read from its bytes alone: its ids, its links, and
    /// what is wrong with it without looking at other pages.
    struct PageLinks: Sendable {
        enum Link: Sendable {
            /// A link of a scheme or form pages may not use.
            case unsafe(String)
            /// A link to check against the site's files and ids.
            case toResolve(String)
        }
        var ids: Set<String> = []
        /// Ids on more than one element, sorted.
        var repeatedIDs: [String] = []
        /// Every `href` and `src`, decoded, in order.
        var links: [Link] = []
        /// What the page loads from another host.
        var foreignLoads: [String] = []
        /// In-page references (`url(#…)`, `aria-*`, `for`) to ids the page does not have.
        var missingReferences: [String] = []

        init(_ data: Data) {
            let attributes = HTMLAttributes.scan(String(decoding: data, as: UTF8.self))
            var repeated: Set<String> = []
            for id in attributes.filter({ $0.name == "id" }).map({ LinkChecker.unescape($0.value) }) where !ids.insert(id).inserted {
                repeated.insert(id)
            }
            repeatedIDs = repeated.sorted()
            // Each link once: its attribute says what it may be (`href` a link, `src` a picture).
            for attribute in attributes where attribute.name == "href" || attribute.name == "src" {
                let (link, unknown) = LinkChecker.decoded(attribute.value)
                let allowed = attribute.name == "href" ? SafeLink.allowsLink(link) : SafeLink.allowsImage(link)
                links.append(unknown || !allowed ? .unsafe(link) : .toResolve(link))
            }
            foreignLoads = attributes.filter { ($0.element == "link" && $0.name == "href") || $0.name == "src" }.map(\.value)
                .filter { LinkChecker.hasScheme($0) && !$0.hasPrefix("data:") }
            var references = attributes.flatMap { HTMLAttributes.urlReferences(in: $0.value) }
            for attribute in attributes where ["aria-labelledby", "aria-describedby", "aria-controls"].contains(attribute.name) {
                references += attribute.value.split(separator: " ").map(String.init)
            }
            references += attributes.filter { $0.name == "for" }.map(\.value)
            missingReferences = references.filter { !ids.contains($0) }
        }
    }

    /// Why `link` on page `from` does not resolve; nil when it does or when it leaves the site.
    private static func problem(with link: String, from page: String, files: [String: Data],
                                ids: [String: Set<String>], own: Set<String>) -> String? {
        if hasScheme(link) || link.hasPrefix("//") { return nil }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = parts.first.map(String.init) ?? ""
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        var target = page
        if !pathPart.isEmpty {
            guard let resolved = resolve(pathPart.removingPercentEncoding ?? pathPart, from: page) else {
                return "it leaves the site folder"
            }
            target = resolved
            guard files[target] != nil else { return "there is no file \(target)" }
        }
        if let fragment, !fragment.isEmpty {
            let fragmentID = fragment.removingPercentEncoding ?? fragment
            guard let targetIDs = pathPart.isEmpty ? own : ids[target] else { return "\(target) is not a page" }
            if !targetIDs.contains(fragmentID) { return "no element has id \"\(fragmentID)\" in \(target)" }
        }
        return nil
    }

    /// `relative` seen from the folder of `page`, as a path from the site root; nil above the root.
    static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/").map(String.init).dropLast()
        if relative.hasPrefix("/") { return nil }
        for piece in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    fileprivate static func hasScheme(_ link: String) -> Bool {
        SafeLink.scheme(link) != nil
    }

    fileprivate static func unescape(_ s: String) -> String { decoded(s).text }

    /// An attribute's value as a browser reads it: numeric character references and the five
    /// names our pages use decoded; `unknown` when another named reference stands in it (a
    /// browser might read `&colon;` as ':', so such a link is refused).
    static func decoded(_ s: String) -> (text: String, unknown: Bool) {
        guard s.contains("&") else { return (s, false) }
        let names: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        var out = "", unknown = false
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(32).firstIndex(of: ";") else { out += "&"; rest = after; continue }
            let name = after[..<semicolon]
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            }
            if let scalar {
                out.unicodeScalars.append(scalar)
            } else if let known = names[name] {
                out += known
            } else {
                unknown = unknown || name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && !name.isEmpty
                out += "&" + name + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        return (out + rest, unknown)
    }
}
