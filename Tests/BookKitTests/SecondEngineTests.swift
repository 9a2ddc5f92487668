import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// A tiny engine, not MicroGPT: a tally counter and a histogram. BookKit knows neither; the binding
/// below brings them to steps, the way MicroGPTSteps brings the GPT.
final class Tally: CustomStringConvertible {
    private(set) var counts: [Int] = []
    func add(_ bucket: Int) {
        if counts.count <= bucket { counts += Array(repeating: 0, count: bucket + 1 - counts.count) }
        counts[bucket] += 1
    }
    var total: Int { counts.reduce(0, +) }
    var description: String { "Tally(\(counts))" }
}

struct TallyBinding: StepBinding {
    var moduleName: String { "Tally" }
    var version: String { "tally 1" }
    var starterStep: String { "let t = Tally() + 1\nt.total" }

    func register(in library: Library, context: LibraryContext) {
        library.function("func Tally() -> Tally") { _ in Tally() }
        library.method(Tally.self, "func add(_ bucket: Int)") { a in (try a.this() as Tally).add(try a(0)); return nil }
        library.properties(Tally.self, ["total": \.total, "counts": \.counts])
        library.infix(["+"], Tally.self, Int.self) { _, tally, bucket in tally.add(bucket); return tally }
    }

    func display(of value: Any, convert: (Any) -> Display) -> Display? {
        guard let tally = value as? Tally else { return nil }
        return .distribution(labels: tally.counts.indices.map(String.init),
                             probabilities: tally.counts.map { Double($0) / Double(max(tally.total, 1)) })
    }
}

@Suite(.ownThreads) struct SecondEngineTests {
    static let chapter = """
    # Tallies

    ```swift step
    let t = Tally()
    for x in [0, 1, 1, 2, 1] { t.add(x) }
    t
    ```

    ```output
    Tally([1, 3, 1])
    ```

    The tally holds `=t.total` marks; one more makes `=(t + 0).total`.

    ```swift step error
    t.remove(1)
    ```
    """

    @Test func aChapterBuildsOnAnotherEngine() throws {
        let book = ScratchBook()
        try book.write("en/01-tally.md", Self.chapter)
        let report = try Project(options: book.options(), binding: TallyBinding()).build()
        #expect(report.steps == 2 && report.warnings.isEmpty)
        let page = try String(contentsOf: book.output.appendingPathComponent("en/01-tally.html"), encoding: .utf8)
        #expect(page.contains("The tally holds 5 marks; one more makes 6."))
        #expect(page.contains("<svg class=\"chart chart-bar\""))  // the binding's display, drawn by the site
        #expect(page.contains("value of type &#39;Tally&#39; has no member &#39;remove&#39;"))
    }

    @Test func theBindingsTypesAndOperatorsAreTyped() {
        let session = Session(file: "t.md", binding: TallyBinding(), context: LibraryContext(chaptersDirectory: URL(fileURLWithPath: "/tmp")))
        let origin = SourceLocation(file: "t.md", line: 1, column: 1)
        let outcome = session.run(step: "let t = Tally() + 2\nt", at: origin)
        #expect(outcome.display == .distribution(labels: ["0", "1", "2"], probabilities: [0, 0, 1]))
        #expect(outcome.text == "Tally([0, 0, 1])")
        let wrong = session.run(step: "t + 1.5", at: origin)
        #expect(wrong.diagnostics.map(\.id) == [.stepFailed])
        #expect(wrong.diagnostics.first?.message == "binary operator '+' cannot be applied to operands of type 'Tally' and 'Double'")
        #expect(session.run(step: "dot([1], [2])", at: origin).diagnostics.first?.message == "cannot find 'dot' in scope")
    }
}
