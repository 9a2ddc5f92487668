import Foundation

/// The site's style sheet and scripts, kept as files in `Resources/` and read once.
enum Assets {
    /// The bytes of `Resources/<name>`.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }

    /// Where `Resources/<name>` is (Node.js reads the build's scripts from there).
    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") else {
            throw AssetMissing(name: name)
        }
        return url
    }

    /// The text of `Resources/<name>` without its final line end.
    static func text(_ name: String) throws -> String {
        var text = String(decoding: try data(name), as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// A resource file the build needs is not where the tool was installed.
struct AssetMissing: Error, CustomStringConvertible {
    let name: String
    var description: String { "the resource file \(name) is missing from the installed tool (book_BookKit.resources)" }
}
