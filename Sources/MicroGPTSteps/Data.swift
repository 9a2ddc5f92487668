import Foundation
import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// The data set and the character tokenizer. Relative paths resolve against the chapters folder;
    /// a data file must be inside it (the context refuses anything else).
    func registerData(in library: Library, context: LibraryContext) {
        library.function("func Dataset(path: String) throws -> Dataset") { a in
            let url = try context.chapterFile(try a(0))
            a.noteRead(url)
            return try context.memoized(DatasetKey(path: url.path)) { try Dataset(path: url.path) }
        }
        library.function("func Dataset(text: String) -> Dataset") { a in Dataset(text: try a(0)) }
        library.properties(Dataset.self, ["documents": \.documents, "tokenizer": \.tokenizer, "count": \.count])

        library.function("func Tokenizer(documents: [String]) -> Tokenizer") { a in Tokenizer(documents: try a(0)) }
        library.properties(Tokenizer.self, ["characters": \.characters, "bos": \.bos, "vocabularySize": \.vocabularySize])
        library.method(Tokenizer.self, "func encode(_ text: String) throws -> [Int]") { a in try (try a.this() as Tokenizer).encode(try a(0)) }
        library.method(Tokenizer.self, "func tokens(for document: String) throws -> [Int]") { a in try (try a.this() as Tokenizer).tokens(for: try a(0)) }
        library.method(Tokenizer.self, "func decode(_ tokens: [Int]) -> String") { a in (try a.this() as Tokenizer).decode(try a(0)) }
        library.method(Tokenizer.self, "func symbol(_ token: Int) -> String") { a in (try a.this() as Tokenizer).symbol(try a(0)) }
    }
}

/// A data file, by its full path: read once per project.
struct DatasetKey: Hashable, Sendable {
    let path: String
}
