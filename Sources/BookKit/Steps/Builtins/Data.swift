import Foundation
import MicroGPT

extension Library {
    /// The data set and the character tokenizer. Relative paths resolve against the chapters folder.
    func registerData(context: LibraryContext) {
        function("func Dataset(path: String) throws -> Dataset") { a in
            let path: String = try a(0)
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : context.chaptersDirectory.appendingPathComponent(path)
            return try context.memoized("dataset:" + url.standardized.path) { try Dataset(path: url.path) }
        }
        function("func Dataset(text: String) -> Dataset") { a in Dataset(text: try a(0)) }
        properties(Dataset.self, ["documents": \.documents, "tokenizer": \.tokenizer, "count": \.count])

        function("func Tokenizer(documents: [String]) -> Tokenizer") { a in Tokenizer(documents: try a(0)) }
        properties(Tokenizer.self, ["characters": \.characters, "bos": \.bos, "vocabularySize": \.vocabularySize])
        method("Tokenizer", "func encode(_ text: String) throws -> [Int]") { a in try (try a.this() as Tokenizer).encode(try a(0)) }
        method("Tokenizer", "func tokens(for document: String) throws -> [Int]") { a in try (try a.this() as Tokenizer).tokens(for: try a(0)) }
        method("Tokenizer", "func decode(_ tokens: [Int]) -> String") { a in (try a.this() as Tokenizer).decode(try a(0)) }
        method("Tokenizer", "func symbol(_ token: Int) -> String") { a in (try a.this() as Tokenizer).symbol(try a(0)) }
    }
}
