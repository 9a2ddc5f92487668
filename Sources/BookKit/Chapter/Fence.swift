/// The opening fence of a fenced code block, read from the chapter's text.
struct Fence {
    /// The fence as written: three or more backticks or tildes.
    let marker: String
    /// 1-based byte column of the fence's first character.
    let column: Int

    /// The fence that opens `node`; nil for an indented code block.
    init?(_ node: MarkdownNode, in source: ChapterText) {
        guard let line = source.line(node.start.line) else { return nil }
        let bytes = Array(line.utf8)
        // Indented code has no info string, and its first line is its text's first line (even when
        // that reads like a fence: "    ```swift step" is code, not a step). Compared without
        // leading blanks: cmark turns the rest of a tab into spaces.
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let firstLine = node.literal.prefix { $0 != "\n" && $0 != "\r" }.drop(while: blank)
        if node.fenceInfo.isEmpty, node.start.column >= 1, node.start.column - 1 <= bytes.count,
           String(decoding: bytes[(node.start.column - 1)...], as: UTF8.self).drop(while: blank) == firstLine {
            return nil
        }
        var start = max(0, node.start.column - 1)
        while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        guard start < bytes.count, bytes[start] == 0x60 || bytes[start] == 0x7E else { return nil }
        var end = start
        while end < bytes.count && bytes[end] == bytes[start] { end += 1 }
        guard end - start >= 3 else { return nil }
        marker = String(decoding: bytes[start..<end], as: UTF8.self)
        column = start + 1
    }

    /// Whether the block's last line is a closing fence (cmark also ends a block at the end of
    /// the file or of its container, which is how a missing closing fence shows). Spaces, tabs
    /// and quote markers may stand before it (a list item's fence is often indented by a tab).
    func isClosed(_ node: MarkdownNode, in source: ChapterText) -> Bool {
        guard node.endLine > node.start.line, let last = source.line(node.endLine) else { return false }
        let trimmed = last.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
        let fenceCharacter = marker.first ?? "`"
        let run = trimmed.prefix(while: { $0 == fenceCharacter })
        return run.count >= marker.count && trimmed.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" })
    }

    /// The column where the info string starts on the fence line `line`.
    func infoColumn(line: Int, in source: ChapterText) -> Int {
        guard let text = source.line(line) else { return column }
        let bytes = Array(text.utf8)
        var i = column - 1 + marker.utf8.count
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        return i < bytes.count ? i + 1 : column
    }

    /// The column of `word` in the info string on the fence line `line` (the fence's column when
    /// it cannot be found).
    func column(of word: String, line: Int, in source: ChapterText) -> Int {
        guard let text = source.line(line) else { return column }
        let bytes = Array(text.utf8), target = Array(word.utf8)
        var i = column - 1 + marker.utf8.count
        while i + target.count <= bytes.count {
            let before = bytes[i - 1]
            if (before == 0x20 || before == 0x09) && Array(bytes[i..<(i + target.count)]) == target { return i + 1 }
            i += 1
        }
        return column
    }
}
