import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// A build whose inputs are those of the site it would replace does nothing, and anything that
/// would make a different site (or a site that is no longer as written) makes it build.
@Suite(.ownThreads) struct BuildStampTests {
    /// A scratch book whose builds record whether they rendered.
    final class Book: @unchecked Sendable {
        let scratch = ScratchBook()
        var lines: [String] = []

        init() throws {
            try scratch.write("en/01-one.md", "# One\n\nWords.\n\n```swift step\nread data/words.txt\nvalue 2\n```\n")
            try scratch.write("data/words.txt", "alpha")
        }

        /// Builds with a cache (or without) and says whether the site was made anew.
        func build(cache: Bool = true, identity: String = "stand-in") throws -> (rendered: Bool, report: BuildReport) {
            var options = scratch.options()
            if cache { options.cache = scratch.root.appendingPathComponent(".build-cache") }
            var said: [String] = []
            let report = try Project(options: options, progress: { said.append($0) }, identity: identity,
                                     makeSession: SessionCounter().make).build()
            return (!said.contains { $0.hasPrefix("nothing changed") }, report)
        }

        func modified(_ path: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: scratch.output.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
    }

    @Test func anUnchangedBookIsLeftAsItIsAndItsReportToldAgain() throws {
        let book = try Book()
        let first = try book.build()
        #expect(first.rendered)
        let written = try book.modified("en/01-one.html")
        let second = try book.build()
        #expect(!second.rendered)
        #expect(second.report == first.report)
        #expect(try book.modified("en/01-one.html") == written)
    }

    @Test func anyChangedInputBuildsAgain() throws {
        let book = try Book()
        _ = try book.build()
        try book.scratch.write("en/01-one.md", "# One\n\nOther words.\n\n```swift step\nread data/words.txt\nvalue 2\n```\n")
        #expect(try book.build().rendered)
        #expect(try String(contentsOf: book.scratch.output.appendingPathComponent("en/01-one.html"), encoding: .utf8).contains("Other words."))
        #expect(try !book.build().rendered)
        try book.scratch.write("data/words.txt", "beta")
        #expect(try book.build().rendered)
        try book.scratch.write("data/new.txt", "a file no step reads yet")
        #expect(try book.build().rendered)
        #expect(try book.build(identity: "another engine").rendered)
        #expect(try book.build(cache: false).rendered, "--no-cache always builds")
    }

    @Test func aSiteChangedSinceItWasWrittenIsBuiltAgain() throws {
        let book = try Book()
        _ = try book.build()
        let page = book.scratch.output.appendingPathComponent("en/01-one.html")
        let original = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        #expect(try book.build().rendered)
        #expect(try Data(contentsOf: page) == original)
        try Data("edited by hand".utf8).write(to: page)
        #expect(try book.build().rendered)
        #expect(try Data(contentsOf: page) == original)
        try Data("a stray file".utf8).write(to: book.scratch.output.appendingPathComponent("stray.txt"))
        #expect(try book.build().rendered)
        #expect(!FileManager.default.fileExists(atPath: book.scratch.output.appendingPathComponent("stray.txt").path))
        // A marker whose stamp does not parse is only a marker: the folder is still ours, and rebuilt.
        try Data((SiteFolder.markerText + "{not json").utf8).write(to: book.scratch.output.appendingPathComponent(SiteFolder.marker))
        #expect(try book.build().rendered)
        #expect(try !book.build().rendered)
    }
}
