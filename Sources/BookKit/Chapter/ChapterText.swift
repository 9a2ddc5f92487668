import Foundation

/// A chapter file's text with its lines, so that positions can be turned into quoted lines.
public struct ChapterText: Sendable {
    /// The file as shown in diagnostics, e.g. `chapters/en/03-attention.md`.
    public let file: String
    /// The whole text.
    public let text: String
    /// The lines without their line ends. A line ends, as in cmark, at `\r\n`, `\n` or a lone `\r`.
    public let lines: [String]
    /// Each line's own line end (`\n`, `\r\n`, `\r`, or empty for a last line without one), so
    /// that rewriting a few lines keeps every other byte.
    public let lineEnds: [String]

    /// Decodes `bytes` as UTF-8; throws a diagnostic at the first byte that is not UTF-8.
    public init(file: String, bytes: Data) throws(Diagnostic) {
        let array = [UInt8](bytes)
        if let bad = Self.firstInvalidByte(array) {
            let starts = Self.lineRanges(array[..<bad]).map(\.text.lowerBound)
            let line = starts.count
            let column = bad - (starts.last ?? 0) + 1
            let hex = String(format: "0x%02X", array[bad])
            throw Diagnostic(.notUTF8, "the file is not valid UTF-8: byte \(hex) does not start a valid character; save the file as UTF-8",
                             at: SourceLocation(file: file, line: line, column: column))
        }
        self.init(file: file, text: String(decoding: array, as: UTF8.self))
    }

    /// Wraps text that is already a `String`.
    public init(file: String, text: String) {
        self.file = file
        self.text = text
        // Bytes, not Characters: "\r\n" is one Character in Swift.
        let bytes = Array(text.utf8)
        let ranges = Self.lineRanges(bytes[...])
        lines = ranges.map { String(decoding: bytes[$0.text], as: UTF8.self) }
        lineEnds = ranges.map { String(decoding: bytes[$0.end], as: UTF8.self) }
    }

    /// Where each line's text and its line end lie in `bytes`; always at least one line.
    static func lineRanges(_ bytes: ArraySlice<UInt8>) -> [(text: Range<Int>, end: Range<Int>)] {
        var ranges: [(text: Range<Int>, end: Range<Int>)] = []
        var start = bytes.startIndex, i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            guard byte == 0x0A || byte == 0x0D else { i += 1; continue }
            let endLength = byte == 0x0D && i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A ? 2 : 1
            ranges.append((start..<i, i..<(i + endLength)))
            i += endLength
            start = i
        }
        ranges.append((start..<bytes.endIndex, bytes.endIndex..<bytes.endIndex))
        return ranges
    }

    /// The 1-based line `number`, or nil past the end.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// A position in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// A diagnostic at `line`:`column` quoting that line.
    public func diagnostic(_ id: DiagnosticID, _ message: String, line: Int, column: Int,
                           severity: Severity = .error) -> Diagnostic {
        Diagnostic(id, message, at: location(line: line, column: column), sourceLine: self.line(line), severity: severity)
    }

    /// Offset of the first byte of the first sequence that breaks UTF-8 (bad lead byte, missing continuation,
    /// overlong form, surrogate or value past U+10FFFF), nil when all is well.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < bytes.count else { return i }  // cut short by the end of the file
                let range = k == 1 ? low...high : 0x80...0xBF
                if !range.contains(bytes[i + k]) { return i }
            }
            i += length
        }
        return nil
    }
}
