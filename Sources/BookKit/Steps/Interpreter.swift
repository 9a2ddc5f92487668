import Foundation
import SwiftSyntax

/// A closure written in a step, callable from the interpreter and from engine functions.
final class Closure {
    let parameterCount: Int
    let invoke: ([Any]) throws -> Any?
    init(parameterCount: Int, invoke: @escaping ([Any]) throws -> Any?) {
        self.parameterCount = parameterCount
        self.invoke = invoke
    }
}

/// Runs the statements of steps: bindings, assignments, loops, conditionals. Expressions are
/// evaluated in `Interpreter+Expressions.swift`. One interpreter per chapter session.
final class Interpreter {
    struct Binding {
        var value: Any
        let mutable: Bool
    }

    let library: Library
    var scopes: [[String: Binding]] = [[:]]
    var printed = ""
    /// Depth of `try` around the expression being evaluated.
    var tryDepth = 0
    private var operations = 0
    private var budget = StepBudget()
    private var deadline = ContinuousClock.now

    init(library: Library) {
        self.library = library
    }

    /// Starts a new step's budget.
    func startStep(budget: StepBudget) {
        self.budget = budget
        operations = 0
        deadline = .now + budget.time
    }

    /// Counts one operation; throws (without a position: the loop or step places it) when the budget is spent.
    func tick() throws {
        operations += 1
        if operations > budget.operations {
            throw StepError("this step ran longer than its budget of \(budget.operations) operations; does a loop never end?")
        }
        if operations & 4095 == 0, ContinuousClock.now > deadline {
            throw StepError("this step ran longer than its budget of \(budget.time); does a loop never end?")
        }
    }

    /// Runs statements in order; the value of the last one when it is an expression with a value.
    func run(_ items: CodeBlockItemListSyntax) throws -> Any? {
        var last: Any?
        for item in items { last = try execute(item) }
        return last
    }

    private func execute(_ item: CodeBlockItemSyntax) throws -> Any? {
        try tick()
        switch item.item {
        case .decl(let decl):
            guard let variable = decl.as(VariableDeclSyntax.self) else {
                throw StepError("declarations other than 'let' and 'var' are not supported in steps", at: decl)
            }
            try declare(variable)
            return nil
        case .stmt(let statement):
            if let loop = statement.as(ForStmtSyntax.self) {
                try forLoop(loop)
                return nil
            }
            if let expression = statement.as(ExpressionStmtSyntax.self) {
                return try statementExpression(expression.expression)
            }
            throw StepError("this statement is not supported in steps (only let, var, assignments, for, if and expressions)", at: statement)
        case .expr(let expression):
            return try statementExpression(expression)
        }
    }

    private func statementExpression(_ expression: ExprSyntax) throws -> Any? {
        if let infix = expression.as(InfixOperatorExprSyntax.self), isAssignment(infix.operator) {
            try assign(infix)
            return nil
        }
        if let conditional = expression.as(IfExprSyntax.self) {
            try ifStatement(conditional)
            return nil
        }
        return try evaluate(expression)
    }

    // MARK: bindings

    func lookup(_ name: String) -> Binding? {
        for scope in scopes.reversed() { if let binding = scope[name] { return binding } }
        return nil
    }

    func bind(_ name: String, _ value: Any, mutable: Bool, at node: some SyntaxProtocol) throws {
        if scopes[scopes.count - 1][name] != nil {
            throw StepError("invalid redeclaration of '\(name)'", at: node)
        }
        scopes[scopes.count - 1][name] = Binding(value: value, mutable: mutable)
    }

