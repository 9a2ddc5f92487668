import CCmark

/// Parses CommonMark with cmark and turns its tree into `MarkdownNode` values at once; the C tree
/// is freed before `parse` returns. The only file that touches cmark.
public enum MarkdownParser {
    /// The document tree of `text`; `lines` are its lines without line ends (for positions that
    /// cmark does not give: code spans, and pipe tables, which core CommonMark has not).
    public static func parse(_ text: String, lines: [String]) -> MarkdownNode {
        var text = text
        let root = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        // cmark returns nil only when it cannot allocate: an empty document stands in.
        guard let root else { return MarkdownNode(kind: .document, start: SourcePoint(line: 1, column: 1), endLine: 1, index: 0) }
        defer { cmark_node_free(root) }
        var converter = Converter(lines: lines)
        return converter.node(root, enclosing: nil)
    }
}

/// Copies a cmark tree into values, numbering nodes in pre-order.
struct Converter {
    let lines: [String]
    /// Added to every position: a table cell is parsed on its own, at its place in the row.
    var offset = SourcePoint(line: 0, column: 0)
    var next = 0
    /// Code spans of the paragraph or heading being converted, not yet matched to a node.
    private var spans: [CodeSpan] = []

    init(lines: [String], offset: SourcePoint = SourcePoint(line: 0, column: 0), firstIndex: Int = 0) {
        self.lines = lines
        self.offset = offset
        next = firstIndex
    }

    mutating func node(_ pointer: OpaquePointer, enclosing block: (start: Int, end: Int)?) -> MarkdownNode {
        let index = next
        next += 1
        let kind = Self.kind(pointer)
        let start = SourcePoint(line: Int(cmark_node_get_start_line(pointer)) + offset.line,
                                column: Int(cmark_node_get_start_column(pointer)) + offset.column)
        let endLine = Int(cmark_node_get_end_line(pointer)) + offset.line
        let literal = cmark_node_get_literal(pointer).map { String(cString: $0) } ?? ""
        var block = block
        switch kind {
        case .paragraph, .heading:
            block = (start.line, endLine)
            spans = CodeSpans.find(in: lines, lines: start.line - offset.line, endLine - offset.line, shift: offset)
        case .code:
            // The next span in the text with the same content is this node's.
            while let first = spans.first, first.literal != literal { spans.removeFirst() }
            if let span = spans.first {
                spans.removeFirst()
                return MarkdownNode(kind: kind, literal: literal, start: span.opening, endLine: block?.end ?? endLine,
                                    literalPositions: span.positions, index: index)
            }
            return MarkdownNode(kind: kind, literal: literal, start: SourcePoint(line: block?.start ?? start.line, column: 1),
                                endLine: block?.end ?? endLine, index: index)
        default:
            break
        }
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            children.append(node(current, enclosing: block))
            child = cmark_node_next(current)
        }
        let isInline = cmark_node_get_start_line(pointer) == 0
        let place = isInline ? SourcePoint(line: block?.start ?? start.line, column: 1) : start
        let node = MarkdownNode(kind: kind, literal: literal, children: children, start: place,
                                endLine: isInline ? block?.end ?? endLine : endLine, index: index)
        if kind == .paragraph, offset.line == 0, let table = PipeTables.table(from: node, lines: lines, converter: &self) {
            return table
        }
        return node
    }

    private static func kind(_ pointer: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "")
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(pointer)), tight: cmark_node_get_list_tight(pointer) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: cmark_node_get_url(pointer).map { String(cString: $0) } ?? "",
                         title: cmark_node_get_title(pointer).map { String(cString: $0) } ?? "")
        case CMARK_NODE_IMAGE:
            return .image(source: cmark_node_get_url(pointer).map { String(cString: $0) } ?? "",
                          title: cmark_node_get_title(pointer).map { String(cString: $0) } ?? "")
        default: return .other
        }
    }

    /// The nodes of `text` (a table cell), parsed as a document of its own and numbered on from
    /// here, positions moved to `at`.
    mutating func cell(_ text: String, at point: SourcePoint) -> [MarkdownNode] {
        var text = text
        guard let root = text.withUTF8({ bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_SOURCEPOS) }
        }) else { return [] }
        defer { cmark_node_free(root) }
        var inner = Converter(lines: [text], offset: SourcePoint(line: point.line - 1, column: point.column - 1), firstIndex: next)
        let document = inner.node(root, enclosing: nil)
        next = inner.next
        return document.children
    }
}
