import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// The result cache: reused exactly when the program, the data it read and the engine are the same.
@Suite(.ownThreads) struct CacheTests {
    static let chapter = """
    # Cached

    Text before.

    ```swift step
    say hello
    read data/words.txt
    value 2
    ```

    ```swift step
    value 3
    ```
    """

    /// A scratch book with one chapter and a data file, built with a cache beside it.
    final class Book: @unchecked Sendable {
        let scratch = ScratchBook()
        var cache: URL { scratch.root.appendingPathComponent(".build-cache") }

        init() throws {
            try scratch.write("en/01-cached.md", CacheTests.chapter)
            try scratch.write("en/02-other.md", "# Other\n\n```swift step\nsay other\n```\n")
            try scratch.write("data/words.txt", "alpha")
        }

        /// Builds with the cache and returns which chapter files ran a session.
        @discardableResult
        func build(identity: String = "stand-in") throws -> [String] {
            let counter = SessionCounter()
            var options = scratch.options()
            options.cache = cache
            try Project(options: options, identity: identity, makeSession: counter.make).build()
            return counter.files
        }

        func page(_ slug: String) throws -> String {
            try String(contentsOf: scratch.output.appendingPathComponent("en/\(slug).html"), encoding: .utf8)
        }

        var entries: [URL] {
            let folder = cache.appendingPathComponent("results")
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test func aSecondBuildRunsNothingAndWritesTheSameSite() throws {
        let book = try Book()
        #expect(try book.build() == ["chapters/en/01-cached.md", "chapters/en/02-other.md"])
        let first = ScratchBook.contents(of: book.scratch.output)
        #expect(try book.build() == [])
        #expect(ScratchBook.contents(of: book.scratch.output) == first)
        #expect(book.entries.count == 2)
    }

    @Test func aProseEditRunsNothingAndAStepEditRunsOnlyItsChapter() throws {
        let book = try Book()
        try book.build()
        try book.scratch.write("en/01-cached.md", Self.chapter.replacingOccurrences(of: "Text before.", with: "Other words, same steps."))
        #expect(try book.build() == [])
        #expect(try book.page("01-cached").contains("Other words, same steps."))
        try book.scratch.write("en/01-cached.md", Self.chapter.replacingOccurrences(of: "value 3", with: "value 4"))
        #expect(try book.build() == ["chapters/en/01-cached.md"])
        #expect(try book.page("01-cached").contains("4.0"))
    }

    @Test func aChangedDataFileRerunsTheProgramsThatReadIt() throws {
        let book = try Book()
        try book.build()
        try book.scratch.write("data/unread.txt", "not read by any step")
        #expect(try book.build() == [])
        try book.scratch.write("data/words.txt", "beta")
        #expect(try book.build() == ["chapters/en/01-cached.md"])
        #expect(try book.page("01-cached").contains("beta"))
    }

    @Test func anotherEngineOrToolVersionRerunsEverything() throws {
        let book = try Book()
        try book.build(identity: "engine 1")
        #expect(try book.build(identity: "engine 2").count == 2)
        #expect(try book.build(identity: "engine 2") == [])
    }

    @Test(arguments: ["truncated", "flipped", "garbage", "foreign", "empty"])
    func aDamagedEntryIsRecomputedNeverShown(_ damage: String) throws {
        let book = try Book()
        try book.build()
        // The site is built from the cache alone, so that the cache is read (an intact site
        // would make the next build do nothing); the marker records times and is left out.
        func site() -> [String: Data] { ScratchBook.contents(of: book.scratch.output).filter { $0.key != SiteFolder.marker } }
        let good = site()
        try FileManager.default.removeItem(at: book.scratch.output)
        for entry in book.entries {
            var bytes = try Data(contentsOf: entry)
            switch damage {
            case "truncated": bytes = bytes.prefix(bytes.count / 2)
            case "flipped":
                // One bit of a recorded output text ("h" of "hello", "o" of "other"): still JSON, wrong checksum.
                let text = String(decoding: bytes, as: UTF8.self)
                bytes = Data(text.replacingOccurrences(of: "\"hello", with: "\"iello").replacingOccurrences(of: "\"other", with: "\"nther").utf8)
            case "garbage": bytes = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37) })
            case "foreign": bytes = Data("0000000000000000\n{\"program\": []}".utf8)
            default: bytes = Data()
            }
            try bytes.write(to: entry)
        }
        #expect(try book.build().count == 2)
        #expect(site() == good)
        try FileManager.default.removeItem(at: book.scratch.output)
        #expect(try book.build() == [])
        #expect(site() == good)
    }

    @Test func buildsAtOnceShareTheCacheWithoutDamage() throws {
        let book = try Book()
        let outputs = (0..<4).map { book.scratch.root.appendingPathComponent("out\($0)") }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: outputs.count) { i in
            var options = book.scratch.options()
            options.cache = book.cache
            options.output = outputs[i]
            do { try Project(options: options, makeSession: SessionCounter().make).build() } catch { failures.add("\(error)") }
        }
        #expect(failures.list == [])
        #expect(try book.build() == [])
        let pages = outputs.map { ScratchBook.contents(of: $0)["en/01-cached.html"] }
        #expect(Set(pages).count == 1)
    }

    @Test func cleanRemovesTheCacheAndTheBuildButNothingElse() throws {
        let book = try Book()
        try book.build()
        var options = book.scratch.options()
        options.cache = book.cache
        let removed = try Project(options: options, makeSession: SessionCounter().make).clean()
        #expect(removed.count == 2)
        #expect(!FileManager.default.fileExists(atPath: book.cache.path))
        #expect(book.scratch.rootEntries == ["chapters"])
        options.output = book.scratch.chapters
        #expect(throws: BuildError.self) { try Project(options: options, makeSession: SessionCounter().make).clean() }
        #expect(FileManager.default.fileExists(atPath: book.scratch.chapters.path))
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var list: [String] = []
    func add(_ failure: String) { lock.lock(); list.append(failure); lock.unlock() }
}
