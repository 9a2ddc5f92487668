import BookKit
import BookTestSupport
import Foundation
import Testing
@testable import BookServe
import FlyingFox

/// The server over real loopback connections, on a scratch book with engine-free steps.
@Suite(.serialized) struct ServeTests {
    /// Requests sent byte for byte: traversal in every spelling, odd and malformed targets.
    static let refused = [
        "/../", "/../../etc/passwd", "/en/../../etc/passwd", "/./index.html", "/en/./01-serving.html",
        "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd", "/%252e%252e/etc/passwd", "/%252e%252e%252fetc%252fpasswd",
        "/..%2f..%2fetc%2fpasswd", "/..\\..\\etc\\passwd", "/%5c..%5c..%5cetc%5cpasswd", "//etc/passwd",
        "/etc/passwd", "/en/01-serving.html%00.css", "/index.html\u{0}", "/%00", "/.book-build", "/en/.hidden",
        "/en/leak.txt", "/en/01-serving.md", "/chapters/en/01-serving.md", "/%zz", "/nope.html", "/en/nope/",
        "/" + String(repeating: "x/", count: 700),
    ]

    @Test func traversalAndOddURLsGet404() async throws {
        // A link inside the chapters folder that points out of it is no site file either.
        let served = try await ServedBook()
        try FileManager.default.createSymbolicLink(atPath: served.book.chapters.appendingPathComponent("en/leak.txt").path,
                                                   withDestinationPath: "/etc/passwd")
        for target in Self.refused {
            let response = try await served.get(target)
            #expect(response.status == 404, "\(target.debugDescription) got \(response.status)")
            #expect(!response.text.contains("root:"), "\(target.debugDescription)")
        }
        // An absolute URL as the target, as proxies are sent: not a site path either.
        #expect(try await served.get("http://127.0.0.1/etc/passwd").status == 404)
        await served.stop()
    }

