import BookKit
import BookTestSupport
import Foundation
import MicroGPTSteps
import Testing

/// The real book as EPUB, one file per language, each passing the W3C's EPUBCheck without a
/// warning; the site and the EPUBs come from one build.
@Suite(.ownThreads) struct EPUBBookTests {
    @Test func everyLanguageIsAValidEPUB() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("book-epub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = Book.options(output: output, formats: ["html", "epub"])
        let report = try Project(options: options, binding: MicroGPTBinding()).build()
        #expect(report.chapters == Book.languages.count * Book.slugs.count)
        for language in Book.languages {
            let file = output.appendingPathComponent("book-\(language).epub")
            let check = try await EPUBCheck.run(file)
            #expect(check.isClean, "\(language): \(check.output)")
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("en/03-attention.html").path))
    }
}
