import SwiftIDEUtils
import SwiftParser
import SwiftSyntax
import Synchronization

/// Swift code as HTML with every token wrapped in a class named for what swift-syntax says it is.
enum CodeHighlighter {
    /// `swift` escaped, with classified ranges as `<span class="tok-…">`.
    static func html(_ swift: String) -> String {
        if let known = memo.withLock({ $0[swift] }) { return known }
        let html = highlighted(swift)
        memo.withLock { memo in
            if memo.count >= memoLimit { memo.removeAll() }
            memo[swift] = html
        }
        return html
    }

    /// Highlighting is most of what rendering a page costs (a parse of every step), and its
    /// result depends on the code alone: the same step in three languages, or in every build
    /// `book serve` makes after an edit to prose, is parsed once per process.
    private static let memo = Mutex<[String: String]>([:])
    /// Far more steps than a book has; a long `book serve` session never grows past it.
    private static let memoLimit = 20_000

    /// Code past the step language's nesting limits (an `error` step may hold any) is shown as
    /// plain escaped text: the parser and the classifier recurse once per level. Long code, the
    /// only kind that can be deep within the limits, is classified on a deep stack (pages are
    /// drawn on worker threads); a thread each for every short step would cost warm builds.
    private static func highlighted(_ swift: String) -> String {
        func work() -> String {
            guard let tree = StepLimits.parsedWithinLimits(swift) else { return HTML.escape(swift) }
            return classified(swift, tree)
        }
        return swift.utf8.count > 4096 ? DeepStack.run(work) : work()
    }

    private static func classified(_ swift: String, _ tree: SourceFileSyntax) -> String {
        let bytes = Array(swift.utf8)
        var out = ""
        var cursor = 0
        for range in tree.classifications {
            let start = max(range.offset, cursor), end = min(range.endOffset, bytes.count)
            guard start < end else { continue }
            if cursor < start { out += HTML.escape(text(bytes, cursor, start)) }
            let piece = HTML.escape(text(bytes, start, end))
            if let name = className(range.kind) {
                out += "<span class=\"tok-\(name)\">\(piece)</span>"
            } else {
                out += piece
            }
            cursor = end
        }
        if cursor < bytes.count { out += HTML.escape(text(bytes, cursor, bytes.count)) }
        return out
    }

    private static func text(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The CSS class suffix for a classification; nil for plain text.
    static func className(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: return "keyword"
        case .identifier: return "identifier"
        case .type: return "type"
        case .operator: return "operator"
        case .integerLiteral, .floatLiteral: return "number"
        case .stringLiteral, .regexLiteral: return "string"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: return "comment"
        case .attribute: return "attribute"
        case .argumentLabel: return "label"
        case .dollarIdentifier: return "identifier"
        case .ifConfigDirective: return "keyword"
        case .editorPlaceholder: return "placeholder"
        case .none: return nil
        @unknown default: return nil
        }
    }
}
