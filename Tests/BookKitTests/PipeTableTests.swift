import BookTestSupport
import Testing
@testable import BookKit

/// Pipe tables, which core CommonMark leaves as paragraphs, become HTML tables.
@Suite(.ownThreads) struct PipeTableTests {
    @Test func aPipeTableBecomesATableWithMarkdownCells() {
        let out = html("# T\n\n| Idea | Where |\n|---|:---:|\n| Tokens | [Overview](01-overview.html) |\n| a < b | `x` |\n\nAfter.\n")
        #expect(out.contains("<thead><tr><th>Idea</th><th>Where</th></tr></thead>"))
        #expect(out.contains("<td>Tokens</td><td><a href=\"01-overview.html\">Overview</a></td>"))
        #expect(out.contains("<td>a &lt; b</td><td><code>x</code></td>"))
        #expect(out.contains("<p>After.</p>"))
    }

    @Test func aParagraphWithPipesButNoRuleStaysAParagraph() {
        #expect(!html("| not | a table |\n| still | not |\n").contains("<table"))
    }

    @Test func cellsKnowWhereTheirCodeSpansAre() throws {
        let chapter = ChapterParser.parse(ChapterText(file: "t.md", text: "# T\n\n| a | b |\n|---|---|\n| x | `=1 + 1` |\n"))
        let inline = try #require(chapter.inlines.first)
        #expect(inline.expression == "1 + 1")
        #expect(inline.span == SourceLocation(file: "t.md", line: 5, column: 7))
        #expect(inline.origin == SourceLocation(file: "t.md", line: 5, column: 9))
    }
}