    @Test func pagesAreServedWithTheirTypes() async throws {
        let served = try await ServedBook(formats: ["html", "epub"])
        let expected = [
            "/": "text/html; charset=utf-8", "/index.html": "text/html; charset=utf-8", "/en/": "text/html; charset=utf-8",
            "/en/01-serving.html": "text/html; charset=utf-8", "/assets/book.css": "text/css; charset=utf-8",
            "/assets/book.js": "text/javascript; charset=utf-8", "/__book/live.js": "text/javascript; charset=utf-8",
            "/book-en.epub": "application/epub+zip", "/en/01-serving.html?from=test": "text/html; charset=utf-8",
        ]
        for (target, type) in expected {
            let response = try await served.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
            // Pages and the live script change with every build; other files are kept by the
            // browser and asked for again, by their tag.
            let page = type.hasPrefix("text/html") || target == "/__book/live.js"
            #expect(response.headers["cache-control"] == (page ? "no-store" : "no-cache"), "\(target)")
            #expect((response.headers["etag"] != nil) == !page, "\(target)")
        }
        let page = try await served.get("/en/01-serving.html")
        #expect(page.text.contains("The first version of this sentence."))
        #expect(page.text.contains("<script src=\"/__book/live.js\" data-build=\""))
        // The served page is the built page plus that one tag; everything else is byte for byte.
        let built = try #require(await served.server.state.files?["en/01-serving.html"])
        #expect(page.text.replacing(#/<script src="\/__book\/live.js" data-build="[^"]*"><\/script>\n/#, with: "")
                == String(decoding: built, as: UTF8.self))
        #expect(try await served.get("/assets/book.css").body == builtFile(served, "assets/book.css"))
        let head = try await served.get("/en/01-serving.html", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && Int(head.headers["content-length"] ?? "") == page.body.count)
        let folder = try await served.get("/en")
        #expect(folder.status == 301 && folder.headers["location"] == "/en/")
        #expect(try await served.get("/en/01-serving.html", method: "POST").status == 405)
        await served.stop()
    }

    @Test func anSVGIsServedAsAnImage() async throws {
        let hub = LiveHub()
        hub.publish(files: ["figures/loss.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)])
        let response = try await SiteHandler(hub: hub).handleRequest(.init(method: .GET, version: .http11,
            target: .init(path: "/figures/loss.svg", query: ""), headers: [:], body: .init()))
        #expect(response.statusCode == .ok && response.headers[.contentType] == "image/svg+xml")
    }

    @Test func anUnchangedFileCostsA304AndAChangedOneIsSentAgain() async throws {
        let hub = LiveHub()
        hub.publish(files: ["assets/book.css": Data("body { color: red }".utf8), "index.html": Data("<p>x</p>".utf8)])
        func get(_ path: String, tag: String? = nil) async throws -> HTTPResponse {
            try await SiteHandler(hub: hub).handleRequest(.init(method: .GET, version: .http11, target: .init(path: path, query: ""),
                                                                headers: tag.map { [.ifNoneMatch: $0] } ?? [:], body: .init()))
        }
        let first = try await get("/assets/book.css")
        let tag = try #require(first.headers[.eTag])
        #expect(first.statusCode == .ok && first.headers[.cacheControl] == "no-cache")
        let again = try await get("/assets/book.css", tag: tag)
        #expect(again.statusCode == .notModified && again.headers[.eTag] == tag)
        #expect(try await again.bodyData.isEmpty)
        hub.publish(files: ["assets/book.css": Data("body { color: blue }".utf8), "index.html": Data("<p>x</p>".utf8)])
        let changed = try await get("/assets/book.css", tag: tag)
        #expect(changed.statusCode == .ok && changed.headers[.eTag] != tag)
        #expect(try await changed.bodyData == Data("body { color: blue }".utf8))
        // A page carries the build it belongs to: never kept, never a 304.
        let page = try await get("/index.html", tag: tag)
        #expect(page.statusCode == .ok && page.headers[.eTag] == nil && page.headers[.cacheControl] == "no-store")
    }

    @Test func aProseEditIsServedAndAnnouncedWithoutRunningAStep() async throws {
        let served = try await ServedBook()
        let runsBefore = served.programsRun
        let socket = try await offThePool { try WebSocketClient(port: served.port, path: "/__book/live") }
        let hello = try await offThePool { try socket.receive() }
        let first = await served.server.state.build
        #expect(hello == #"{"build":"\#(first)","diagnostics":[]}"#)

        try served.edit("The first version", "The second version")
        let news = try await offThePool { try socket.receive() }
        let second = await served.server.state.build
        #expect(second != first)
        #expect(news == #"{"build":"\#(second)","diagnostics":[]}"#)
        let page = try await served.get("/en/01-serving.html")
        #expect(page.text.contains("The second version of this sentence."))
        #expect(page.text.contains("data-build=\"\(second)\""))
        #expect(served.programsRun == runsBefore)  // prose only: the step's result was kept
        await served.stop()
    }

    @Test func theSearchIndexFollowsThePagesWithoutAnotherReload() async throws {
        let served = try await ServedBook()
        let socket = try await offThePool { try WebSocketClient(port: served.port, path: "/__book/live") }
        _ = try await offThePool { try socket.receive() }
        try served.edit("The first version", "The pangolin version")
        _ = try await offThePool { try socket.receive() }
        // A second edit before the index of the first is in: the index ends with the last words.
        try served.edit("The pangolin version", "The okapi version")
        _ = try await offThePool { try socket.receive() }
        let build = await served.server.state.build
        let start = ContinuousClock.now
        while !(try await served.get("/en/search-index.js").text.contains("okapi")) {
            try #require(ContinuousClock.now - start < .seconds(20), "the index never had the new word")
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await served.server.state.build == build)  // open pages were not told to reload again
        #expect(try await !served.get("/en/search-index.js").text.contains("pangolin"))
        await served.stop()
    }

    @Test func aFailedBuildKeepsTheLastGoodPagesAndSaysWhy() async throws {
        let served = try await ServedBook()
        let socket = try await offThePool { try WebSocketClient(port: served.port, path: "/__book/live") }
        _ = try await offThePool { try socket.receive() }
        let good = await served.server.state.build
        let before = try await served.get("/en/01-serving.html")

        try served.edit("let a = 1 + 2", "let a = 1 + <b>")
        let failure = try await offThePool { try socket.receive() }
        #expect(failure.contains("chapters/en/01-serving.md:6:"))
        #expect(failure.contains(#""build":"\#(good)""#))  // the pages stay those of the last good build
        let page = try await served.get("/en/01-serving.html")
        #expect(page.status == 200 && page.body == before.body)

        try served.edit("let a = 1 + <b>", "let a = 1 + 2")
        let fixed = try await offThePool { try socket.receive() }
        #expect(fixed == #"{"build":"\#(good)","diagnostics":[]}"#)  // same pages as before: no reload, no errors
        await served.stop()
    }

    @Test func aDataFileEditRebuildsWithANewProject() async throws {
        let served = try await ServedBook(extra: ["data/words.txt": "one\n"])
        let builds = await served.server.builds
        try served.book.write("data/words.txt", "one\ntwo\n")
        try await served.waitForBuilds(builds + 1)
        #expect(served.programsRun == 2)  // a new project ran the chapter again
        await served.stop()
    }

    @Test func stoppingClosesPagesAndReleasesThePort() async throws {
        let served = try await ServedBook()
        let socket = try await offThePool { try WebSocketClient(port: served.port, path: "/__book/live") }
        _ = try await offThePool { try socket.receive() }
        #expect(await served.server.listeners == 1)
        await served.stop()
        await #expect(throws: (any Error).self) { try await offThePool { try socket.receive() } }
        await #expect(throws: (any Error).self) { try await served.get("/") }
        let options = served.book.options()
        let again = BookServer(chapters: served.book.chapters, options: ServeOptions(port: served.port)) {
            Project(options: options, binding: PlainBinding())
        }
        let url = try await again.start()
        #expect(url.port == Int(served.port))
        await again.stop()
    }

    @Test func otherHostsAreRefusedUnlessAnIPAddress() async throws {
        let book = ScratchBook()
        let options = book.options()
        let server = BookServer(chapters: book.chapters, options: ServeOptions(host: "example.org", port: 0)) {
            Project(options: options, binding: PlainBinding())
        }
        await #expect(throws: ServeError.self) { try await server.start() }
    }
}

private func builtFile(_ served: ServedBook, _ name: String) async -> Data? {
    await served.server.state.files?[name]
}
