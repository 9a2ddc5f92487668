import Foundation

/// The documents a model learns from, loaded as microgpt.py loads them: the text is trimmed,
/// split on newlines, each line trimmed, and empty lines dropped. (Shuffling belongs to the run.)
public struct Dataset: Sendable, Hashable, CustomStringConvertible {
    /// The documents in file order.
    public let documents: [String]
    /// The vocabulary of these documents.
    public let tokenizer: Tokenizer

    /// The documents in `text`.
    public init(text: String) {
        documents = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        tokenizer = Tokenizer(documents: documents)
    }

    /// The documents in the UTF-8 text file at `path`.
    public init(path: String) throws(DatasetError) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw DatasetError("cannot read the data set '\(path)': no such file or not readable")
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
