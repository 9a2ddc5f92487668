import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// The output folder is replaced whole, and only when `book build` wrote it.
struct SiteFolderTests {
    @Test func aFolderBookDidNotWriteIsNeverReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("precious-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: BuildError.self) { try SiteFolder.replace(folder, with: ["index.html": Data("<p>".utf8)]) }
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func aSiteIsReplacedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SiteFolder.replace(folder, with: ["a.html": Data("a".utf8)])
        try SiteFolder.replace(folder, with: ["b.html": Data("b".utf8)])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == [".book-build", "b.html"])
    }
}
