import Testing
@testable import BookKit

/// Pipe tables, which core CommonMark leaves as paragraphs, become HTML tables.
struct PipeTableTests {
    @Test func aPipeTableBecomesATableWithMarkdownCells() {
        let text = "# T\n\n| Idea | Where |\n|---|:---:|\n| Tokens | [Overview](01-overview.html) |\n| a < b | `x` |\n\nAfter.\n"
        let document = MarkdownDocument(text)
        PipeTables.apply(to: document, lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let html = document.html()
        #expect(html.contains("<thead><tr><th>Idea</th><th>Where</th></tr></thead>"))
        #expect(html.contains("<td>Tokens</td><td><a href=\"01-overview.html\">Overview</a></td>"))
        #expect(html.contains("<td>a &lt; b</td><td><code>x</code></td>"))
        #expect(html.contains("<p>After.</p>"))
    }

    @Test func aParagraphWithPipesButNoRuleStaysAParagraph() {
        let text = "| not | a table |\n| still | not |\n"
        let document = MarkdownDocument(text)
        PipeTables.apply(to: document, lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(!document.html().contains("<table"))
    }
}
