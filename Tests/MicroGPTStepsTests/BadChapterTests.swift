import BookTestSupport
import Foundation
import MicroGPT
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// Each folder of `Fixtures/bad-chapters` is a broken book and the exact error it must give.
@Suite(.ownThreads) struct BadChapterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad-chapters")

    static let cases = ["syntax-error", "unknown-function", "wrong-argument-type", "unterminated-fence",
                        "wrong-expected-output", "runaway-loop", "non-utf8", "missing-chapters-folder"]

    @Test(arguments: cases)
    func badBookGivesItsExactErrorAndWritesNothing(_ name: String) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        let scratch = ScratchBook()
        var options = BuildOptions(chapters: folder.appendingPathComponent("chapters").path,
                                   output: scratch.output.path,
                                   budget: StepBudget(operations: 100_000, time: .seconds(10)))
        options.displayRoot = "chapters"
        options.cache = nil
        do throws(BuildError) {
            try Project(options: options, binding: MicroGPTBinding()).build()
            Issue.record("\(name): the build should fail")
        } catch {
            #expect(error.description + "\n" == expected)
        }
        #expect(scratch.rootEntries == [])
    }

    @Test func everyCaseHasAFolder() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
        #expect(folders == Self.cases.sorted())
    }
}

/// `book init` gives a book that checks and builds as it is, its output block written by the step.
@Test func aNewBookChecksAndBuildsAsItIs() throws {
    let scratch = ScratchBook()
    let folder = scratch.root.appendingPathComponent("new")
    let files = try NewBook.create(at: folder, binding: MicroGPTBinding())
    #expect(files.contains("chapters/en/00-first-steps.md") && files.contains("README.md"))
    let chapter = try String(contentsOf: folder.appendingPathComponent("chapters/en/00-first-steps.md"), encoding: .utf8)
    #expect(chapter.contains("```output\n\(softmax([2, 1, 0.1]))\n```"))
    var options = BuildOptions(chapters: folder.appendingPathComponent("chapters").path, output: folder.appendingPathComponent("build").path)
    options.cache = nil
    let project = Project(options: options, binding: MicroGPTBinding())
    #expect(try project.check().steps == 1)
    #expect(try project.build().chapters == 1)
    #expect(throws: BuildError.self) { try NewBook.create(at: folder, binding: MicroGPTBinding()) }
}

/// An `error` step may hold code past the nesting limits: the page shows it as plain text (the
/// highlighter would hang on the nesting or overflow on the chain) and the build succeeds.
@Test func errorStepsPastTheLimitsAreDrawnAsPlainCode() throws {
    let scratch = ScratchBook()
    let deep = String(repeating: "[", count: 24) + String(repeating: "]", count: 24)
    let chain = "a" + String(repeating: ".b", count: 20_000)
    try scratch.write("en/01-h.md", "# Hostile\n\n```swift step error\nlet x = \(deep)\n```\n\n```swift step error\nlet y = \(chain)\n```\n")
    let report = try Project(options: scratch.options(), binding: MicroGPTBinding()).build()
    #expect(report.steps == 2)
    let page = try String(contentsOf: scratch.output.appendingPathComponent("en/01-h.html"), encoding: .utf8)
    #expect(page.contains("let x = \(deep)"))
    #expect(page.contains("step.too-deep") || page.contains("nested"))
}