    private func declare(_ declaration: VariableDeclSyntax) throws {
        let mutable = declaration.bindingSpecifier.tokenKind == .keyword(.var)
        for binding in declaration.bindings {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                throw StepError("only simple names can be bound in steps", at: binding.pattern)
            }
            guard let initializer = binding.initializer else {
                throw StepError("'\(name)' needs a value: write 'let \(name) = ...'", at: binding)
            }
            var value = try evaluate(initializer.value) as Any?
            if let annotation = binding.typeAnnotation?.type.trimmedDescription, let v = value {
                guard let converted = Types.coerce(v, to: annotation) else {
                    throw StepError("cannot convert value of type '\(Types.name(of: v))' to specified type '\(annotation)'", at: initializer.value)
                }
                value = converted
            }
            guard let stored = value else {
                throw StepError("'\(name)' would hold no value (the expression returns Void)", at: initializer.value)
            }
            try bind(name, stored, mutable: mutable, at: binding.pattern)
        }
    }

    private func isAssignment(_ op: ExprSyntax) -> Bool {
        if op.is(AssignmentExprSyntax.self) { return true }
        if let binary = op.as(BinaryOperatorExprSyntax.self) {
            return ["+=", "-=", "*=", "/="].contains(binary.operator.text)
        }
        return false
    }

    private func assign(_ infix: InfixOperatorExprSyntax) throws {
        guard let target = infix.leftOperand.as(DeclReferenceExprSyntax.self) else {
            throw StepError("only a variable can be assigned to in steps", at: infix.leftOperand)
        }
        let name = target.baseName.text
        guard let binding = lookup(name) else { throw StepError("cannot find '\(name)' in scope", at: target) }
        guard binding.mutable else {
            throw StepError("cannot assign to value: '\(name)' is a 'let' constant", at: target)
        }
        var value = try evaluate(infix.rightOperand)
        if let binary = infix.operator.as(BinaryOperatorExprSyntax.self) {
            let op = String(binary.operator.text.dropLast())
            value = try Operators.binary(op, binding.value, value, at: infix)
        }
        guard let converted = Types.coerce(value, to: Types.name(of: binding.value)) else {
            throw StepError("cannot assign value of type '\(Types.name(of: value))' to type '\(Types.name(of: binding.value))'", at: infix.rightOperand)
        }
        for i in scopes.indices.reversed() where scopes[i][name] != nil {
            scopes[i][name]?.value = converted
            return
        }
    }

    // MARK: control flow

    private func forLoop(_ loop: ForStmtSyntax) throws {
        if loop.whereClause != nil || loop.caseKeyword != nil || loop.awaitKeyword != nil {
            throw StepError("only plain 'for x in sequence' loops are supported in steps", at: loop)
        }
        let sequence = try evaluate(loop.sequence)
        let elements: AnySequence<Any>
        if let range = sequence as? IntRange {
            elements = AnySequence(range.values.lazy.map { $0 as Any })
        } else if let array = sequence as? [Any] {
            elements = AnySequence(array)
        } else {
            throw StepError("cannot loop over a value of type '\(Types.name(of: sequence))'", at: loop.sequence)
        }
        do {
            for element in elements {
                try tick()
                scopes.append([:])
                defer { scopes.removeLast() }
                try bindPattern(loop.pattern, element)
                _ = try run(loop.body.statements)
            }
        } catch let error as StepError {
            throw error.placed(at: loop.forKeyword)
        }
    }

    private func bindPattern(_ pattern: PatternSyntax, _ value: Any) throws {
        if let name = pattern.as(IdentifierPatternSyntax.self)?.identifier.text {
            scopes[scopes.count - 1][name] = Binding(value: value, mutable: false)
            return
        }
        if pattern.is(WildcardPatternSyntax.self) { return }
        if let tuple = pattern.as(TuplePatternSyntax.self), let pair = value as? (Int, Any), tuple.elements.count == 2 {
            let parts: [Any] = [pair.0, pair.1]
            for (element, part) in zip(tuple.elements, parts) { try bindPattern(element.pattern, part) }
            return
        }
        throw StepError("this loop pattern is not supported in steps", at: pattern)
    }

    private func ifStatement(_ conditional: IfExprSyntax) throws {
        var all = true
        for condition in conditional.conditions {
            guard case .expression(let expression) = condition.condition else {
                throw StepError("only Boolean conditions are supported in steps", at: condition)
            }
            guard let value = try evaluate(expression) as? Bool else {
                throw StepError("a condition must be a Bool", at: expression)
            }
            all = all && value
        }
        scopes.append([:])
        defer { scopes.removeLast() }
        if all {
            _ = try run(conditional.body.statements)
        } else if let elseBody = conditional.elseBody {
            switch elseBody {
            case .codeBlock(let block): _ = try run(block.statements)
            case .ifExpr(let nested): try ifStatement(nested)
            }
        }
    }
}
