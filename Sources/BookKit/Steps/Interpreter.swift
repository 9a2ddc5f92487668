import Foundation
import SwiftSyntax

/// A closure written in a step (or an operator passed as one, like `+` in `reduce(0, +)`),
/// callable from the interpreter and from engine functions.
final class Closure {
    /// Declared parameter types; `.inferred` where the closure leaves the type to inference.
    let parameterTypes: [StepType]
    /// The declared result type, `.inferred` when not written.
    let resultType: StepType
    /// The type system of the session that made it (for its callers' conversions).
    let types: TypeSystem
    /// Runs the body with these arguments; the hint types literals in the result.
    let invoke: ([Any], StepType?) throws -> Any?

    init(parameterTypes: [StepType], resultType: StepType, types: TypeSystem, invoke: @escaping ([Any], StepType?) throws -> Any?) {
        self.parameterTypes = parameterTypes
        self.resultType = resultType
        self.types = types
        self.invoke = invoke
    }

    /// Calls the closure; `hint` is the result type the caller expects.
    func callAsFunction(_ arguments: [Any], returning hint: StepType? = nil) throws -> Any? {
        try invoke(arguments, hint)
    }

    /// Its type, as messages name it: `(Double) -> _`.
    var type: StepType { .function(parameterTypes, resultType) }
}

/// Runs the statements of steps: bindings, assignments, loops, conditionals. Expressions are
/// evaluated in `Interpreter+Expressions.swift`. One interpreter per chapter session.
final class Interpreter {
    struct Binding {
        var value: Any
        let mutable: Bool
    }

    let library: Library
    var types: TypeSystem { library.types }
    /// The files builtins read for this session (a cached result is only as fresh as they are).
    let reads = FileReads()
    var scopes: [[String: Binding]] = [[:]]
    var printed = ""
    /// Depth of `try` around the expression being evaluated.
    var tryDepth = 0
    /// The literal kind of each expression, once per node.
    let literalKinds = LiteralKinds()
    /// What the current step has spent of its budget.
    let meter = StepMeter()
    /// Closure calls inside each other now (a closure can call the closures made before it).
    var closureDepth = 0
    /// Default values of builtins' parameters, parsed once.
    var defaults: [String: ExprSyntax] = [:]

    init(library: Library) {
        self.library = library
    }

    /// Starts a new step's budget.
    func startStep(budget: StepBudget) {
        literalKinds.forget()
        meter.start(budget)
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
                throw StepError(Unsupported.describe(decl), at: decl)
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
            throw StepError(Unsupported.describe(statement), at: statement)
        case .expr(let expression):
            return try statementExpression(expression)
        }
    }

    private func statementExpression(_ expression: ExprSyntax) throws -> Any? {
        if let infix = expression.as(InfixOperatorExprSyntax.self), SubsetCheck.isAssignment(infix.operator) {
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

    /// Names bound in the session so far and by `items` (which may call closures bound to them).
    func boundNames(in items: CodeBlockItemListSyntax) -> Set<String> {
        var names = Set(scopes.flatMap(\.keys))
        for item in items {
            guard let declaration = item.item.as(DeclSyntax.self)?.as(VariableDeclSyntax.self) else { continue }
            for binding in declaration.bindings {
                if let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text { names.insert(name) }
            }
        }
        return names
    }

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

    /// `let` and `var` (SubsetCheck has made sure each binds a name to a value).
    private func declare(_ declaration: VariableDeclSyntax) throws {
        let mutable = declaration.bindingSpecifier.tokenKind == .keyword(.var)
        for binding in declaration.bindings {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text, let initializer = binding.initializer else {
                throw StepError(Unsupported.describe(binding), at: binding, id: .unsupported)
            }
            let annotation = binding.typeAnnotation.map { StepType($0.type) }
            guard let value = try evaluate(initializer.value, as: annotation) else {
                throw StepError("'\(name)' would hold no value (the expression returns Void)", at: initializer.value)
            }
            var stored = value
            if let annotation {
                guard let converted = types.coerce(value, to: annotation) else {
                    throw StepError("cannot convert value of type '\(types.type(of: value))' to specified type '\(annotation)'", at: initializer.value)
                }
                stored = converted
            }
            try bind(name, stored, mutable: mutable, at: binding.pattern)
        }
    }

    // MARK: control flow

    private func forLoop(_ loop: ForStmtSyntax) throws {
        let sequence = try evaluate(loop.sequence)
        let elements: AnySequence<Any>
        if let range = sequence as? IntRange {
            elements = AnySequence(range.values.lazy.map { $0 as Any })
        } else if let array = ((sequence as? ReversedSequence)?.reversedArray ?? sequence) as? [Any] {
            elements = AnySequence(array)
        } else if let optional = sequence as? StepOptional {
            throw StepError("for-in loop requires '\(StepType.optional(optional.wrapped))' to conform to 'Sequence'; did you mean to unwrap optional?", at: loop.sequence)
        } else {
            throw StepError("cannot loop over a value of type '\(types.type(of: sequence))'", at: loop.sequence)
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
            throw error.placed(at: loop.forKeyword, loop: true)
        }
    }

    private func bindPattern(_ pattern: PatternSyntax, _ value: Any) throws {
        if let name = pattern.as(IdentifierPatternSyntax.self)?.identifier.text {
            scopes[scopes.count - 1][name] = Binding(value: value, mutable: false)
            return
        }
        if pattern.is(WildcardPatternSyntax.self) { return }
        if let tuple = pattern.as(TuplePatternSyntax.self), let pair = value as? Enumerated, tuple.elements.count == 2 {
            let parts: [Any] = [pair.offset, pair.element]
            for (element, part) in zip(tuple.elements, parts) { try bindPattern(element.pattern, part) }
            return
        }
        throw StepError("only the pairs 'enumerated()' gives can be taken apart in a loop, not a value of type '\(types.type(of: value))'", at: pattern)
    }

    /// A Bool condition's value, nil when it is not a Bool; an optional is Swift's error.
    func condition(_ expression: ExprSyntax) throws -> Bool? {
        let value = try evaluate(expression)
        if let optional = value as? StepOptional {
            throw StepError("optional type '\(StepType.optional(optional.wrapped))' cannot be used as a boolean; test for '!= nil' instead", at: expression)
        }
        return value as? Bool
    }

    private func ifStatement(_ conditional: IfExprSyntax) throws {
        var all = true
        for condition in conditional.conditions {
            guard case .expression(let expression) = condition.condition else {
                throw StepError(Unsupported.describe(condition), at: condition, id: .unsupported)
            }
            guard let value = try self.condition(expression) else {
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
