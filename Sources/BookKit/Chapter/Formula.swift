/// A formula in a chapter, typeset by KaTeX during the build: a fenced block with the info string
/// `math` (display math, on lines of its own) or a code span `` `$...$` `` (inline math). Both are
/// plain CommonMark, so every other Markdown tool shows the TeX as code.
public struct Formula: Sendable, Hashable {
    /// The TeX source, as KaTeX reads it.
    public var tex: String
    /// A block of its own (KaTeX's display mode) rather than part of a line.
    public var display: Bool
    /// Where each byte of `tex` stands in the file, so that KaTeX's error offset becomes a position.
    public var positions: [SourcePoint]
    /// The fence or the span's opening backtick.
    public var start: SourceLocation
    /// The code block's or code span's node in the chapter's document.
    public var node: Int

    /// What KaTeX is asked to typeset; equal keys typeset the same (cached and shared between chapters).
    public var key: FormulaKey { FormulaKey(tex: tex, display: display) }

    /// The file position of byte `offset` of `tex` (its end for an offset past it).
    public func location(ofByte offset: Int) -> SourceLocation {
        guard let point = positions.indices.contains(offset) ? positions[offset] : positions.last.map({
            SourcePoint(line: $0.line, column: $0.column + 1)
        }) else { return start }
        return SourceLocation(file: start.file, line: point.line, column: point.column)
    }
}

/// A formula's TeX and mode: what its typeset form depends on (with the KaTeX version).
public struct FormulaKey: Sendable, Hashable, Codable {
    public var tex: String
    public var display: Bool
}

extension Formula {
    /// The inline formula in a code span whose text is `$...$`; nil for any other span.
    static func inline(_ node: MarkdownNode, file: String) -> Formula? {
        let bytes = Array(node.literal.utf8)
        guard bytes.count >= 2, bytes.first == 0x24, bytes.last == 0x24, node.literalPositions.count == bytes.count else { return nil }
        return Formula(tex: String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self), display: false,
                       positions: Array(node.literalPositions.dropFirst().dropLast()),
                       start: SourceLocation(file: file, line: node.start.line, column: node.start.column), node: node.index)
    }

    /// The display formula of a ```` ```math ```` block whose content is `text` (line ends as `\n`,
    /// no final one) starting on the line after the fence. Each content line is the end of its
    /// source line (cmark takes off the indentation and container markers in front).
    static func block(_ node: MarkdownNode, text: String, fence: SourceLocation, source: ChapterText) -> Formula {
        var positions: [SourcePoint] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = node.start.line + 1 + i
            let full = source.line(number)?.utf8.count ?? line.utf8.count
            let skipped = max(0, full - line.utf8.count)
            for k in 0..<line.utf8.count { positions.append(SourcePoint(line: number, column: skipped + k + 1)) }
            positions.append(SourcePoint(line: number, column: full + 1))  // the line end
        }
        if !positions.isEmpty { positions.removeLast() }
        return Formula(tex: text, display: true, positions: positions, start: fence, node: node.index)
    }
}
