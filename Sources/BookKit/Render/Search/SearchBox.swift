import Foundation

/// The search box in every edition page's top bar and the files behind it: lunr (Debian's
/// libjs-lunr), the shared word pipeline, the page script, and per edition `search-index.js`,
/// which assigns the index to a global so that it loads from `file://` too (where pages cannot
/// fetch JSON). The script loads lunr and the index only when the reader first uses the box.
enum SearchBox {
    /// The index's file in each edition's folder.
    static let indexFile = "search-index.js"
    static let pipelineFile = "assets/search/pipeline.js"
    static let scriptFile = "assets/search.js"

    /// Where `language`'s index goes in the site.
    static func indexPath(language: String) -> String { "\(language)/\(indexFile)" }

    /// `<language>/search-index.js`: lunr's index and, by ref, each section's link, chapter,
    /// heading and text (for the result list and its snippet).
    static func script(index: String, documents: [SearchDocument], language: String) -> Data {
        let rows = documents.map { [$0.ref, $0.chapter, $0.heading, $0.body] }
        let encoded = (try? JSONEncoder().encode(rows)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        let name = (try? JSONEncoder().encode(language)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        return Data("window.bookSearchIndex = {\"language\":\(name),\"index\":\(index),\"documents\":\(encoded)};\n".utf8)
    }

    /// The shared files every page with a search box may load.
    static func assets() throws -> [String: Data] {
        var files = try VendorLibrary.all["lunr"].map { try $0.files() } ?? [:]
        files[pipelineFile] = try Assets.data("search/pipeline.js")
        files[scriptFile] = try Assets.data("search/search.js")
        return files
    }

    /// The box for a page of `language`'s edition, `up` being the path to the site root (the
    /// page sits in the edition's folder, beside `search-index.js`).
    static func html(language: String, up: String) -> String {
        let words = InterfaceText.forLanguage(language)
        let lunr = VendorLibrary.all["lunr"]?.scripts.first ?? "lunr.min.js"
        return "<div class=\"search\" data-search data-index=\"\(indexFile)\" data-lunr=\"\(up)assets/vendor/lunr/\(HTML.escape(lunr))\" "
            + "data-pipeline=\"\(up)\(pipelineFile)\" data-nothing=\"\(HTML.escape(words.searchNothing))\" hidden>"
            + "<input type=\"search\" id=\"search-input\" role=\"combobox\" aria-controls=\"search-results\" aria-expanded=\"false\" "
            + "aria-autocomplete=\"list\" autocomplete=\"off\" spellcheck=\"false\" aria-label=\"\(HTML.escape(words.searchLabel))\" "
            + "aria-keyshortcuts=\"/\" placeholder=\"\(HTML.escape(words.searchPlaceholder))\">"
            + "<div id=\"search-results\" class=\"search-results\" role=\"listbox\" aria-label=\"\(HTML.escape(words.searchResults))\" hidden></div>"
            + "</div>"
    }
}
