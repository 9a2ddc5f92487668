import Foundation
import MicroGPT

/// Files the engine tests compare against, found next to this source file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static func lines(_ name: String) throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent("Fixtures/\(name)"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(0).filter { _ in true }
    }
    /// The book's data set (chapters/data/names.txt).
    static func names() throws -> Dataset {
        try Dataset(path: directory.appendingPathComponent("../../chapters/data/names.txt").standardized.path)
    }
}
