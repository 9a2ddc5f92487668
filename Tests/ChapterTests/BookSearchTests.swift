import BookKit
import BookTestSupport
import Foundation
import MicroGPTSteps
import Testing

/// The real book's search, in headless Chromium: a word typed into the box lists every section
/// whose text holds it, in any case and with ё typed as е; the expected sections are read from the
/// built index's own documents, never typed by hand. Formulas on the real pages are drawn by KaTeX.
@Suite(.ownThreads) struct BookSearchTests {
    @Test func searchFindsEverySectionWithTheWordInEachLanguage() throws {
        let output = try Book.site.get().folder
        let browser = try HeadlessBrowser()
        defer { browser.close() }
        try browser.addScriptOnNewDocument("""
        window.__messages = [];
        ["log", "info", "warn", "error", "debug"].forEach(function (kind) {
          var original = console[kind];
          console[kind] = function () { window.__messages.push(kind + ": " + Array.prototype.join.call(arguments, " ")); return original.apply(console, arguments); };
        });
        window.addEventListener("error", function (e) { window.__messages.push("error: " + (e.message || (e.target && (e.target.src || e.target.href)))); }, true);
        """)
        // (language, what is typed, the word as the text writes it)
        let cases = [("en", "Softmax", "softmax"), ("ru", "ЕЩЕ", "ещё"), ("et", "ristentroopia", "ristentroopia")]
        for (language, typed, word) in cases {
            let documents = try sections(in: output, language: language)
            let expected = Set(documents.filter { contains($0[2] + " " + $0[3], word) }.map { $0[0] })
            #expect(expected.count >= 2, "\(language): \(word)")
            try browser.navigate(output.appendingPathComponent("\(language)/03-attention.html").absoluteString)
            try browser.waitUntil("document.readyState === 'complete' && !document.querySelector('[data-search]').hidden")
            _ = try browser.evaluate("document.getElementById('search-input').focus() || true")
            try browser.type(typed)
            try browser.waitUntil("document.querySelectorAll('#search-results [role=option]').length > 0")
            let json = try browser.evaluate("Array.from(document.querySelectorAll('#search-results [role=option]')).map(function(o){return o.getAttribute('href')})") ?? "[]"
            let found = Set(try JSONDecoder().decode([String].self, from: Data(json.utf8)))
            #expect(expected.isSubset(of: found), "\(language) '\(typed)': missing \(expected.subtracting(found).sorted())")
            // The formulas on the page are KaTeX's, drawn at a real size.
            #expect(try browser.evaluate("Array.from(document.querySelectorAll('.katex')).every(function(k){return k.getBoundingClientRect().width > 5}) && document.querySelectorAll('.katex').length >= 3") == "true")
            #expect(try browser.evaluate("window.__messages") == "[]")
        }
    }

    /// The index's documents: link, chapter, heading, text.
    private func sections(in site: URL, language: String) throws -> [[String]] {
        let text = try String(contentsOf: site.appendingPathComponent("\(language)/search-index.js"), encoding: .utf8)
        let json = text.drop { $0 != "{" }.dropLast(2)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["documents"] as? [[String]] ?? []
    }

    /// Whether `text` holds `word` as a whole word, case and ё/е aside.
    private func contains(_ text: String, _ word: String) -> Bool {
        let fold = { (s: String) in s.lowercased().replacingOccurrences(of: "ё", with: "е") }
        return fold(text).split { !$0.isLetter && !$0.isNumber }.contains { $0 == Substring(fold(word)) }
    }
}
