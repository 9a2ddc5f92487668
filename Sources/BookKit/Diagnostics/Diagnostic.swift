/// A position in a chapter file: 1-based line and column (in UTF-8 bytes, as cmark counts).
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// How much a diagnostic matters: errors stop a build, warnings are reported, notes explain.
public enum Severity: String, Hashable, Sendable, Codable {
    case error, warning, note
}

/// Something said about a chapter at a position: what kind of problem (`id`, stable for tests and
/// tools), how serious, the message, the quoted line and notes that point elsewhere.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// A further remark attached to a diagnostic, at its own position when it has one.
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var location: SourceLocation?
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var id: DiagnosticID
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The text of the offending source line, quoted under the message.
    public var sourceLine: String?
    public var notes: [Note]

    public init(_ id: DiagnosticID, _ message: String, at location: SourceLocation, sourceLine: String? = nil,
                severity: Severity = .error, notes: [Note] = []) {
        (self.id, self.severity, self.message, self.location) = (id, severity, message, location)
        (self.sourceLine, self.notes) = (sourceLine, notes)
    }

    /// `file:line:column: error: message`, then the line and a caret under the column, then notes.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let sourceLine {
            text += "\n    \(sourceLine)\n    " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        }
        for note in notes {
            text += "\n" + (note.location.map { "\($0): " } ?? "") + "note: \(note.message)"
        }
        return text
    }
}

/// The kind of a diagnostic, e.g. `step.syntax`: tests and tools match on it, never on prose.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

extension DiagnosticID {
    // Chapter files
    public static let notUTF8: DiagnosticID = "chapter.not-utf8"
    public static let unterminatedFence: DiagnosticID = "chapter.unterminated-fence"
    public static let unknownStepOption: DiagnosticID = "chapter.unknown-step-option"
    public static let badStepName: DiagnosticID = "chapter.bad-step-name"
    public static let duplicateStepName: DiagnosticID = "chapter.duplicate-step-name"
    public static let strayOutput: DiagnosticID = "chapter.stray-output"
    public static let missingTitle: DiagnosticID = "chapter.missing-title"
    public static let emptyInline: DiagnosticID = "chapter.empty-inline"
    public static let unknownFile: DiagnosticID = "chapter.unknown-file"
    public static let wordFormsCount: DiagnosticID = "chapter.word-forms-count"
    public static let wordFormsLanguage: DiagnosticID = "chapter.word-forms-language"
    public static let wordWithoutNumber: DiagnosticID = "chapter.word-without-number"
    /// A warning: a code block whose info string or indentation makes it almost a step.
    public static let almostStep: DiagnosticID = "chapter.almost-step"
    /// A warning: a code block almost an `output` block.
    public static let almostOutput: DiagnosticID = "chapter.almost-output"
    public static let reservedStepName: DiagnosticID = "chapter.reserved-step-name"
    /// A warning: a link or image whose target may not stand in a page (`javascript:`, ...).
    public static let unsafeLink: DiagnosticID = "chapter.unsafe-link"
    /// A ```` ```math ```` block or `` `$ $` `` span with nothing in it.
    public static let emptyFormula: DiagnosticID = "chapter.empty-formula"
    /// A formula KaTeX cannot typeset.
    public static let mathSyntax: DiagnosticID = "math.syntax"
    // Steps
    public static let syntax: DiagnosticID = "step.syntax"
    public static let unsupported: DiagnosticID = "step.unsupported"
    public static let stepFailed: DiagnosticID = "step.failed"
    public static let budget: DiagnosticID = "step.budget"
    public static let tooDeep: DiagnosticID = "step.too-deep"
    public static let notAnExpression: DiagnosticID = "step.not-an-expression"
    // Checking results
    public static let outputMismatch: DiagnosticID = "check.output-mismatch"
    public static let errorStepRan: DiagnosticID = "check.error-step-ran"
    public static let inlineWithoutValue: DiagnosticID = "check.inline-without-value"
    public static let wordFormsNotNumber: DiagnosticID = "check.word-forms-not-number"
    // Translations
    public static let translationMissing: DiagnosticID = "translation.missing-chapter"
    public static let translationOrphan: DiagnosticID = "translation.no-original"
    public static let translationStepMissing: DiagnosticID = "translation.step-missing"
    public static let translationStepExtra: DiagnosticID = "translation.step-extra"
    public static let translationStepDiffers: DiagnosticID = "translation.step-differs"
    public static let translationStaleSection: DiagnosticID = "translation.stale-section"
    public static let translationUnmarkedSection: DiagnosticID = "translation.unmarked-section"
    public static let translationUnknownSection: DiagnosticID = "translation.unknown-section"
    public static let translationSectionMissing: DiagnosticID = "translation.section-missing"
    public static let translationExerciseMissing: DiagnosticID = "translation.exercise-missing"
    public static let translationFigureMissing: DiagnosticID = "translation.figure-missing"
    public static let translationGlossaryLinks: DiagnosticID = "translation.glossary-links"
    // The glossary
    public static let glossaryOrder: DiagnosticID = "glossary.order"
}
