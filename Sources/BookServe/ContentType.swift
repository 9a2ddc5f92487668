/// The `Content-Type` of a site file, by its extension.
enum ContentType {
    static func of(_ name: String) -> String {
        let ext = name.split(separator: "/").last?.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return types[ext] ?? "application/octet-stream"
    }

    static let html = "text/html; charset=utf-8"

    private static let types: [String: String] = [
        "html": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "txt": "text/plain; charset=utf-8",
        "epub": "application/epub+zip",
        "xhtml": "application/xhtml+xml",
        "woff2": "font/woff2",
    ]
}
