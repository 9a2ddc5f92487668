import CCmark
import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// Our HTML writer renders the Markdown tree exactly as cmark's own renderer would (where the
/// book adds nothing: no raw HTML, no pipe tables), so leaving cmark's renderer changed no page.
/// (One known difference: an explicitly empty link title, `[a](b "")`, gets no `title=""`.)
@Suite(.ownThreads) struct CmarkParityTests {
    static let documents = [
        "# Title\n\nA *b* **c** `d` [e](f.html#g \"t'\") ![i *j*](k.png \"l\")\nsoft\\\nhard\n",
        "- a\n- b\n\n  c\n- d\n\n1. x\n2. y\n\n7) tight\n8) list\n\n> quote\n> > nested\n\n---\n\n***\n",
        "```swift step hide-code\nlet a = \"<&>\"\n```\n\n    indented\n    code\n\n~~~\n\n~~~\n\nText & < > \" ' end.\n",
        "[a](<b c> \"d\") [e](f?g=h&i=j'k) [l](mailto:x@y.z) [m](ü/ñ%20) <http://auto.link/a?b>\n",
        "- [ ] item with `code`\n  - nested *em*\n    1. deep\n\n\n- loose\n\n  para\n",
        "Setext\n======\n\nSub\n---\n\n\\*not em\\* &amp; &copy; &#35;\n",
    ]

    @Test(arguments: documents)
    func ourWriterMatchesCmark(_ text: String) {
        var copy = text
        let cmark: String = copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let root = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT),
                      let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
                defer { free(html); cmark_node_free(root) }
                return String(cString: html)
            }
        }
        #expect(html(text) == cmark)
    }
}
