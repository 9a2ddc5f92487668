import Foundation
import SwiftSyntax

/// Says which piece of Swift a step used that the interpreter does not run, so that the error
/// names it instead of skipping it. The messages, by syntax kind, are in `Resources/unsupported.json`.
enum Unsupported {
    static func describe(_ node: some SyntaxProtocol) -> String {
        if let message = messages[String(describing: node.kind)] { return message }
        let text = node.trimmedDescription.split(separator: "\n").first.map(String.init) ?? ""
        return "'\(text.count > 40 ? text.prefix(40) + "..." : text)' is not supported in steps"
    }

    /// The catalog, read once; without it every construct gets the general message above.
    private static let messages: [String: String] = {
        guard let data = try? Assets.data("unsupported.json") else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }()
}
