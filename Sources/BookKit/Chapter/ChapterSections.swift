import Foundation

/// Which English section a translated section translates, and at which fingerprint: the line
/// `[//]: # (en queries-keys-and-values 1a2b3c4d)` right under the translated heading. It is a
/// CommonMark link reference definition, so every Markdown renderer shows nothing for it.
public struct SourceMark: Sendable, Hashable {
    /// The English section's key (its heading's slug).
    public var key: String
    /// The English section's fingerprint when the translation was last accepted.
    public var fingerprint: String
    /// The marker's line.
    public var line: Int

    /// The marker's text.
    public static func line(key: String, fingerprint: String) -> String { "[//]: # (en \(key) \(fingerprint))" }

    /// Reads a marker line; nil for any other line.
    init?(_ text: String, line: Int) {
        let prefix = "[//]: # (en "
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(prefix), trimmed.hasSuffix(")") else { return nil }
        let words = trimmed.dropFirst(prefix.count).dropLast().split(separator: " ")
        guard words.count == 2, words[1].count == 8, words[1].allSatisfy(\.isHexDigit),
              !words[0].contains("(") && !words[0].contains(")") else { return nil }
        (key, fingerprint, self.line) = (String(words[0]), String(words[1]), line)
    }
}

/// A part of a chapter from a heading to the next heading (of any level).
public struct ChapterSection: Sendable, Hashable {
    /// The heading's node in the chapter's document.
    public var heading: Int
    public var level: Int
    public var title: String
    /// The heading's slug, unique in the chapter: how a translation names this section.
    public var key: String
    /// The heading's line and the section's last line.
    public var line: Int
    public var endLine: Int
    /// A hash of the section's text (output blocks and markers left out, blank lines and trailing
    /// spaces ignored): a translation records it to notice when the English changes.
    public var fingerprint: String
    /// The marker under the heading (in a translation).
    public var mark: SourceMark?
}

extension ChapterSection {
    /// The sections of `chapter`, in order; text before the first heading belongs to none.
    static func read(_ chapter: Chapter) -> [ChapterSection] {
        let nodes = chapter.document.nodes
        let headings = nodes.filter { $0.headingLevel > 0 }
        let blockStarts = Set(nodes.filter { $0.isBlock && $0.kind != .document }.map(\.start.line))
        var generated = Set<Int>()  // lines of output blocks, which `--fix` rewrites
        for output in chapter.steps.compactMap(\.output) { generated.formUnion(output.fence.line...output.endLine) }
        let lines = chapter.source.lines
        var names = UniqueNames()
        var sections: [ChapterSection] = []
        for (k, heading) in headings.enumerated() {
            let end = k + 1 < headings.count ? headings[k + 1].start.line - 1 : lines.count
            // The marker is the first line with text under the heading, and no block starts there.
            var next = heading.endLine + 1
            while next <= min(end, lines.count) && lines[next - 1].allSatisfy(\.isWhitespace) { next += 1 }
            var mark: SourceMark?
            if next <= min(end, lines.count) && !blockStarts.contains(next) { mark = SourceMark(lines[next - 1], line: next) }
            let markerLines: Set<Int> = mark.map { [$0.line] } ?? []
            let text = (heading.start.line...max(heading.start.line, end))
                .filter { $0 <= lines.count && !generated.contains($0) && !markerLines.contains($0) }
                .map { line in String(lines[line - 1].reversed().drop(while: \.isWhitespace).reversed()) }
                .filter { !$0.isEmpty }
                .joined(separator: "\n")
            let title = heading.plainText.trimmingCharacters(in: .whitespaces)
            sections.append(ChapterSection(heading: heading.index, level: heading.headingLevel, title: title,
                                           key: names.claim(Slug.make(title)), line: heading.start.line,
                                           endLine: end, fingerprint: fingerprint(text), mark: mark))
        }
        return sections
    }

    /// 64-bit FNV-1a of the UTF-8 text, its first 8 hex digits: stable across runs and platforms
    /// (Swift's `hashValue` is seeded per process).
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(String(hash, radix: 16).leftPadded(16).prefix(8))
    }
}

extension String {
    /// Zeros in front up to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
