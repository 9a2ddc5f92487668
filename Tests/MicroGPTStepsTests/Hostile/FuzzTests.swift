import StepFuzzing
import BookTestSupport
import Foundation
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// A short fuzz run inside the suite: the book's own steps and chapters, mutated into deep, long
/// and odd code, through the interpreter and the Markdown-to-page path. No input may crash the
/// process or run past its budget; `scripts/fuzz` runs libFuzzer for longer.
@Suite(.ownThreads) struct FuzzTests {
    static let chapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("chapters/en")

    /// The book's chapters and the small chapter of `Fuzz/seeds`, which builds into pages cheaply.
    static func seeds() throws -> (steps: [String], chapters: [String]) {
        let files = try FileManager.default.contentsOfDirectory(atPath: chapters.path).filter { $0.hasSuffix(".md") }.sorted()
        let small = chapters.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/seeds/small-chapter.md")
        let texts = try [String(contentsOf: small, encoding: .utf8)] + files.map { try String(contentsOf: chapters.appendingPathComponent($0), encoding: .utf8) }
        let steps = texts.flatMap { ChapterParser.parse(ChapterText(file: "ch.md", text: $0)).steps.map(\.code) }
        return (steps, texts)
    }

    @Test func mutatedStepsNeitherCrashNorRunPastTheirBudget() throws {
        let (steps, _) = try Self.seeds()
        #expect(steps.count > 50)
        let harness = FuzzHarness(binding: MicroGPTBinding())
        var mutator = Mutator(seed: 42)
        // A fixed number of runs from a fixed seed, so that every run of the suite tries the same
        // programs; each must end as a result or as diagnostics, within its budget, which stops it.
        for _ in 0..<60 {
            let code = mutator.mutate(steps[mutator.below(steps.count)], splicing: steps[mutator.below(steps.count)])
            let outcome = harness.step(code)
            // A failed step shows nothing, and each of its errors has a real place.
            if !outcome.diagnostics.isEmpty { #expect(outcome.display == nil, "\(code.prefix(200))") }
            #expect(outcome.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 }, "\(code.prefix(200))")
        }
    }

    @Test func mutatedChaptersBuildOrFailCleanly() throws {
        let (steps, chapters) = try Self.seeds()
        let harness = FuzzHarness(binding: MicroGPTBinding())
        var mutator = Mutator(seed: 7)
        harness.chapter(chapters[0])
        #expect(harness.built == 1, "the small seed chapter builds into pages")
        for i in 0..<10 {
            let chapter = chapters[i % chapters.count]
            // Cut the chapter short (its training runs are over this budget anyway) and mutate it.
            let text = mutator.mutate(String(chapter.prefix(3000)), splicing: steps[mutator.below(steps.count)])
            harness.chapter(text)
        }
    }
}
