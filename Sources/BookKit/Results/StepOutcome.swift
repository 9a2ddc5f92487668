/// What one step (or one inline expression) produced: plain data, the same for every renderer.
public struct StepOutcome: Codable, Sendable, Hashable {
    /// What the step printed with `print`, each call ending in "\n".
    public var printed: String
    /// The plain-text result an `output` block holds: `printed`, then the value's
    /// `String(describing:)` when there is a value (no trailing newline).
    public var text: String
    /// How the value of the last expression shows; nil when the step ended in a statement or failed.
    public var display: Display?
    /// Errors, each at its chapter position; empty when the step ran.
    public var diagnostics: [Diagnostic]
    /// Wall-clock time the step took.
    public var duration: Duration

    public init(printed: String, text: String, display: Display?, diagnostics: [Diagnostic], duration: Duration) {
        self.printed = printed
        self.text = text
        self.display = display
        self.diagnostics = diagnostics
        self.duration = duration
    }
}
