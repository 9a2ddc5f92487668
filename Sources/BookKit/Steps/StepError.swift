import SwiftSyntax

/// An error while running a step, at the syntax node it is about.
struct StepError: Error {
    let message: String
    let node: Syntax?

    init(_ message: String, at node: (some SyntaxProtocol)?) {
        self.message = message
        self.node = node.map { Syntax($0) }
    }

    init(_ message: String) {
        self.message = message
        self.node = nil
    }

    /// The same message, placed at `node` unless it already has a place.
    func placed(at node: some SyntaxProtocol) -> StepError {
        self.node == nil ? StepError(message, at: node) : self
    }
}
