import Testing
@testable import BookKit

@Suite struct MarkdownTests {
    @Test func blocksCarryTheirSourcePositions() {
        let document = MarkdownDocument("# Title\n\nSome *text*.\n\n  ```swift step\n  let a = 1\n  ```\n")
        let blocks = document.nodes.filter { $0.kind == .codeBlock }
        #expect(blocks.count == 1)
        #expect(blocks.first?.startLine == 5)
        #expect(blocks.first?.startColumn == 3)
        #expect(blocks.first?.endLine == 7)
        #expect(blocks.first?.fenceInfo == "swift step")
        #expect(blocks.first?.literal == "let a = 1\n")
        #expect(document.nodes.first { $0.kind == .heading }?.plainText == "Title")
    }

    @Test func replacedNodesRenderAsOurHTMLAndRawHTMLIsEscaped() {
        let document = MarkdownDocument("Before `x` after <b>bold</b>.\n\n<div onclick=\"x()\">raw</div>\n\n```output\n1\n```\n")
        let code = document.nodes.first { $0.kind == .code }
        let block = document.nodes.first { $0.kind == .codeBlock }
        if let code { document.replace(code, withHTML: "<em>spliced</em>") }
        if let block { document.replace(block, withHTML: "<div class=\"step\">ok</div>\n") }
        let html = document.html()
        #expect(html == "<p>Before <em>spliced</em> after &lt;b&gt;bold&lt;/b&gt;.</p>\n<p>&lt;div onclick=&quot;x()&quot;&gt;raw&lt;/div&gt;</p>\n<div class=\"step\">ok</div>\n")
    }

    @Test func textReplacementIsEscapedAndRemovedNodesVanish() {
        let document = MarkdownDocument("A `=x` b.\n\n```output\ngone\n```\n")
        if let code = document.nodes.first(where: { $0.kind == .code }) { document.replace(code, withText: "1 < 2") }
        if let block = document.nodes.first(where: { $0.kind == .codeBlock }) { document.remove(block) }
        #expect(document.html() == "<p>A 1 &lt; 2 b.</p>\n")
    }

    @Test func headingsGetUniqueSlugIDs() {
        let document = MarkdownDocument("# Attention\n\n## Multi-head attention!\n\n## Multi-head attention\n\n## Внимание, `q`\n\n## Content\n")
        let anchors = document.anchorHeadings(reserved: ["content"])
        #expect(anchors.map(\.id) == ["attention", "multi-head-attention", "multi-head-attention-2", "внимание-q", "content-2"])
        #expect(anchors.map(\.level) == [1, 2, 2, 2, 2])
        #expect(anchors[3].text == "Внимание, q")
        let html = document.html()
        #expect(html.hasPrefix("<h1 id=\"attention\">Attention</h1>\n<h2 id=\"multi-head-attention\">Multi-head attention!</h2>"))
        #expect(html.contains("<h2 id=\"внимание-q\">Внимание, <code>q</code></h2>"))
    }

    @Test func slugOfPunctuationOnlyIsSection() {
        #expect(Slug.make("?!") == "section")
        #expect(Slug.make("  Adam — step 2 ") == "adam-step-2")
    }
}
