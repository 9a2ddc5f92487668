import SwiftSyntax

/// Swift rejects a call that can throw without `try` whether or not it runs: a call in a loop
/// that runs no time, or in a branch not taken, is found here before the step runs. A call is
/// checked when every builtin its name and labels can reach throws (a method's receiver type is
/// not known yet; the interpreter checks the rest when it calls). A closure's body needs its own
/// `try`, as in Swift.
final class TryCheck: SyntaxVisitor {
    private let library: Library
    /// Names bound by the step itself: a call of one is a closure's, not a builtin's.
    private let bound: Set<String>
    private var covered: [Bool] = [false]
    private(set) var errors: [StepError] = []

    private init(library: Library, bound: Set<String>) {
        self.library = library
        self.bound = bound
        super.init(viewMode: .sourceAccurate)
    }

    /// The calls of `tree` that can throw but are not marked with `try`, in source order.
    static func errors(in tree: some SyntaxProtocol, library: Library, bound: Set<String>) -> [StepError] {
        let check = TryCheck(library: library, bound: bound)
        check.walk(tree)
        return check.errors
    }

    override func visit(_ node: TryExprSyntax) -> SyntaxVisitorContinueKind {
        covered.append(true)
        return .visitChildren
    }
    override func visitPost(_ node: TryExprSyntax) { covered.removeLast() }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        covered.append(false)
        return .visitChildren
    }
    override func visitPost(_ node: ClosureExprSyntax) { covered.removeLast() }

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        guard covered.last != true else { return .visitChildren }
        let name: String, method: Bool
        if let reference = node.calledExpression.as(DeclReferenceExprSyntax.self) {
            name = reference.baseName.text
            method = false
            if bound.contains(name) { return .visitChildren }
        } else if let member = node.calledExpression.as(MemberAccessExprSyntax.self) {
            name = member.declName.baseName.text
            method = true
        } else {
            return .visitChildren
        }
        var labels = node.arguments.map { $0.label?.text }
        var closures = node.arguments.map { $0.expression.is(ClosureExprSyntax.self) }
        if node.trailingClosure != nil {
            labels.append(nil)
            closures.append(true)
        }
        let reachable = library.candidates(name, method: method, labels: labels, closures: closures)
        if !reachable.isEmpty, reachable.allSatisfy(\.throwing) {
            errors.append(StepError("call can throw but is not marked with 'try'", at: node))
        }
        return .visitChildren
    }
}
