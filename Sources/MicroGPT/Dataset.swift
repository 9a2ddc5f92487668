import Foundation

/// The documents a model learns from, loaded as microgpt.py loads them: the text is read with
/// Python's universal newlines, split on newlines, each line stripped of Python's whitespace, and
/// empty lines dropped. (Shuffling belongs to the run.)
public struct Dataset: Sendable, Hashable, CustomStringConvertible {
    /// The documents in file order.
    public let documents: [String]
    /// The vocabulary of these documents.
    public let tokenizer: Tokenizer

    /// The documents in `text`, as microgpt.py finds them in a file holding that text.
    public init(text: String) {
        // Python's open() turns "\r\n" and a lone "\r" into "\n" before microgpt.py splits. Both are
        // single bytes in UTF-8 that never occur inside a longer character, so the bytes are split.
        var text = text
        var lines: [String] = []
        text.withUTF8 { bytes in
            var start = 0, i = 0
            while i <= bytes.count {
                if i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D {
                    if i > start { lines.append(Dataset.stripped(UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
                    if i + 1 < bytes.count && bytes[i] == 0x0D && bytes[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
        }
        documents = lines.filter { !$0.isEmpty }
        tokenizer = Tokenizer(documents: documents)
    }

    /// One line's text with Python's whitespace stripped from both ends.
    private static func stripped(_ line: UnsafeBufferPointer<UInt8>) -> String {
        // Most lines start and end with a visible ASCII character: nothing to strip.
        func visibleASCII(_ byte: UInt8) -> Bool { byte < 0x80 && !isPythonSpace(Unicode.Scalar(byte)) }
        if let first = line.first, let last = line.last, visibleASCII(first), visibleASCII(last) {
            return String(decoding: line, as: UTF8.self)
        }
        return pythonStrip(String(decoding: line, as: UTF8.self).unicodeScalars)
    }

    /// Python's `str.strip()`: removes, at both ends, the code points for which `isspace()` holds.
    static func pythonStrip(_ scalars: String.UnicodeScalarView) -> String {
        guard let first = scalars.firstIndex(where: { !isPythonSpace($0) }),
              let last = scalars.lastIndex(where: { !isPythonSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Python's `str.isspace()` for one code point (the list CPython 3.11 uses).
    static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The documents in the UTF-8 text file at `path`.
    public init(path: String) throws(DatasetError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw DatasetError("cannot read the data set '\(path)': no such file")
        }
        if isFolder.boolValue { throw DatasetError("cannot read the data set '\(path)': it is a folder, not a file") }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw DatasetError("cannot read the data set '\(path)': the file is not readable")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DatasetError("the data set '\(path)' is not UTF-8 text")
        }
        self.init(text: text)
        if documents.isEmpty { throw DatasetError("the data set '\(path)' has no documents (no non-empty lines)") }
    }

    /// How many documents there are.
    public var count: Int { documents.count }

    public var description: String {
        "\(count) documents, \(tokenizer.vocabularySize) tokens: " + documents.prefix(5).joined(separator: ", ") + (count > 5 ? ", ..." : "")
    }
}

/// A data set that cannot be used, with the reason.
public struct DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// An error with this message.
    public init(_ description: String) { self.description = description }
}
