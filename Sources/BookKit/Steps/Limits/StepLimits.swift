import SwiftParser
import SwiftSyntax

/// How deep and how long the code of one step may be. swift-syntax's parser, the operator folder,
/// every tree walk and the interpreter recurse once per level, and the parser's look-ahead over
/// nested `[` takes time exponential in their depth; past these limits a step is refused with
/// `step.too-deep` before any of them runs, instead of crashing the tool or hanging it.
/// The README's "The step language" states the same numbers.
public enum StepLimits {
    /// Brackets, parentheses, braces, string interpolations, generic `<...>`, `#if` blocks and
    /// `try`/`await` written in a row, nested inside each other.
    public static let nesting = 32
    /// Of those, square brackets: each one doubles the parser's look-ahead (`[[[[1]]]]`).
    public static let squareNesting = 10
    /// Operators in one expression (`1 + 2 + ...`, `a ? b : c ? ...`): each is one level of the
    /// folded tree.
    public static let operators = 1_000
    /// Levels of expressions, statements, types and patterns in all; chains without brackets
    /// (`a.b.c`, `x[0][0]`, `else if`) count one level per link.
    public static let depth = 2_000
    /// Closure calls inside each other while a step runs (`f` calling `g` calling `h` ...).
    public static let closureCalls = 1_000
    /// Diagnostics reported for one step (the rest are counted in a note), and the longest line
    /// quoted under one (longer lines are not quoted: a generated line can be megabytes long).
    public static let diagnostics = 100
    public static let quotedLine = 1_000
}

/// A step refused because of a limit: the message and the UTF-8 offset it points at.
struct LimitViolation: Error, Equatable {
    let message: String
    let offset: Int
}

extension StepLimits {
    /// Whether swift-syntax may parse `code` and walk its tree (a highlighter, say) without the
    /// exponential look-ahead or the deep recursion. A step past the limits fails with
    /// `step.too-deep`, so its code can still reach a renderer as the code of an `error` step.
    public static func allowsParsing(_ code: String) -> Bool {
        parsedWithinLimits(code) != nil
    }

    /// `code` parsed (operators not folded), or nil when it nests past the limits; the tree is
    /// then safe for any recursive walk on a stack of a few megabytes.
    static func parsedWithinLimits(_ code: String) -> SourceFileSyntax? {
        guard NestingScan.violation(in: code) == nil else { return nil }
        var parser = Parser(code, maximumNestingLevel: 256)
        let tree = SourceFileSyntax.parse(from: &parser)
        return TreeDepth.violation(in: tree) == nil ? tree : nil
    }
}
