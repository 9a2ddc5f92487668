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

    /// Every problem in `files` (relative path -> bytes), pages in path order.
    static func problems(in files: [String: Data]) -> [SiteError] {
        var ids: [String: Set<String>] = [:]
        var repeated: [String: [String]] = [:]
        var pages: [String: [HTMLAttribute]] = [:]
        let htmlFiles = files.filter { $0.key.hasSuffix(".html") }.map { ($0.key, $0.value) }
        let scanned = htmlFiles.concurrentMap { HTMLAttributes.scan(String(decoding: $0.1, as: UTF8.self)) }
        for ((path, _), attributes) in zip(htmlFiles, scanned) {
            pages[path] = attributes
            var seen: Set<String> = []
            for id in attributes.filter({ $0.name == "id" }).map({ unescape($0.value) }) where !seen.insert(id).inserted {
                repeated[path, default: []].append(id)
            }
            ids[path] = seen
        }
        var problems: [SiteError] = []
        for path in pages.keys.sorted() {
            guard let attributes = pages[path], let own = ids[path] else { continue }
            if let size = files[path]?.count, size > pageLimit {
                problems.append(SiteError(page: path, link: "", reason: "the page is \(size) bytes, over the limit of \(pageLimit)"))
            }
            for id in Set(repeated[path] ?? []).sorted() {
                problems.append(SiteError(page: path, link: "", reason: "the id \"\(id)\" is on more than one element"))
            }
            // Each link once: its attribute says what it may be (`href` a link, `src` a picture).
            for attribute in attributes where attribute.name == "href" || attribute.name == "src" {
                let raw = attribute.value
                let (link, unknown) = decoded(raw)
                if unknown || (attribute.name == "href" ? !SafeLink.allowsLink(link) : !SafeLink.allowsImage(link)) {
                    problems.append(SiteError(page: path, link: link, reason: "pages link only to http, https, mailto and relative targets, and load pictures only from relative paths and data:image/"))
                } else if let reason = problem(with: link, from: path, files: files, ids: ids, own: own) {
                    problems.append(SiteError(page: path, link: link, reason: reason))
                }
            }
            let loaded = attributes.filter { ($0.element == "link" && $0.name == "href") || $0.name == "src" }.map(\.value)
            for link in loaded where hasScheme(link) && !link.hasPrefix("data:") {
                problems.append(SiteError(page: path, link: link, reason: "pages must not load anything from another host"))
            }
            var references = attributes.flatMap { HTMLAttributes.urlReferences(in: $0.value) }
            for attribute in attributes where ["aria-labelledby", "aria-describedby", "aria-controls"].contains(attribute.name) {
                references += attribute.value.split(separator: " ").map(String.init)
            }
            references += attributes.filter { $0.name == "for" }.map(\.value)
            for reference in references where !own.contains(reference) {
                problems.append(SiteError(page: path, link: "#" + reference, reason: "no element has id \"\(reference)\" on this page"))
            }
        }
        return problems
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

    private static func hasScheme(_ link: String) -> Bool {
        SafeLink.scheme(link) != nil
    }

    private static func unescape(_ s: String) -> String { decoded(s).text }

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
