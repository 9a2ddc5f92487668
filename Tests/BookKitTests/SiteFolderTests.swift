import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// The output folder is replaced whole, and only when `book build` wrote it: `--output` never
/// deletes or replaces anything the tool did not write, and two builds to one folder take turns.
@Suite(.ownThreads) struct SiteFolderTests {
    /// A scratch folder that holds the output folder `site` and whatever a case puts beside it.
    final class Place: @unchecked Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("site-folder-\(UUID().uuidString)")
        var site: URL { root.appendingPathComponent("site") }
        init() { try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func read(_ path: String) -> String? {
            try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted() }
        func entries(_ path: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) ?? []).sorted()
        }
    }

    static let page: [String: Data] = ["index.html": Data("<p>".utf8)]
    static let ours = SiteFolder.markerText

    @Test func aFolderBookDidNotWriteIsNeverReplaced() throws {
        let place = Place()
        try place.write("site/notes.txt", "mine")
        #expect(throws: BuildError.self) { try SiteFolder.replace(place.site, with: Self.page) }
        #expect(place.read("site/notes.txt") == "mine")
        #expect(place.entries == ["site"])
    }

    @Test func aSiteIsReplacedWhole() throws {
        let place = Place()
        try SiteFolder.replace(place.site, with: ["a.html": Data("a".utf8)])
        try SiteFolder.replace(place.site, with: ["b.html": Data("b".utf8)])
        #expect(place.entries("site") == [".book-build", "b.html"])
        #expect(place.entries == ["site"])  // no staging folder, no lock file
    }

    /// Each case: what is there before (path -> text; a path ending in `/` is an empty folder),
    /// whether the build may go ahead, and what must be there after (the site's own files aside).
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let before: [String: String]
        let succeeds: Bool
        let after: [String]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an output that is a regular file is refused and kept",
             before: ["site": "my thesis"], succeeds: false, after: ["site"]),
        Case(name: "a folder holding only screenshots/ is not ours",
             before: ["site/screenshots/a.png": "png"], succeeds: false, after: ["site"]),
        Case(name: "an empty folder is taken", before: ["site/": ""], succeeds: true, after: ["site"]),
        Case(name: "a marked site is replaced", before: ["site/.book-build": ours, "site/old.html": "x"], succeeds: true, after: ["site"]),
        Case(name: "a staging folder a kill left, marked, is cleaned",
             before: [".site.new/.book-build": ours, ".site.new/half.html": "x"], succeeds: true, after: ["site"]),
        Case(name: "an old site a kill left, marked, is cleaned",
             before: [".site.old/.book-build": ours, ".site.old/a.html": "x", "site/.book-build": ours], succeeds: true, after: ["site"]),
        Case(name: "an empty staging folder is cleaned", before: [".site.new/": ""], succeeds: true, after: ["site"]),
        Case(name: "a staging name holding someone's files is left alone",
             before: [".site.new/mine.txt": "mine"], succeeds: false, after: [".site.new"]),
        Case(name: "an old-site name holding someone's files is left alone",
             before: [".site.old/mine.txt": "mine", "site/.book-build": ours], succeeds: false, after: [".site.old", "site"]),
        Case(name: "a staging name that is a file is left alone",
             before: [".site.new": "mine"], succeeds: false, after: [".site.new"]),
        Case(name: "a lock file a kill left is reused and removed",
             before: [".site.lock": OutputLock.text], succeeds: true, after: ["site"]),
        Case(name: "an empty lock file is ours", before: [".site.lock": ""], succeeds: true, after: ["site"]),
        Case(name: "someone's file named like the lock is left alone",
             before: [".site.lock": "mine"], succeeds: false, after: [".site.lock"]),
        Case(name: "a marker that is a folder marks nothing",
             before: ["site/.book-build/x": "mine"], succeeds: false, after: ["site"]),
    ]

    @Test(arguments: cases)
    func theOutputReplacesOnlyWhatTheToolWrote(_ test: Case) throws {
        let place = Place()
        for (path, text) in test.before {
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: place.root.appendingPathComponent(path), withIntermediateDirectories: true)
            } else {
                try place.write(path, text)
            }
        }
        let kept = ScratchBook.contents(of: place.root)
        do {
            try SiteFolder.replace(place.site, with: Self.page)
            #expect(test.succeeds, "\(test.name): should be refused")
            #expect(place.read("site/index.html") == "<p>")
            #expect(place.entries("site") == [".book-build", "index.html"])
        } catch {
            #expect(!test.succeeds, "\(test.name): \(error)")
            #expect(ScratchBook.contents(of: place.root) == kept, "\(test.name): a refused build changed nothing")
        }
        #expect(place.entries == test.after, "\(test.name)")
    }

    @Test func aLinkToTheOutputStaysALinkAndItsFolderIsReplaced() throws {
        let place = Place()
        let real = place.root.appendingPathComponent("real")
        try SiteFolder.replace(real, with: ["a.html": Data("a".utf8)])
        try FileManager.default.createSymbolicLink(atPath: place.site.path, withDestinationPath: "real")
        try SiteFolder.replace(place.site, with: Self.page)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: place.site.path) == "real")
        #expect(place.entries("real") == [".book-build", "index.html"])
        #expect(place.entries == ["real", "site"])
    }

    @Test func aLinkToNothingIsRefused() throws {
        let place = Place()
        try FileManager.default.createSymbolicLink(atPath: place.site.path, withDestinationPath: "nowhere")
        #expect(throws: BuildError.self) { try SiteFolder.replace(place.site, with: Self.page) }
        #expect(place.entries == ["site"])
    }

    @Test func aLinkToSomeonesFileIsRefusedAndTheFileKept() throws {
        let place = Place()
        try place.write("thesis.txt", "mine")
        try FileManager.default.createSymbolicLink(atPath: place.site.path, withDestinationPath: "thesis.txt")
        #expect(throws: BuildError.self) { try SiteFolder.replace(place.site, with: Self.page) }
        #expect(place.read("thesis.txt") == "mine")
    }

    @Test func aMissingParentIsCreated() throws {
        let place = Place()
        try SiteFolder.replace(place.root.appendingPathComponent("a/b/site"), with: Self.page)
        #expect(place.entries("a/b") == ["site"])
    }

    /// Builds racing to one output: each finishes, and the site left is one build's, complete.
    @Test func buildsToOneOutputAtOnceTakeTurnsAndLeaveACompleteSite() throws {
        let place = Place()
        let sites = (0..<4).map { k in
            Dictionary(uniqueKeysWithValues: (0..<30).map { ("p\($0).html", Data("build \(k) page \($0)".utf8)) })
        }
        for _ in 0..<3 {
            let failures = RaceFailures()
            DispatchQueue.concurrentPerform(iterations: sites.count) { k in
                do { try SiteFolder.replace(place.site, with: sites[k]) } catch { failures.add("\(error)") }
            }
            #expect(failures.all == [])
            let found = ScratchBook.contents(of: place.site).filter { $0.key != SiteFolder.marker }
            #expect(sites.contains(found), "the site is one build's, whole")
            #expect(place.entries == ["site"])
        }
    }

    /// Two whole projects building the same book to one output at once both succeed.
    @Test func twoProjectsBuildingAtOnceBothSucceed() throws {
        let book = ScratchBook()
        try book.write("en/01-a.md", "# A\n\n```swift step\nvalue 1\n```\n\nText `=2`.\n")
        try book.write("en/02-b.md", "# B\n\nMore.\n")
        let failures = RaceFailures()
        let options = book.options()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                try Project(options: options) { file, _, _ in FakeSession(file: file) }.build()
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all == [])
        #expect(ScratchBook.contents(of: book.output).keys.sorted() == [
            ".book-build", "assets/book.css", "assets/book.js", "assets/search.js", "assets/search/pipeline.js",
            "assets/vendor/lunr/lunr.min.js", "en/01-a.html", "en/02-b.html", "en/index.html", "en/search-index.js", "index.html"])
        #expect(book.rootEntries == ["build", "chapters"])
    }
}

/// Errors collected from several threads.
final class RaceFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.lock(); list.append(failure); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
