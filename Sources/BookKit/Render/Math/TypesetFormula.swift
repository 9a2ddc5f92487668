/// A formula as KaTeX typeset it at build time: HTML (with MathML for screen readers) for the
/// site, which needs only KaTeX's style sheet and fonts, and MathML alone for EPUB 3.
public struct TypesetFormula: Sendable, Hashable, Codable {
    public var html: String
    public var mathml: String
}

/// Draws a formula in a page: KaTeX's output wrapped in an element that carries
/// `data-widget="math"`, so the page loads KaTeX's style sheet and fonts (see `WidgetAssets`).
enum MathHTML {
    /// `typeset` for the site (`interactive`) or EPUB; the TeX as code when it was not typeset
    /// (a renderer run on results without the build's typesetting).
    static func html(_ formula: Formula, _ typeset: TypesetFormula?, interactive: Bool) -> String {
        guard let typeset else {
            let code = "<code class=\"tex\">" + HTML.escape(formula.tex) + "</code>"
            return formula.display ? "<p class=\"math-display\">" + code + "</p>" : code
        }
        if !interactive {
            return formula.display ? "<div class=\"math-display\">" + typeset.mathml + "</div>" : typeset.mathml
        }
        return formula.display
            ? "<div class=\"math-display\" data-widget=\"math\">" + typeset.html + "</div>"
            : "<span class=\"math\" data-widget=\"math\">" + typeset.html + "</span>"
    }
}
