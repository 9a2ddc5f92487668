/// A position in a chapter file: 1-based line and column (in UTF-8 bytes, as cmark counts).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// An error in a chapter, with where it is and what was expected there.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// The text of the offending source line, quoted under the message.
    public var sourceLine: String?

    public init(_ message: String, at location: SourceLocation, sourceLine: String? = nil) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// `file:line:column: error: message`, then the line and a caret under the column.
    public var description: String {
        var text = "\(location): error: \(message)"
        if let sourceLine {
            text += "\n    \(sourceLine)\n    " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        }
        return text
    }
}
