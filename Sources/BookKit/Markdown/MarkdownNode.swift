/// A point in a chapter's text: 1-based line and 1-based byte column, as cmark counts.
public struct SourcePoint: Hashable, Sendable, Codable {
    public var line, column: Int
}

/// One node of a parsed Markdown document: an immutable value with its children and its place in
/// the source. The tree is made once per chapter (see `MarkdownParser`); renderers only read it.
public struct MarkdownNode: Hashable, Sendable {
    /// What the node is, with the few attributes each kind has.
    public enum Kind: Hashable, Sendable {
        case document, paragraph, blockQuote, item, thematicBreak, htmlBlock
        case heading(level: Int)
        /// `info` is the fence's info string (empty for indented code).
        case codeBlock(info: String)
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A pipe table: rows, the first one the header; each row holds cells.
        case table, tableRow, tableCell
        case text, code, htmlInline, softBreak, lineBreak, emphasis, strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case other
    }

    public let kind: Kind
    /// The text of code blocks, code spans, text and HTML nodes; empty for containers.
    public let literal: String
    public let children: [MarkdownNode]
    /// Where the node starts: a block's first character; a code span's opening backtick.
    public let start: SourcePoint
    /// A block's last line (inline nodes: their block's).
    public let endLine: Int
    /// For code spans: where each byte of `literal` stands in the file (spans may cross lines).
    public let literalPositions: [SourcePoint]
    /// The node's number in a pre-order walk of its document: its identity in the tree.
    public let index: Int

    init(kind: Kind, literal: String = "", children: [MarkdownNode] = [], start: SourcePoint, endLine: Int,
         literalPositions: [SourcePoint] = [], index: Int) {
        (self.kind, self.literal, self.children, self.start) = (kind, literal, children, start)
        (self.endLine, self.literalPositions, self.index) = (endLine, literalPositions, index)
    }

    /// Whether this node is a block (it sits on lines of its own).
    public var isBlock: Bool {
        switch kind {
        case .document, .paragraph, .blockQuote, .item, .thematicBreak, .htmlBlock, .heading, .codeBlock, .list,
             .table, .tableRow, .tableCell:
            return true
        default:
            return false
        }
    }

    /// A heading's level, 0 for other nodes.
    public var headingLevel: Int {
        if case .heading(let level) = kind { return level }
        return 0
    }

    /// A code block's info string, empty for other nodes.
    public var fenceInfo: String {
        if case .codeBlock(let info) = kind { return info }
        return ""
    }

    /// The text a reader sees in this node (text, code spans and line breaks as spaces).
    public var plainText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }

    /// This node and all its descendants in document order.
    public var nodes: [MarkdownNode] {
        var all: [MarkdownNode] = []
        walk { node, _ in all.append(node) }
        return all
    }

    /// Calls `visit` on this node and every descendant in document order, with each node's parent.
    public func walk(parent: MarkdownNode? = nil, _ visit: (MarkdownNode, MarkdownNode?) -> Void) {
        visit(self, parent)
        for child in children { child.walk(parent: self, visit) }
    }
}
