import SwiftSyntax

/// An error while running a step, at the syntax node it is about.
struct StepError: Error {
    let message: String
    let node: Syntax?
    /// The step ran out of budget: placed at the innermost loop, or at the step's start.
    let isBudget: Bool

    init(_ message: String, at node: (some SyntaxProtocol)?) {
        self.message = message
        self.node = node.map { Syntax($0) }
        self.isBudget = false
    }

    init(_ message: String, budget: Bool = false) {
        self.message = message
        self.node = nil
        self.isBudget = budget
    }

    private init(_ message: String, node: Syntax?, budget: Bool) {
        self.message = message
        self.node = node
        self.isBudget = budget
    }

    /// The same message, placed at `node` unless it already has a place. A budget error is only
    /// placed by loops (`loop: true`), so that it points at the loop that ran away.
    func placed(at node: some SyntaxProtocol, loop: Bool = false) -> StepError {
        guard self.node == nil, loop || !isBudget else { return self }
        return StepError(message, node: Syntax(node), budget: isBudget)
    }
}
