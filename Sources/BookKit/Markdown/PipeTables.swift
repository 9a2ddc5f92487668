/// GitHub-style pipe tables, which core CommonMark (and so cmark) reads as a plain paragraph:
/// a paragraph whose lines all start with `|` and whose second line is a `|---|---|` rule becomes
/// a table; each cell is Markdown of its own (links, emphasis, code), parsed where it stands.
enum PipeTables {
    /// The table that `paragraph` spells, or nil when it is not a pipe table.
    static func table(from paragraph: MarkdownNode, lines: [String], converter: inout Converter) -> MarkdownNode? {
        let range = (paragraph.start.line - 1)..<paragraph.endLine
        guard range.lowerBound >= 0, range.upperBound <= lines.count, range.count >= 2 else { return nil }
        let rows = range.map { cells(lines[$0], line: $0 + 1) }
        guard rows.allSatisfy({ $0 != nil }), let rule = rows[1], isRule(rule) else { return nil }
        var made: [MarkdownNode] = []
        for (r, row) in rows.enumerated() where r != 1 {
            guard let row else { continue }
            let line = range.lowerBound + r + 1
            let rowIndex = converter.next
            converter.next += 1
            var cellNodes: [MarkdownNode] = []
            for cell in row {
                let cellIndex = converter.next
                converter.next += 1
                let children = converter.cell(cell.text, at: cell.start)
                cellNodes.append(MarkdownNode(kind: .tableCell, children: children, start: cell.start, endLine: line, index: cellIndex))
            }
            made.append(MarkdownNode(kind: .tableRow, children: cellNodes, start: SourcePoint(line: line, column: 1),
                                     endLine: line, index: rowIndex))
        }
        return MarkdownNode(kind: .table, children: made, start: paragraph.start, endLine: paragraph.endLine,
                            index: paragraph.index)
    }

    private static func isRule(_ cells: [(text: String, start: SourcePoint)]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { cell in
            let dashes = cell.text.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return !dashes.isEmpty && dashes.allSatisfy { $0 == "-" }
        }
    }

    /// The cells of a `| a | b |` row with their text trimmed and where that text starts; nil when
    /// the line does not start with `|`.
    private static func cells(_ line: String, line number: Int) -> [(text: String, start: SourcePoint)]? {
        let bytes = Array(line.utf8)
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var first = 0, last = bytes.count
        while first < last && isSpace(bytes[first]) { first += 1 }
        while last > first && isSpace(bytes[last - 1]) { last -= 1 }
        guard first < last, bytes[first] == 0x7C else { return nil }
        first += 1
        if last > first && bytes[last - 1] == 0x7C { last -= 1 }
        var result: [(text: String, start: SourcePoint)] = []
        var cellStart = first
        for k in first...last where k == last || bytes[k] == 0x7C {
            var a = cellStart, b = k
            while a < b && isSpace(bytes[a]) { a += 1 }
            while b > a && isSpace(bytes[b - 1]) { b -= 1 }
            result.append((String(decoding: bytes[a..<b], as: UTF8.self), SourcePoint(line: number, column: a + 1)))
            cellStart = k + 1
        }
        return result
    }
}
