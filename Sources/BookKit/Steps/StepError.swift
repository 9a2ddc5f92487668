import SwiftSyntax

/// An error while checking or running a step, at the syntax node it is about.
struct StepError: Error {
    let message: String
    let node: Syntax?
    let id: DiagnosticID

    init(_ message: String, at node: (some SyntaxProtocol)?, id: DiagnosticID = .stepFailed) {
        self.message = message
        self.node = node.map { Syntax($0) }
        self.id = id
    }

    init(_ message: String, id: DiagnosticID = .stepFailed) {
        self.message = message
        self.node = nil
        self.id = id
    }

    init(_ message: String, node: Syntax?, id: DiagnosticID) {
        self.message = message
        self.node = node
        self.id = id
    }

    /// The step ran out of budget: placed at the innermost loop, or at the step's start.
    var isBudget: Bool { id == .budget }

    /// The same message, placed at `node` unless it already has a place. A budget error is only
    /// placed by loops (`loop: true`), so that it points at the loop that ran away.
    func placed(at node: some SyntaxProtocol, loop: Bool = false) -> StepError {
        guard self.node == nil, loop || !isBudget else { return self }
        return StepError(message, node: Syntax(node), id: id)
    }
}
