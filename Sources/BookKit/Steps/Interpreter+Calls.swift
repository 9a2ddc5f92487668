import Foundation
import SwiftParser
import SwiftSyntax

extension Interpreter {
    /// One argument as written: its label, its expression, and its value.
    struct Argument {
        let label: String?
        /// The whole argument (label included), where errors about it point.
        let node: Syntax
        let expression: ExprSyntax
        let value: Any
        /// The variable passed as `&name` to an `inout` parameter.
        var inoutName: DeclReferenceExprSyntax? = nil
        /// A literal (`2`, `[1, 2]`, `1 / 2`) takes its type from the parameter, as in Swift.
        var isLiteral = false
    }

    func call(_ call: FunctionCallExprSyntax, hint: StepType? = nil) throws -> Any? {
        try tick()
        if let reference = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            if let message = Library.foundationAmbiguity(name, call, hint: hint) { throw StepError(message, at: call) }
            if let closure = lookup(name)?.value as? Closure {
                let arguments = try self.arguments(of: call) { i in
                    closure.parameterTypes.indices.contains(i) && closure.parameterTypes[i] != .inferred ? closure.parameterTypes[i] : nil
                }
                if let empty = arguments.first(where: { $0.value is EmptyArrayLiteral }) {
                    throw StepError("empty collection literal requires an explicit type", at: empty.expression)
                }
                return try closure(arguments.map(\.value))
            }
            if name == "print", lookup(name) == nil { return try print(try arguments(of: call), at: call) }
            guard let overloads = library.functions[name] else {
                var message = "cannot find '\(name)' in scope"
                if lookup(name) != nil {
                    message = "cannot call value of non-function type '\(types.type(of: lookup(name)?.value))'"
                } else if let near = Suggestions.closest(to: name, among: library.names + scopes.flatMap(\.keys)) {
                    message += "; did you mean '\(near)'?"
                }
                throw StepError(message, at: reference)
            }
            return try resolve(name, overloads, receiver: nil, try arguments(of: call), at: call)
        }
        if let member = call.calledExpression.as(MemberAccessExprSyntax.self), let base = member.base {
            let receiver = try required(base)
            let name = member.declName.baseName.text
            if let optional = receiver as? StepOptional { throw StepError(optional.mustBeUnwrapped(toReach: name), at: member.declName) }
            let element = types.type(of: receiver).element ?? (receiver is IntRange ? StepType.int : nil)
            let arguments = try self.arguments(of: call) { i in i == 0 && (name == "reduce" || name == "contains") ? element : nil }
            if let result = try CollectionMembers.method(name, of: receiver, arguments, in: self, at: member) { return result }
            let type = types.type(of: receiver)
            guard let overloads = library.methods[MemberKey(type: type, name: name)] else {
                throw StepError(noMember(name, of: type), at: member.declName)
            }
            return try resolve(name, overloads, receiver: receiver, arguments, at: call)
        }
        throw StepError(Unsupported.describe(call.calledExpression), at: call.calledExpression, id: .unsupported)
    }

    /// The arguments of `call` in order (a trailing closure last); `hint(i)` types literal argument i.
    private func arguments(of call: FunctionCallExprSyntax, hint: (Int) -> StepType? = { _ in nil }) throws -> [Argument] {
        var arguments: [Argument] = []
        for (i, argument) in call.arguments.enumerated() {
            if let inOut = argument.expression.as(InOutExprSyntax.self) {
                guard let reference = inOut.expression.as(DeclReferenceExprSyntax.self) else {
                    throw StepError(Unsupported.describe(inOut), at: inOut, id: .unsupported)
                }
                arguments.append(Argument(label: argument.label?.text, node: Syntax(argument), expression: inOut.expression,
                                          value: try required(inOut.expression), inoutName: reference))
                continue
            }
            let isEmptyArray = argument.expression.as(ArrayExprSyntax.self)?.elements.isEmpty == true
            // `[]` has no type until a parameter gives it one (see `convert`).
            let value = isEmptyArray && hint(i) == nil ? EmptyArrayLiteral() : try required(argument.expression, as: hint(i))
            arguments.append(Argument(label: argument.label?.text, node: Syntax(argument), expression: argument.expression, value: value,
                                      isLiteral: value is EmptyArrayLiteral || literalKinds.of(argument.expression) != nil))
        }
        if let trailing = call.trailingClosure {
            let expression = ExprSyntax(trailing)
            arguments.append(Argument(label: nil, node: Syntax(trailing), expression: expression, value: try required(expression)))
        }
        return arguments
    }

    /// Swift's "has no member" message, with the closest member of that type when one is near.
    private func noMember(_ name: String, of type: StepType) -> String {
        let message = "value of type '\(type)' has no member '\(name)'"
        let near = Suggestions.closest(to: name, among: library.members(of: type))
        return message + (near.map { "; did you mean '\($0)'?" } ?? "")
    }

    /// The value of a `[]` argument before a parameter types it.
    struct EmptyArrayLiteral {}

    func property(_ member: MemberAccessExprSyntax) throws -> Any? {
        guard let base = member.base else { throw StepError(Unsupported.describe(member), at: member) }
        let receiver = try required(base)
        let name = member.declName.baseName.text
        if let optional = receiver as? StepOptional { throw StepError(optional.mustBeUnwrapped(toReach: name), at: member.declName) }
        if let value = try CollectionMembers.property(name, of: receiver, types: types) { return value }
        let type = types.type(of: receiver)
        if let getter = library.properties[MemberKey(type: type, name: name)] {
            do {
                return try getter(receiver, meter)
            } catch let error as StepError {
                throw error.node == nil ? StepError(error.message, at: member.declName, id: error.id) : error
            } catch let error as StepFailure {
                throw StepError(error.description, at: member.declName)
            }
        }
        throw StepError(noMember(name, of: type), at: member.declName)
    }

    private func print(_ arguments: [Argument], at call: FunctionCallExprSyntax) throws -> Any? {
        var separator = " ", terminator = "\n"
        var items: [String] = []
        for argument in arguments {
            switch argument.label {
            case nil:
                if argument.value is EmptyArrayLiteral {
                    throw StepError("empty collection literal requires an explicit type", at: argument.expression)
                }
                items.append(try describe(argument.value, at: argument.node))
            case "separator"?, "terminator"?:
                guard let text = argument.value as? String else {
                    throw StepError("cannot convert value of type '\(types.type(of: argument.value))' to expected argument type 'String'", at: argument.node)
                }
                if argument.label == "separator" { separator = text } else { terminator = text }
            default: throw StepError("print has no argument label '\(argument.label ?? "")'", at: argument.node)
            }
        }
        try write(items.joined(separator: separator) + terminator, at: call)
        return nil
    }

    /// Picks the overload whose labels and types fit, converts the arguments and calls it.
    private func resolve(_ name: String, _ overloads: [Builtin], receiver: Any?, _ arguments: [Argument],
                         at call: FunctionCallExprSyntax) throws -> Any? {
        for builtin in overloads {
            guard let (values, targets) = try match(builtin, arguments) else { continue }
            if builtin.throwing && tryDepth == 0 {
                throw StepError("call can throw but is not marked with 'try'", at: call)
            }
            try meter.spend(operations: Interpreter.workOfCall(values), at: Syntax(call))
            do {
                let given = Arguments(receiver: receiver, values: values, meter: meter, call: Syntax(call), reads: reads)
                let result = try builtin.call(given)
                for (i, value) in given.written.values {
                    if let target = targets[i] { try store(value, in: target) }
                }
                return builtin.result == .void ? nil : result
            } catch let error as StepError {
                throw error.placed(at: call)
            } catch let error as StepFailure {
                throw StepError(error.description, at: call)
            } catch {
                throw StepError(String(describing: error), at: call)
            }
        }
        let given = arguments.map { ($0.label.map { "\($0): " } ?? "") + types.type(of: $0.value).description }.joined(separator: ", ")
        let expected = overloads.map(\.signature).joined(separator: " or ")
        // One candidate with the right labels: point at the argument of the wrong type, as Swift does.
        let shaped = overloads.filter { labelsFit($0, arguments) }
        if shaped.count == 1, let builtin = shaped.first {
            let used = builtin.parameters.filter { p in arguments.contains { $0.label == p.label } || p.defaultSource == nil }
            for (argument, parameter) in zip(arguments, used) where try convert(argument, to: parameter.type) == nil {
                if let optional = argument.value as? StepOptional, optional.wrapped == parameter.type {
                    throw StepError(optional.mustBeUnwrapped, at: argument.node)
                }
                let expected = (parameter.isInout ? "inout " : "") + parameter.type.description
                throw StepError("cannot convert value of type '\(types.type(of: argument.value))' to expected argument type '\(expected)' in call to \(builtin.signature)", at: argument.node)
            }
        }
        throw StepError("no '\(name)' accepts (\(given)); expected \(expected)", at: call)
    }

    /// Whether the arguments' labels fit `builtin`'s parameters (types aside).
    private func labelsFit(_ builtin: Builtin, _ arguments: [Argument]) -> Bool {
        builtin.accepts(labels: arguments.map(\.label), closures: arguments.map { $0.node.is(ClosureExprSyntax.self) })
    }

    /// The arguments converted to `builtin`'s parameters, defaults filled in, and the variables
    /// passed to `inout` parameters (by parameter index); nil when they do not fit.
    private func match(_ builtin: Builtin, _ arguments: [Argument]) throws -> ([Any], [Int: DeclReferenceExprSyntax])? {
        var values: [Any] = []
        var targets: [Int: DeclReferenceExprSyntax] = [:]
        var next = 0
        for (index, parameter) in builtin.parameters.enumerated() {
            let isTrailingClosure = next == arguments.count - 1 && arguments[next].node.is(ClosureExprSyntax.self)
            if next < arguments.count, arguments[next].label == parameter.label || (parameter.type.isFunction && isTrailingClosure) {
                guard parameter.isInout == (arguments[next].inoutName != nil),
                      let converted = try convert(arguments[next], to: parameter.type) else { return nil }
                if let target = arguments[next].inoutName {
                    // Checked before the call, so that a refused call changes nothing.
                    guard lookup(target.baseName.text)?.mutable == true else {
                        throw StepError("cannot pass immutable value as inout argument: '\(target.baseName.text)' is a 'let' constant", at: target)
                    }
                    targets[index] = target
                }
                values.append(converted)
                next += 1
            } else if let source = parameter.defaultSource {
                values.append(try defaultValue(source, as: parameter.type))
            } else {
                return nil
            }
        }
        return next == arguments.count ? (values, targets) : nil
    }

    /// Stores the new value of an `inout` argument back into its variable, keeping its type.
    private func store(_ value: Any, in target: DeclReferenceExprSyntax) throws {
        let name = target.baseName.text
        guard let binding = lookup(name) else { return }
        let stored = types.coerce(value, to: types.type(of: binding.value)) ?? value
        for i in scopes.indices.reversed() where scopes[i][name] != nil {
            scopes[i][name]?.value = stored
            return
        }
    }

    /// `argument` as a `type` parameter: its value when it has that type, or a literal typed anew.
    private func convert(_ argument: Argument, to type: StepType) throws -> Any? {
        if let converted = types.coerce(argument.value, to: type) { return converted }
        guard argument.isLiteral, let retyped = try evaluate(argument.expression, as: type) else { return nil }
        return types.coerce(retyped, to: type)
    }

    private func defaultValue(_ source: String, as type: StepType) throws -> Any {
        let expression: ExprSyntax
        if let parsed = defaults[source] {
            expression = parsed
        } else {
            let file = Parser.parse(source: source)
            guard let item = file.statements.first, case .expr(let parsed) = item.item else {
                throw StepError("internal: bad default value \(source)")
            }
            defaults[source] = parsed
            expression = parsed
        }
        let value = try required(expression, as: type)
        return types.coerce(value, to: type) ?? value
    }
}
