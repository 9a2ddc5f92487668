import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// Hostile chapters, built: pages never carry a script URL, and every id on a page is unique
/// whatever the headings and steps are called. Each case is a chapter's text and what its page
/// must (and must not) hold.
@Suite(.ownThreads) struct HostileHTMLTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let text: String
        /// Fragments the page must hold.
        let holds: [String]
        var description: String { name }
        init(_ name: String, _ text: String, _ holds: [String]) { (self.name, self.text, self.holds) = (name, text, holds) }
    }

    /// The page of `en/01-a.md` holding `text`, built with stand-in steps (or `binding`'s).
    static func page(_ text: String, binding: (any StepBinding)? = nil) throws -> String {
        let book = ScratchBook()
        try book.write("en/01-a.md", text)
        if let binding {
            try Project(options: book.options(), binding: binding).build()
        } else {
            try book.project().build()
        }
        return try String(contentsOf: book.output.appendingPathComponent("en/01-a.html"), encoding: .utf8)
    }

    /// Every id on `html`, in order.
    static func ids(_ html: String) -> [String] { HTMLAttributes.scan(html).filter { $0.name == "id" }.map(\.value) }

    static let links: [Case] = [
        Case("javascript link keeps its text", "# T\n\nA [click](javascript:alert(1)) here.\n", ["<p>A click here.</p>"]),
        Case("vbscript link keeps its emphasis", "# T\n\n[**bold**](vbscript:x)\n", ["<p><strong>bold</strong></p>"]),
        Case("data link", "# T\n\n[x](data:text/html;base64,PHNjcmlwdD4=)\n", ["<p>x</p>"]),
        Case("entity-obscured link", "# T\n\n[x](&#106;avascript:alert(1))\n", ["<p>x</p>"]),
        Case("tab-obscured link", "# T\n\n[x](java&#9;script:alert(1))\n", ["<p>x</p>"]),
        Case("percent-obscured link", "# T\n\n[x](%6Aavascript:alert(1))\n", ["<p>x</p>"]),
        Case("autolink", "# T\n\n<javascript:alert(1)>\n", ["<p>javascript:alert(1)</p>"]),
        Case("titled link loses its title", "# T\n\n[t](javascript:x \"a title\")\n", ["<p>t</p>"]),
        Case("reference link", "# T\n\n[r][1]\n\n[1]: JAVASCRIPT:x\n", ["<p>r</p>"]),
        Case("image is its description", "# T\n\n![a *pic*](javascript:alert(1))\n", ["<p>a pic</p>"]),
        Case("svg data image", "# T\n\n![p](data:image/svg+xml;base64,PHN2Zz4=)\n", ["<p>p</p>"]),
        Case("https stays a link", "# T\n\n[ok](https://example.org/a?b=c&d)\n", ["<a href=\"https://example.org/a?b=c&amp;d\">ok</a>"]),
        Case("mailto stays a link", "# T\n\n[m](mailto:a@b.c)\n", ["<a href=\"mailto:a@b.c\">m</a>"]),
        Case("a fragment stays a link", "# T\n\n## Part\n\n[p](#part)\n", ["<a href=\"#part\">p</a>"]),
        Case("a png data image stays", "# T\n\n![p](data:image/png;base64,iVBORw0KGgo=)\n",
             ["<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"p\" />"]),
    ]

    @Test(arguments: links)
    func aPageNeverCarriesAScriptURL(_ test: Case) throws {
        let html = try Self.page(test.text)
        for fragment in test.holds { #expect(html.contains(fragment), "\(test.name)") }
        let lower = html.lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text", "data:image/svg"] {
            #expect(!lower.contains("href=\"\(scheme)") && !lower.contains("src=\"\(scheme)"), "\(test.name)")
        }
        #expect(!lower.contains("\"javascript:") && !lower.contains("%6aavascript"), "\(test.name)")
    }

    struct IDCase: CustomStringConvertible, Sendable {
        let name: String
        let text: String
        /// Ids the body's headings and steps get, in order (the template's own ids left out).
        let ids: [String]
        var description: String { name }
        init(_ name: String, _ text: String, _ ids: [String]) { (self.name, self.text, self.ids) = (name, text, ids) }
    }

    static let template: Set<String> = ReservedIDs.template

    static let idCases: [IDCase] = [
        IDCase("a heading named like the main landmark", "# T\n\n## Content\n", ["t", "content-2"]),
        IDCase("a heading named like the sidebar", "# T\n\n## Sidebar\n\n## Sidebar title\n", ["t", "sidebar-2", "sidebar-title-2"]),
        IDCase("a heading named like the contents titles", "# T\n\n## Toc side title\n\n### Toc inline title\n",
               ["t", "toc-side-title-2", "toc-inline-title-2"]),
        IDCase("a heading named like a step", "# T\n\n## Intro\n\n```swift step name=intro\nsay 1\n```\n", ["t", "intro-2", "intro"]),
        IDCase("a step named like a later heading", "# T\n\n```swift step name=part\nsay 1\n```\n\n## Part\n", ["t", "part", "part-2"]),
        IDCase("repeated headings", "# T\n\n## A\n\n## A 2\n\n## A\n", ["t", "a", "a-2", "a-3"]),
        IDCase("a numbered heading after repeats", "# T\n\n## A\n\n## A\n\n## A 2\n", ["t", "a", "a-2", "a-2-2"]),
        IDCase("headings with no letters", "# T\n\n## !!!\n\n## ???\n", ["t", "section", "section-2"]),
        IDCase("a heading like the title", "# T\n\n## T\n\n### t\n", ["t", "t-2", "t-3"]),
        IDCase("Cyrillic headings", "# Т\n\n## Привет мир\n\n## Привет  мир\n", ["т", "привет-мир", "привет-мир-2"]),
        IDCase("an inline value in a heading", "# T\n\n## Loss `=2`\n\n## Loss 2\n", ["t", "loss-2", "loss-2-2"]),
    ]

    @Test(arguments: idCases)
    func everyIDOnAPageIsUnique(_ test: IDCase) throws {
        let html = try Self.page(test.text)
        let ids = Self.ids(html)
        #expect(Set(ids).count == ids.count, "\(test.name): \(ids)")
        #expect(ids.filter { !Self.template.contains($0) } == test.ids, "\(test.name)")
    }

    @Test func aHeadingThatReadsLikeAChartIDPushesTheChartAside() throws {
        let chapter = "# Tallies\n\n```swift step\nlet t = Tally()\nt.add(1)\nt\n```\n"
        let alone = try Self.page(chapter, binding: TallyBinding())
        let chart = try #require(Self.ids(alone).first { $0.hasPrefix("chart-") })
        for heading in [chart, chart + " title", chart + " desc"] {
            let html = try Self.page(chapter + "\n## \(heading)\n", binding: TallyBinding())
            let ids = Self.ids(html)
            #expect(Set(ids).count == ids.count, "\(heading): \(ids)")
            #expect(ids.contains(chart + "-2") && ids.contains(Slug.make(heading)), "\(heading)")
        }
    }

    @Test func thousandsOfSameHeadingsGetDistinctIDs() throws {
        let text = "# T\n\n" + String(repeating: "## Same\n\n", count: 2_000)
        let ids = Self.ids(try Self.page(text))
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("same-2000"))
    }
}
