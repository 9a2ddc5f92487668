@testable import BookKit

/// Small books in English, Russian and Estonian whose chapters hold what real chapters hold:
/// headings with ids, highlighted code, an inline SVG chart, a table, folded answers, a figure, links.
enum EPUBFixture {
    /// The words of one language's fixture book.
    struct Words {
        var title: String
        var chapters: [String]        // three chapter titles
        var sections: [String]        // one section per chapter, then "Exercises"
        var paragraph: String
        var summary: String
        var caption: String
        var chart: String
    }

    /// The fixture's words in `language`; English for any other code.
    static func words(_ language: String) -> Words {
        switch language {
        case "ru": return russian
        case "et": return estonian
        default: return english
        }
    }

    static let english = Words(
        title: "How a tiny GPT works <draft> & notes",
        chapters: ["Foundations", "Attention", "Training & Generation"],
        sections: ["Vectors and dot products", "Softmax", "Queries, keys and values", "Exercises"],
        paragraph: "A dot product multiplies two vectors entry by entry and adds the results: 1 × 4 + 2 × 0 = 4.",
        summary: "Show the answer", caption: "Attention weights of head 0", chart: "Loss over 3 steps")
    static let russian = Words(
        title: "Как устроен крошечный GPT",
        chapters: ["Основы", "Внимание", "Обучение и генерация"],
        sections: ["Векторы и скалярное произведение", "Софтмакс", "Запросы, ключи и значения", "Упражнения"],
        paragraph: "Скалярное произведение перемножает векторы поэлементно и складывает: 1 × 4 + 2 × 0 = 4; «ёлка» — ещё пример.",
        summary: "Показать ответ", caption: "Веса внимания головы 0", chart: "Потери за 3 шага")
    static let estonian = Words(
        title: "Kuidas töötab pisike GPT",
        chapters: ["Alused", "Tähelepanu", "Treenimine ja genereerimine"],
        sections: ["Vektorid ja skalaarkorrutis", "Softmax", "Päringud, võtmed ja väärtused", "Harjutused"],
        paragraph: "Skalaarkorrutis korrutab vektorid elementhaaval ja liidab tulemused: 1 × 4 + 2 × 0 = 4; šokolaad, žürii, öö.",
        summary: "Näita vastust", caption: "Pea 0 tähelepanukaalud", chart: "Kadu 3 sammu jooksul")

    static let slugs = ["00-foundations", "03-attention", "05-training"]

    /// The fixture book in `language` (`en`, `ru` or `et`).
    static func book(_ language: String, modified: String = "2026-01-01T00:00:00Z") -> EPUBBook {
        let words = words(language)
        let chapters = slugs.indices.map { index in chapter(index, words: words) }
        return EPUBBook(
            language: language, title: words.title, identifier: "urn:book:how-a-gpt-works:\(language)",
            modified: modified, stylesheet: stylesheet, chapters: chapters)
    }

    static let stylesheet = """
        body { font-family: serif; line-height: 1.5; }
        pre.code { overflow-x: auto; }
        .kw { color: #a626a4; } .num { color: #986801; }
        figure svg { max-width: 100%; height: auto; }

        """

    private static func chapter(_ index: Int, words: Words) -> EPUBChapter {
        let slug = slugs[index]
        let title = words.chapters[index]
        let sectionA = words.sections[index]
        let sectionB = words.sections[3]
        // Ids in the chapter's language, as the site makes them: non-ASCII fragment identifiers in the nav.
        let sectionAID = "\(slug)-a", sectionBID = "\(sectionB.lowercased())-\(index + 1)"
        var body = """
            <h1 id="\(slug)">\(escape(title))</h1>
            <p>\(words.paragraph) <a href="\(slugs[(index + 1) % slugs.count]).xhtml#\(slugs[(index + 1) % slugs.count])-a">→</a></p>
            <h2 id="\(sectionAID)">\(escape(sectionA))</h2>
            <pre class="code"><code><span class="kw">let</span> a: [<span class="type">Double</span>] = [<span class="num">1</span>, <span class="num">2</span>]
            <span class="fn">dot</span>(a, b) <span class="cm">// 4 &lt; 5 &amp;&amp; "ok"</span></code></pre>
            <figure>\(chart(id: "chart-\(slug)", title: words.chart))<figcaption>\(escape(words.caption))</figcaption></figure>
            <table><caption>\(escape(words.caption))</caption><thead><tr><th scope="col">i</th><th scope="col">p</th></tr></thead>
            <tbody><tr><td>0</td><td>0.25</td></tr><tr><td>1</td><td>0.75</td></tr></tbody></table>
            <h3 id="\(slug)-detail">\(escape(words.caption))</h3>
            <h2 id="\(sectionBID)">\(escape(sectionB))</h2>
            <details class="step-answer"><summary>\(escape(words.summary))</summary><p>\(words.paragraph)</p></details>
            """
        let headings = [
            Heading(level: 1, id: slug, text: title),
            Heading(level: 2, id: sectionAID, text: sectionA),
            Heading(level: 3, id: "\(slug)-detail", text: words.caption),
            Heading(level: 2, id: sectionBID, text: sectionB),
        ]
        return EPUBChapter(slug: slug, title: title, body: body, headings: headings)
    }

    /// A line chart as the site draws it: labelled by its own title and description.
    private static func chart(id: String, title: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 200 100" role="img" aria-labelledby="\(id)-title \(id)-desc">\
        <title id="\(id)-title">\(escape(title))</title><desc id="\(id)-desc">3.30, 3.10, 2.95</desc>\
        <line x1="10" y1="90" x2="190" y2="90" stroke="currentColor"/>\
        <path d="M10 20 L100 40 L190 55" fill="none" stroke="currentColor"/>\
        <text x="100" y="98" text-anchor="middle">step</text></svg>
        """
    }

    private static func escape(_ text: String) -> String {
        EPUBDocuments.escape(text)
    }
}
