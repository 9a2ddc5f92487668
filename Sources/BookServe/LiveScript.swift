import Foundation

/// The live-reload script and the one amendment the server makes to a page.
///
/// The built site knows nothing of `book serve`: its pages are the bytes `book build` writes. The
/// server adds a single `<script>` tag before `</body>` of every HTML page it sends, because a
/// page can only follow rebuilds if it runs code of the server's, and adding it at serve time is
/// what keeps the site itself free of it. This is the only place where served bytes differ from
/// built ones.
enum LiveScript {
    /// Where the script is served; `/__book/` names nothing in a site (a chapter folder is a language).
    static let scriptPath = "/__book/live.js"
    /// Where open pages hear of builds (a WebSocket).
    static let socketPath = "/__book/live"

    /// `page` with the script tag before its last `</body>` (at the end when it has none); the tag
    /// carries the build the page belongs to, so that a page loaded from an older build reloads.
    static func inject(into page: Data, build: String) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\" data-build=\"\(build)\"></script>\n".utf8)
        guard let end = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var amended = page
        amended.insert(contentsOf: tag, at: end.lowerBound)
        return amended
    }

    /// A page for when no build has succeeded yet: it waits for one, showing the errors meanwhile.
    static func waitingPage(build: String) -> Data {
        inject(into: Data("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Building…</title></head>
            <body><p>The book is being built; this page reloads when it is ready.</p></body></html>

            """.utf8), build: build)
    }

    /// The script (`Resources/live.js`), which keeps the page in step with the server: it swaps
    /// changed prose in place, reloads for anything else, and shows a failed build's errors.
    /// Nil when the tool was installed without its resources (the server then refuses to start).
    static let source: Data? = Bundle.module.url(forResource: "live", withExtension: "js", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }
}
