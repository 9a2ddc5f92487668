import CCmark

/// The kinds of cmark node the book cares about; everything else is `.other`.
public enum MarkdownKind: Sendable, Hashable {
    case document, paragraph, heading, codeBlock, htmlBlock, blockQuote, list, item, thematicBreak
    case text, code, htmlInline, softBreak, lineBreak, emphasis, strong, link, image
    case other
}

/// A handle on one node of a `MarkdownDocument`; it keeps the document (and so the node) alive.
public struct MarkdownNode: Hashable {
    let pointer: OpaquePointer
    let document: MarkdownDocument

    public static func == (a: MarkdownNode, b: MarkdownNode) -> Bool { a.pointer == b.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    /// What sort of node this is.
    public var kind: MarkdownKind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .other
        }
    }

    /// The text of a code block, code span, text or HTML node (nil for containers).
    public var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }

    /// A code block's info string (`swift step hide-code`); empty for indented code.
    public var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }

    /// A heading's level, 1...6 (0 for other nodes).
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// 1-based line where the node starts (blocks only; cmark gives inlines no positions).
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based byte column where the node starts.
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    /// 1-based line where the node ends.
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// The enclosing node, nil for the document.
    public var parent: MarkdownNode? { cmark_node_parent(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    /// The preceding sibling.
    public var previous: MarkdownNode? { cmark_node_previous(pointer).map { MarkdownNode(pointer: $0, document: document) } }
    /// The following sibling.
    public var next: MarkdownNode? { cmark_node_next(pointer).map { MarkdownNode(pointer: $0, document: document) } }

    /// The direct children, in order.
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current, document: document))
            child = cmark_node_next(current)
        }
        return result
    }

    /// This node and all its descendants in document order.
    public var descendants: [MarkdownNode] {
        var result = [self]
        for child in children { result += child.descendants }
        return result
    }

    /// The text a reader sees in this node (text, code spans and line breaks as spaces).
    public var plainText: String {
        switch kind {
        case .text, .code: return literal ?? ""
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}
