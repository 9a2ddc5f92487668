/// microgpt.py's tokenizer: one token per distinct character, sorted, then BOS.
///
/// A character is a Python one: a Unicode code point, sorted by its number (a Swift `Character`
/// can hold several code points, and canonically equivalent ones compare equal).
public struct Tokenizer: Sendable, Hashable, CustomStringConvertible {
    /// The distinct code points of the data set in code-point order; token `i` is `characters[i]`.
    public let characters: [Character]
    private let ids: [Unicode.Scalar: Int]

    /// The vocabulary of these documents.
    public init(documents: [String]) {
        // ASCII characters are marked in a table (the usual case, and fast); others go in a set.
        var ascii = [Bool](repeating: false, count: 128)
        var others = Set<Unicode.Scalar>()
        for document in documents {
            var onlyASCII = true
            for byte in document.utf8 {
                if byte < 0x80 { ascii[Int(byte)] = true } else { onlyASCII = false }
            }
            if !onlyASCII { others.formUnion(document.unicodeScalars.lazy.filter { $0.value >= 0x80 }) }
        }
        let sorted = (0..<128).filter { ascii[$0] }.map { Unicode.Scalar(UInt8($0)) } + others.sorted { $0.value < $1.value }
        characters = sorted.map(Character.init)
        ids = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
    }

    /// The "beginning of sequence" token that starts and ends every document: the last id.
    public var bos: Int { characters.count }
    /// Number of distinct tokens, BOS included.
    public var vocabularySize: Int { characters.count + 1 }

    /// The tokens of `text`, without BOS.
    public func encode(_ text: String) throws(TokenizerError) -> [Int] {
        var tokens: [Int] = []
        for scalar in text.unicodeScalars {
            guard let id = ids[scalar] else { throw TokenizerError(character: Character(scalar)) }
            tokens.append(id)
        }
        return tokens
    }

    /// What the model trains on: BOS, the document's tokens, BOS.
    public func tokens(for document: String) throws(TokenizerError) -> [Int] {
        [bos] + (try encode(document)) + [bos]
    }

    /// `tokens(for:)` written into `buffer` (whose memory is reused); false when a character has no token.
    func tokens(for document: String, into buffer: inout [Int]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(bos)
        for scalar in document.unicodeScalars {
            guard let id = ids[scalar] else { return false }
            buffer.append(id)
        }
        buffer.append(bos)
        return true
    }

    /// The text of these tokens; BOS reads as nothing.
    public func decode(_ tokens: [Int]) -> String {
        tokens.reduce(into: "") { text, token in
            if token >= 0 && token < characters.count { text.append(characters[token]) }
        }
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
