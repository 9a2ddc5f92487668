import Testing
@testable import BookKit

@Test func htmlEscapesMarkup() {
    #expect(HTML.escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
}
