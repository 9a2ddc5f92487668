import BookKit
import Foundation
import MicroGPTSteps
import Testing

/// Steps are real Swift: compiled against MicroGPT they print exactly what the interpreter prints.
@Suite(.serialized)
struct StepParityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let chapters = root.appendingPathComponent("chapters")

    @Test func compiledStepsGiveTheInterpretersTexts() throws {
        // The steps load "data/names.txt" relative to the chapters folder, as the build does.
        #expect(FileManager.default.changeCurrentDirectoryPath(Self.chapters.path))
        #expect(exportedChapters.count == 6)
        for (slug, run) in exportedChapters {
            let compiled = try run()
            let text = try ChapterText(file: "chapters/en/\(slug).md", bytes: Data(contentsOf: Self.chapters.appendingPathComponent("en/\(slug).md")))
            let chapter = ChapterParser.parse(text)
            let session = Session(file: chapter.source.file, binding: MicroGPTBinding(), context: LibraryContext(chaptersDirectory: Self.chapters))
            let outcomes = runChapter(chapter, in: session)
            let interpreted = zip(chapter.items, outcomes).compactMap { item, outcome -> String? in
                if case .step = item { return outcome.text }
                return nil
            }
            #expect(compiled == interpreted, "\(slug)")
        }
    }

    /// The compiled copy is regenerated from the chapters, so it cannot drift from them.
    @Test func exportedStepsAreUpToDate() throws {
        let source = try SwiftExporter.book(chapters: Self.chapters, language: "en", importing: MicroGPTBinding().moduleName)
        let committed = try String(contentsOf: Self.root.appendingPathComponent("Tests/StepParityTests/ExportedChapters.swift"), encoding: .utf8)
        #expect(committed == source, "run: .build/debug/book export-steps > Tests/StepParityTests/ExportedChapters.swift")
    }
}
