import BookTestSupport
import Testing
@testable import BookKit

/// Parses `text` as a chapter's Markdown.
func markdown(_ text: String) -> MarkdownNode {
    MarkdownParser.parse(text, lines: ChapterText(file: "t.md", text: text).lines)
}

/// The HTML of `text` with the book's rules (raw HTML as text, headings with ids from `ids`).
func html(_ text: String, replacing replacement: @escaping (MarkdownNode) -> MarkdownHTML.Replacement? = { _ in nil }) -> String {
    var writer = MarkdownHTML()
    writer.replacement = replacement
    return writer.html(markdown(text))
}

@Suite(.ownThreads) struct MarkdownTests {
    @Test func blocksCarryTheirSourcePositions() {
        let document = markdown("# Title\n\nSome *text*.\n\n  ```swift step\n  let a = 1\n  ```\n")
        let blocks = document.nodes.filter { $0.fenceInfo == "swift step" }
        #expect(blocks.count == 1)
        #expect(blocks.first?.start == SourcePoint(line: 5, column: 3))
        #expect(blocks.first?.endLine == 7)
        #expect(blocks.first?.literal == "let a = 1\n")
        #expect(document.nodes.first { $0.headingLevel == 1 }?.plainText == "Title")
        // Every node has its own number: the identity steps and inline expressions refer to.
        #expect(Set(document.nodes.map(\.index)).count == document.nodes.count)
    }

    @Test func codeSpansKnowWhereEachByteIs() {
        let document = markdown("A ``=a +\n  b`` here.\n")
        let span = document.nodes.first { $0.kind == .code }
        #expect(span?.literal == "=a + b")
        #expect(span?.start == SourcePoint(line: 1, column: 3))
        #expect(span?.literalPositions.first == SourcePoint(line: 1, column: 5))
        #expect(span?.literalPositions.last == SourcePoint(line: 2, column: 3))
    }

    @Test func replacedNodesRenderAsOurHTMLAndRawHTMLIsEscaped() {
        let out = html("Before `x` after <b>bold</b>.\n\n<div onclick=\"x()\">raw</div>\n\n```output\n1\n```\n") { node in
            if node.kind == .code { return .text("1 < 2") }
            if node.fenceInfo == "output" { return .block("<div class=\"step\">ok</div>") }
            return nil
        }
        #expect(out == "<p>Before 1 &lt; 2 after &lt;b&gt;bold&lt;/b&gt;.</p>\n<p>&lt;div onclick=&quot;x()&quot;&gt;raw&lt;/div&gt;</p>\n<div class=\"step\">ok</div>\n")
        #expect(html("A b.\n\n```output\ngone\n```\n") { $0.fenceInfo == "output" ? .nothing : nil } == "<p>A b.</p>\n")
    }

    @Test func headingsGetUniqueSlugIDs() {
        let chapter = ChapterParser.parse(ChapterText(file: "t.md", text: "# Attention\n\n## Multi-head attention!\n\n## Multi-head attention\n\n## Внимание, `q`\n\n## Content\n"))
        let body = ChapterBody(chapter: chapter, outcomes: [], language: "en")
        let headings = body.headings().map(\.heading)
        #expect(headings.map(\.id) == ["attention", "multi-head-attention", "multi-head-attention-2", "внимание-q", "content-2"])
        #expect(headings.map(\.level) == [1, 2, 2, 2, 2])
        #expect(headings[3].text == "Внимание, q")
        let page = body.render(ids: PageIDs()) { _ in "<nav>toc</nav>" }.body
        #expect(page.hasPrefix("<h1 id=\"attention\">Attention</h1><nav>toc</nav>\n<h2 id=\"multi-head-attention\">Multi-head attention!</h2>"))
        #expect(page.contains("<h2 id=\"внимание-q\">Внимание, <code>q</code></h2>"))
    }

    @Test func slugOfPunctuationOnlyIsSection() {
        #expect(Slug.make("?!") == "section")
        #expect(Slug.make("  Adam — step 2 ") == "adam-step-2")
    }
}
