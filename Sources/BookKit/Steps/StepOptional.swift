/// An optional as Swift types it: `xs.first` is an `Int?` whether or not the array is empty, and
/// using it as an `Int` is an error, as in Swift (a Swift `Optional` inside an `Any` would be
/// unwrapped by every cast). It prints as Swift prints optionals: `Optional(3)`, `nil`.
struct StepOptional: CustomStringConvertible, CustomDebugStringConvertible {
    let value: Any?
    /// The wrapped type: `Int` for an `Int?`.
    let wrapped: StepType

    init(_ value: Any?, _ wrapped: StepType) {
        self.value = value
        self.wrapped = wrapped
    }

    var description: String { value.map { "Optional(\(String(reflecting: $0)))" } ?? "nil" }
    var debugDescription: String { description }

    /// Swift's message for an optional used where its wrapped type is needed.
    var mustBeUnwrapped: String {
        "value of optional type '\(StepType.optional(wrapped))' must be unwrapped to a value of type '\(wrapped)'"
    }

    /// Swift's message for a member of the wrapped type asked of the optional.
    func mustBeUnwrapped(toReach member: String) -> String {
        "value of optional type '\(StepType.optional(wrapped))' must be unwrapped to refer to member '\(member)' of wrapped base type '\(wrapped)'"
    }
}
