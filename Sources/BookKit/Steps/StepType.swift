import SwiftSyntax

/// A Swift type as steps use it, parsed from Swift's own syntax (`[Double]`, `(Double) -> Value`,
/// `ClosedRange<Int>`), never compared as text.
public indirect enum StepType: Hashable, Sendable, CustomStringConvertible {
    /// A nominal type with its generic arguments: `Int`, `Value`, `ClosedRange<Int>`.
    case named(String, [StepType])
    case array(StepType)
    case function([StepType], StepType)
    case optional(StepType)
    /// `enumerated()`'s `(offset: Int, element: T)`.
    case enumerated(StepType)
    case any
    case void
    /// A type left to inference (`_`), as in a closure without annotations.
    case inferred

    public static let int = StepType.named("Int", [])
    public static let double = StepType.named("Double", [])
    public static let string = StepType.named("String", [])
    public static let bool = StepType.named("Bool", [])

    /// A type with no generic arguments.
    public static func named(_ name: String) -> StepType { .named(name, []) }

    /// The type `syntax` spells; `inout` is the caller's business (see `Parameter`).
    public init(_ syntax: TypeSyntax) {
        switch syntax.as(TypeSyntaxEnum.self) {
        case .identifierType(let type):
            let name = type.name.text
            let arguments = type.genericArgumentClause?.arguments.compactMap { argument -> StepType? in
                guard case .type(let type) = argument.argument else { return nil }
                return StepType(type)
            } ?? []
            switch name {
            case "Array" where arguments.count == 1: self = .array(arguments[0])
            case "Optional" where arguments.count == 1: self = .optional(arguments[0])
            case "Any": self = .any
            case "Void": self = .void
            case "_": self = .inferred
            default: self = .named(name, arguments)
            }
        case .arrayType(let array): self = .array(StepType(array.element))
        case .optionalType(let optional): self = .optional(StepType(optional.wrappedType))
        case .functionType(let function):
            self = .function(function.parameters.map { StepType($0.type) }, StepType(function.returnClause.type))
        case .tupleType(let tuple):
            if tuple.elements.isEmpty {
                self = .void
            } else if tuple.elements.count == 1, let only = tuple.elements.first {
                self = StepType(only.type)
            } else {
                self = .named(syntax.trimmedDescription, [])
            }
        case .attributedType(let attributed): self = StepType(attributed.baseType)
        default: self = .named(syntax.trimmedDescription, [])
        }
    }

    /// The element type of an array type, nil for other types.
    public var element: StepType? {
        if case .array(let element) = self { return element }
        return nil
    }

    /// Whether values of this type are closures.
    public var isFunction: Bool {
        if case .function = self { return true }
        return false
    }

    /// As Swift spells it in messages: `[Double]`, `(Double) -> _`.
    public var description: String {
        switch self {
        case .named(let name, let arguments):
            arguments.isEmpty ? name : "\(name)<" + arguments.map(\.description).joined(separator: ", ") + ">"
        case .array(let element): "[\(element)]"
        case .function(let parameters, let result): "(" + parameters.map(\.description).joined(separator: ", ") + ") -> \(result)"
        case .optional(let wrapped): "\(wrapped)?"
        case .enumerated(let element): "(offset: Int, element: \(element))"
        case .any: "Any"
        case .void: "Void"
        case .inferred: "_"
        }
    }
}
