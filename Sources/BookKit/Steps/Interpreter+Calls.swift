import Foundation
import SwiftParser
import SwiftSyntax

extension Interpreter {
    /// One argument as written: its label, its expression, and its value.
    struct Argument {
        let label: String?
        let node: Syntax
        let value: Any
    }

    func call(_ call: FunctionCallExprSyntax) throws -> Any? {
        var arguments = try call.arguments.map { Argument(label: $0.label?.text, node: Syntax($0), value: try required($0.expression)) }
        if let trailing = call.trailingClosure {
            arguments.append(Argument(label: nil, node: Syntax(trailing), value: try required(ExprSyntax(trailing))))
        }
        if !call.additionalTrailingClosures.isEmpty {
            throw StepError("several trailing closures are not supported in steps", at: call.additionalTrailingClosures)
        }
        if let reference = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            if name == "print", lookup(name) == nil { return try print(arguments, at: call) }
            if let closure = lookup(name)?.value as? Closure {
                return try closure.invoke(arguments.map(\.value))
            }
            guard let overloads = library.functions[name] else {
                var message = "cannot find '\(name)' in scope"
                if let near = Suggestions.closest(to: name, among: library.names + scopes.flatMap(\.keys)) {
                    message += "; did you mean '\(near)'?"
                }
                throw StepError(message, at: reference)
            }
            return try resolve(name, overloads, receiver: nil, arguments, at: call)
        }
        if let member = call.calledExpression.as(MemberAccessExprSyntax.self), let base = member.base {
            let receiver = try required(base)
            let name = member.declName.baseName.text
            if let result = try ArrayMembers.method(name, of: receiver, arguments.map(\.value), at: member) { return result }
            let typeName = Types.name(of: receiver)
            guard let overloads = library.methods["\(typeName).\(name)"] else {
                throw StepError("value of type '\(typeName)' has no method '\(name)'", at: member.declName)
            }
            return try resolve(name, overloads, receiver: receiver, arguments, at: call)
        }
        throw StepError("this kind of call is not supported in steps", at: call.calledExpression)
    }

    func property(_ member: MemberAccessExprSyntax) throws -> Any? {
        guard let base = member.base else {
            throw StepError("implicit member expressions like '.\(member.declName.baseName.text)' are not supported in steps", at: member)
        }
        let receiver = try required(base)
        let name = member.declName.baseName.text
        if let value = try ArrayMembers.property(name, of: receiver) { return value }
        let typeName = Types.name(of: receiver)
        if let getter = library.properties["\(typeName).\(name)"] { return try getter(receiver) }
        if let child = Mirror(reflecting: receiver).children.first(where: { $0.label == name }) { return child.value }
        throw StepError("value of type '\(typeName)' has no member '\(name)'", at: member.declName)
    }

    private func print(_ arguments: [Argument], at call: FunctionCallExprSyntax) throws -> Any? {
        var separator = " ", terminator = "\n"
        var items: [String] = []
        for argument in arguments {
            switch argument.label {
            case nil: items.append(String(describing: argument.value))
            case "separator"?, "terminator"?:
                guard let text = argument.value as? String else {
                    throw StepError("\(argument.label ?? "") must be a String", at: argument.node)
                }
                if argument.label == "separator" { separator = text } else { terminator = text }
            default: throw StepError("print has no argument label '\(argument.label ?? "")'", at: argument.node)
            }
        }
        printed += items.joined(separator: separator) + terminator
        return nil
    }

    /// Picks the overload whose labels and types fit, converts the arguments and calls it.
    private func resolve(_ name: String, _ overloads: [Builtin], receiver: Any?, _ arguments: [Argument],
                         at call: FunctionCallExprSyntax) throws -> Any? {
        for builtin in overloads {
            guard let values = try match(builtin, arguments) else { continue }
            if builtin.throwing && tryDepth == 0 {
                throw StepError("call can throw but is not marked with 'try'", at: call)
            }
            do {
                let result = try builtin.call(Arguments(receiver: receiver, values: values))
                return builtin.result == "Void" ? nil : result
            } catch let error as StepError {
                throw error.placed(at: call)
            } catch {
                throw StepError(String(describing: error), at: call)
            }
        }
        // One candidate with the right labels: point at the argument of the wrong type, as Swift does.
        let shaped = overloads.filter { labelsFit($0, arguments) }
        if shaped.count == 1, let builtin = shaped.first {
            for (argument, parameter) in zip(arguments, builtin.parameters.filter { p in arguments.contains { $0.label == p.label } || p.defaultSource == nil })
            where Types.coerce(argument.value, to: parameter.type) == nil {
                throw StepError("cannot convert value of type '\(Types.name(of: argument.value))' to expected argument type '\(parameter.type)' in call to \(builtin.signature)", at: argument.node)
            }
        }
        let given = arguments.map { ($0.label.map { "\($0): " } ?? "") + Types.name(of: $0.value) }.joined(separator: ", ")
        let expected = overloads.map(\.signature).joined(separator: " or ")
        throw StepError("no '\(name)' accepts (\(given)); expected \(expected)", at: call)
    }

    /// Whether the arguments' labels fit `builtin`'s parameters (types aside).
    private func labelsFit(_ builtin: Builtin, _ arguments: [Argument]) -> Bool {
        var next = 0
        for parameter in builtin.parameters {
            if next < arguments.count, arguments[next].label == parameter.label || (parameter.type.hasPrefix("(") && arguments[next].node.is(ClosureExprSyntax.self)) {
                next += 1
            } else if parameter.defaultSource == nil {
                return false
            }
        }
        return next == arguments.count
    }

    /// The arguments converted to `builtin`'s parameters, defaults filled in; nil when they do not fit.
    private func match(_ builtin: Builtin, _ arguments: [Argument]) throws -> [Any]? {
        var values: [Any] = []
        var next = 0
        for parameter in builtin.parameters {
            let isClosure = parameter.type.hasPrefix("(")
            if next < arguments.count, arguments[next].label == parameter.label || (isClosure && arguments[next].node.is(ClosureExprSyntax.self) && next == arguments.count - 1) {
                guard let converted = Types.coerce(arguments[next].value, to: parameter.type) else { return nil }
                values.append(converted)
                next += 1
            } else if let source = parameter.defaultSource {
                let value = try defaultValue(source)
                values.append(Types.coerce(value, to: parameter.type) ?? value)
            } else {
                return nil
            }
        }
        return next == arguments.count ? values : nil
    }

    private func defaultValue(_ source: String) throws -> Any {
        let file = Parser.parse(source: source)
        guard let item = file.statements.first, case .expr(let expression) = item.item else {
            throw StepError("internal: bad default value \(source)")
        }
        tryDepth += 1
        defer { tryDepth -= 1 }
        return try required(expression)
    }
}
