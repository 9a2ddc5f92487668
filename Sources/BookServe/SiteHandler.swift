import FlyingFox
import Foundation

/// Answers every request: the live script and socket under `/__book/`, the last good build's
/// files from memory (HTML with the live script added), 404 for anything else.
struct SiteHandler: HTTPHandler {
    let hub: LiveHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The path as sent: FlyingFox's own `path` has already resolved `..` segments, and a
        // request that tries them must not land on a page.
        let raw = request.target.path()
        if raw == LiveScript.socketPath {
            return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: hub)).handleRequest(request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "only GET and HEAD\n", request, extra: [.init("Allow"): "GET, HEAD"])
        }
        if raw == LiveScript.scriptPath {
            return Self.respond(.ok, LiveScript.source ?? Data(), type: ContentType.of(raw), request)
        }
        let state = hub.state
        guard let files = state.files else {
            return Self.respond(.serviceUnavailable, LiveScript.waitingPage(build: state.build), type: ContentType.html, request)
        }
        guard let name = SitePath.file(forRawPath: raw) else { return Self.notFound(request) }
        if let data = files[name] {
            let type = ContentType.of(name)
            if type == ContentType.html { return Self.respond(.ok, LiveScript.inject(into: data, build: state.build), type: type, request) }
            return Self.revalidated(data, type: type, request)
        }
        // A folder named without its slash: its page's relative links need the slash.
        if files[name + "/index.html"] != nil {
            return Self.text(.movedPermanently, "moved\n", request, extra: [.location: raw + "/"])
        }
        return Self.notFound(request)
    }

    static func notFound(_ request: HTTPRequest) -> HTTPResponse {
        text(.notFound, "not found\n", request)
    }

    private static func text(_ status: HTTPStatusCode, _ text: String, _ request: HTTPRequest,
                             extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var response = respond(status, Data(text.utf8), type: "text/plain; charset=utf-8", request)
        for (header, value) in extra { response.headers[header] = value }
        return response
    }

    /// A file that is not a page, with a tag of its bytes: the browser keeps it but asks each
    /// time whether it changed, and an unchanged one costs a 304. A reload then reuses the
    /// scripts it already compiled (three.js, KaTeX) instead of parsing them again.
    private static func revalidated(_ data: Data, type: String, _ request: HTTPRequest) -> HTTPResponse {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        let tag = "\"\(String(UInt(bitPattern: hasher.finalize()), radix: 36))-\(data.count)\""
        if request.headers[.ifNoneMatch] == tag {
            var headers = HTTPHeaders()
            headers[.eTag] = tag
            headers[.cacheControl] = "no-cache"
            return HTTPResponse(statusCode: .notModified, headers: headers, body: Data())
        }
        var response = respond(.ok, data, type: type, request, cache: "no-cache")
        response.headers[.eTag] = tag
        return response
    }

    /// `body` with its type; not cached unless `cache` says so, since the next build may change
    /// it. A HEAD request gets the headers alone.
    private static func respond(_ status: HTTPStatusCode, _ body: Data, type: String, _ request: HTTPRequest,
                                cache: String = "no-store") -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = cache
        headers[.init("X-Content-Type-Options")] = "nosniff"
        guard request.method == .HEAD else { return HTTPResponse(statusCode: status, headers: headers, body: body) }
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers, body: Data())
    }
}
