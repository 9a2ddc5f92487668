import SwiftSyntax

/// Says which piece of Swift a step used that the interpreter does not run, so that the error
/// names it instead of skipping it.
enum Unsupported {
    static func describe(_ node: some SyntaxProtocol) -> String {
        let what: String
        switch Syntax(node).as(SyntaxEnum.self) {
        case .whileStmt, .repeatStmt: what = "'while' and 'repeat' loops are not supported in steps; use 'for x in 0..<n'"
        case .guardStmt: what = "'guard' is not supported in steps; use 'if'"
        case .returnStmt: what = "'return' is not supported in steps: a step's value is its last expression"
        case .breakStmt, .continueStmt: what = "'break' and 'continue' are not supported in steps"
        case .throwStmt, .doStmt: what = "'do' and 'throw' are not supported in steps; a thrown error stops the step"
        case .deferStmt: what = "'defer' is not supported in steps"
        case .functionDecl: what = "functions ('func') are not supported in steps; use a closure: let f = { x in ... }"
        case .structDecl, .classDecl, .enumDecl, .protocolDecl, .extensionDecl, .actorDecl:
            what = "type declarations are not supported in steps"
        case .importDecl: what = "'import' is not supported in steps: the MicroGPT module is already there"
        case .switchExpr: what = "'switch' is not supported in steps; use 'if'"
        case .dictionaryExpr: what = "dictionary literals are not supported in steps"
        case .optionalChainingExpr, .forceUnwrapExpr: what = "optional chaining and '!' are not supported in steps"
        case .asExpr, .isExpr: what = "'as' and 'is' casts are not supported in steps; use a type annotation"
        case .awaitExpr: what = "'await' is not supported in steps"
        case .keyPathExpr: what = "key paths are not supported in steps; use a closure"
        case .memberAccessExpr: what = "implicit member expressions (like '.zero') are not supported in steps"
        case .tupleExpr: what = "tuples are not supported in steps"
        case .nilLiteralExpr: what = "'nil' is not supported in steps"
        case .regexLiteralExpr: what = "regex literals are not supported in steps"
        case .macroExpansionExpr, .macroExpansionDecl: what = "macros are not supported in steps"
        case .arrowExpr, .unresolvedTernaryExpr, .unresolvedAsExpr, .unresolvedIsExpr:
            what = "this operator is not supported in steps"
        default:
            let text = node.trimmedDescription.split(separator: "\n").first.map(String.init) ?? ""
            what = "'\(text.count > 40 ? text.prefix(40) + "..." : text)' is not supported in steps"
        }
        return what
    }
}
