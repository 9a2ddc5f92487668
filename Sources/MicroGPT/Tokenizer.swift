/// microgpt.py's tokenizer: one token per distinct character, sorted, then BOS.
public struct Tokenizer: Sendable, Hashable, CustomStringConvertible {
    /// The distinct characters of the data set in sorted order; token `i` is `characters[i]`.
    public let characters: [Character]
    private let ids: [Character: Int]

    /// The vocabulary of these documents.
    public init(documents: [String]) {
        characters = Set(documents.joined()).sorted()
        ids = Dictionary(uniqueKeysWithValues: characters.enumerated().map { ($1, $0) })
    }

    /// The "beginning of sequence" token that starts and ends every document: the last id.
    public var bos: Int { characters.count }
    /// Number of distinct tokens, BOS included.
    public var vocabularySize: Int { characters.count + 1 }

    /// The tokens of `text`, without BOS.
    public func encode(_ text: String) throws(TokenizerError) -> [Int] {
        var tokens: [Int] = []
        for ch in text {
            guard let id = ids[ch] else { throw TokenizerError(character: ch) }
            tokens.append(id)
        }
        return tokens
    }

    /// What the model trains on: BOS, the document's tokens, BOS.
    public func tokens(for document: String) throws(TokenizerError) -> [Int] {
        [bos] + (try encode(document)) + [bos]
    }

    /// The text of these tokens; BOS reads as nothing.
    public func decode(_ tokens: [Int]) -> String {
        String(tokens.compactMap { $0 >= 0 && $0 < characters.count ? characters[$0] : nil })
    }

    /// How a token is shown to a reader: its character, or `⟨BOS⟩`.
    public func symbol(_ token: Int) -> String {
        token >= 0 && token < characters.count ? String(characters[token]) : Tokenizer.bosSymbol
    }

    /// The visible symbol for BOS.
    public static let bosSymbol = "⟨BOS⟩"

    public var description: String {
        characters.enumerated().map { "\($1)=\($0)" }.joined(separator: " ") + " \(Tokenizer.bosSymbol)=\(bos)"
    }
}

/// A character that the vocabulary does not have.
public struct TokenizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The character that has no token.
    public let character: Character
    public var description: String { "the character \"\(character)\" is not in the vocabulary" }
}
