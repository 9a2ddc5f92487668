import BookKit
import Foundation

/// A scratch folder with a `chapters/` tree, removed when the test ends.
public final class ScratchBook {
    public let root: URL
    public init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("book-build-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: root) }

    public var chapters: URL { root.appendingPathComponent("chapters") }
    public var output: URL { root.appendingPathComponent("build") }

    /// Writes `chapters/<path>`.
    public func write(_ path: String, _ text: String) throws {
        let url = chapters.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: chapters.appendingPathComponent(path), encoding: .utf8)
    }

    /// Options that print chapter paths as `chapters/...`.
    public func options(languages: [String] = []) -> BuildOptions {
        var options = BuildOptions(chapters: chapters.path, output: output.path, languages: languages)
        options.displayRoot = "chapters"
        options.cache = nil  // tests of the cache turn it on
        return options
    }

    /// Every file under `folder`, relative path -> bytes.
    public static func contents(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in walker {
            guard let data = try? Data(contentsOf: url), !url.hasDirectoryPath else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = data
        }
        return files
    }

    /// Names in the scratch root (to prove no staging folder is left behind).
    public var rootEntries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted() }
}
