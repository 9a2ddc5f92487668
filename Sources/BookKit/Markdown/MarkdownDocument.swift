import CCmark
import Foundation

/// A Markdown text parsed by cmark with source positions. It owns the cmark tree: nodes taken out
/// of the tree stay allocated until the document goes, and `deinit` frees everything, once.
public final class MarkdownDocument {
    private let root: OpaquePointer
    /// Nodes unlinked from the tree; freed with the document so that old handles never dangle.
    private var detached: [OpaquePointer] = []
    /// HTML nodes this program made; every other HTML node came from the chapter and is escaped.
    private var own: Set<OpaquePointer> = []

    /// Parses `text` (CommonMark) keeping each block's line and column.
    public init(_ text: String) {
        var text = text
        let parsed = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SOURCEPOS)
            }
        }
        // cmark returns nil only when it cannot allocate; an empty document stands in.
        root = parsed ?? cmark_node_new(CMARK_NODE_DOCUMENT)
    }

    deinit {
        cmark_node_free(root)
        for node in detached { cmark_node_free(node) }
    }

    /// The document node.
    public var document: MarkdownNode { MarkdownNode(pointer: root, document: self) }

    /// Every node in document order (the document node first).
    public var nodes: [MarkdownNode] { document.descendants }

    /// Puts our own HTML in place of `node`: a block when `node` is a block, inline otherwise.
    public func replace(_ node: MarkdownNode, withHTML html: String) {
        let block = Self.isBlock(node.kind)
        guard let fresh = cmark_node_new(block ? CMARK_NODE_HTML_BLOCK : CMARK_NODE_HTML_INLINE) else { return }
        cmark_node_set_literal(fresh, html)
        own.insert(fresh)
        swap(node.pointer, for: fresh)
    }

    /// Puts plain text (escaped when rendered) in place of the inline `node`.
    public func replace(_ node: MarkdownNode, withText text: String) {
        guard let fresh = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(fresh, text)
        swap(node.pointer, for: fresh)
    }

    /// Takes `node` out of the tree.
    public func remove(_ node: MarkdownNode) {
        cmark_node_unlink(node.pointer)
        detached.append(node.pointer)
    }

    /// The tree as HTML. HTML written in the Markdown itself is shown as text, never passed through.
    public func html() -> String {
        escapeRawHTML()
        return render(root)
    }

    /// HTML of one node and its children, after raw HTML was escaped.
    func html(of node: MarkdownNode) -> String {
        escapeRawHTML()
        return render(node.pointer)
    }

    private func render(_ pointer: OpaquePointer) -> String {
        // UNSAFE keeps our own HTML nodes; the chapter's raw HTML is gone by now.
        guard let rendered = cmark_render_html(pointer, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Replaces every HTML node that came from the Markdown by text showing the same characters.
    private func escapeRawHTML() {
        for node in nodes where !own.contains(node.pointer) {
            switch node.kind {
            case .htmlInline:
                replace(node, withText: node.literal ?? "")
            case .htmlBlock:
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                var literal = node.literal ?? ""
                while literal.hasSuffix("\n") { literal.removeLast() }
                cmark_node_set_literal(text, literal)
                cmark_node_append_child(paragraph, text)
                swap(node.pointer, for: paragraph)
            default:
                break
            }
        }
    }

    private func swap(_ old: OpaquePointer, for fresh: OpaquePointer) {
        if cmark_node_replace(old, fresh) == 1 {
            detached.append(old)
        } else {
            cmark_node_free(fresh)
        }
    }

    private static func isBlock(_ kind: MarkdownKind) -> Bool {
        switch kind {
        case .document, .paragraph, .heading, .codeBlock, .htmlBlock, .blockQuote, .list, .item, .thematicBreak: return true
        default: return false
        }
    }
}
