/// Finds the code spans of a block in the source text, because cmark gives inline nodes no
/// positions. Follows CommonMark: a run of n backticks opens a span closed by the next run of
/// exactly n; a backslash outside a span escapes the next character.
struct CodeSpan {
    /// The span's content as cmark reports it (line ends as spaces, one outer space stripped).
    var literal: String
    /// Position of the opening backtick.
    var opening: SourcePoint
    /// Position of each byte of `literal` in the file.
    var positions: [SourcePoint]
}

enum CodeSpans {
    /// Every code span in lines `first...last` (1-based) of `source`, in order; positions are
    /// moved by `shift`.
    static func find(in source: [String], lines first: Int, _ last: Int, shift: SourcePoint) -> [CodeSpan] {
        var bytes: [UInt8] = []
        var where_: [SourcePoint] = []
        for number in max(1, first)...max(first, last, 1) {
            guard number <= source.count else { break }
            let line = source[number - 1]
            // A paragraph's continuation lines lose their indentation (and quote markers).
            let skip = number == first ? 0 : line.utf8.prefix(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }).count
            for (k, byte) in line.utf8.enumerated() where k >= skip {
                bytes.append(byte)
                where_.append(SourcePoint(line: number + shift.line, column: k + 1 + shift.column))
            }
            bytes.append(0x0A)
            where_.append(SourcePoint(line: number + shift.line, column: line.utf8.count + 1 + shift.column))
        }
        let backtick: UInt8 = 0x60, backslash: UInt8 = 0x5C
        func run(at i: Int) -> Int {
            var j = i
            while j < bytes.count && bytes[j] == backtick { j += 1 }
            return j - i
        }
        // Every whole run of backticks, by length, in order: an opener's closer is the first run of
        // its length that starts after it. Found by a cursor per length, so the whole search stays
        // linear however many runs never close (cmark keeps the same table).
        var runs: [Int: [Int]] = [:]
        var k = 0
        while k < bytes.count {
            guard bytes[k] == backtick else { k += 1; continue }
            let length = run(at: k)
            runs[length, default: []].append(k)
            k += length
        }
        var cursors: [Int: Int] = [:]
        var spans: [CodeSpan] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == backslash { i += 2; continue }
            guard bytes[i] == backtick else { i += 1; continue }
            let length = run(at: i)
            let starts = runs[length] ?? []
            var next = cursors[length, default: 0]
            while next < starts.count && starts[next] <= i { next += 1 }
            cursors[length] = next
            guard next < starts.count else { i += length; continue }
            let end = starts[next]
            spans.append(span(bytes: bytes, where_: where_, open: i, from: i + length, to: end))
            i = end + length
        }
        return spans
    }

    private static func span(bytes: [UInt8], where_: [SourcePoint], open: Int, from: Int, to: Int) -> CodeSpan {
        var content: [UInt8] = []
        var positions: [SourcePoint] = []
        var k = from
        while k < to {
            // A line end (with an optional \r before it) reads as one space.
            if bytes[k] == 0x0D && k + 1 < to && bytes[k + 1] == 0x0A { k += 1 }
            content.append(bytes[k] == 0x0A ? 0x20 : bytes[k])
            positions.append(where_[k])
            k += 1
        }
        let space: UInt8 = 0x20
        if content.count >= 2 && content.first == space && content.last == space && content.contains(where: { $0 != space }) {
            content = Array(content.dropFirst().dropLast())
            positions = Array(positions.dropFirst().dropLast())
        }
        return CodeSpan(literal: String(decoding: content, as: UTF8.self), opening: where_[open], positions: positions)
    }
}
