import BookTestSupport
import Foundation
@testable import BookKit

/// A small book in three languages for the search and formula tests: sections with words to find
/// (ё and case in Russian, õ in Estonian), an inline value, a formula and a step whose code must
/// not be indexed.
enum SearchFixture {
    static let english = """
    # Attention

    Every token looks back at the tokens before it.

    ## Queries and keys

    A query is compared with every key; the scores become weights through softmax,
    `$\\frac{q \\cdot k}{\\sqrt{d}}$`. The loss here is `=2.5`.

    ```math
    \\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}
    ```

    ```swift step
    say zebrafish
    ```

    ## Values

    The weighted values are added up into the head's output.

    """

    static let russian = """
    # Внимание

    Каждый токен смотрит на токены перед ним.

    ## Запросы и ключи

    Запрос сравнивается с каждым ключом; ЁЛКА стоит здесь для проверки, и ещё слово «всё».

    ```swift step
    say zebrafish
    ```

    ## Значения

    Взвешенные значения складываются в выход головы.

    """

    static let estonian = """
    # Tähelepanu

    Iga token vaatab tagasi varasematele tokenitele.

    ## Päringud ja võtmed

    Päringut võrreldakse iga võtmega; ÕUNAPUU seisab siin kontrolliks.

    ```swift step
    say zebrafish
    ```

    ## Väärtused

    Kaalutud väärtused liidetakse pea väljundiks.

    """

    /// Writes the three chapters into `book`.
    static func write(to book: ScratchBook) throws {
        try book.write("en/01-attention.md", english)
        try book.write("ru/01-attention.md", russian)
        try book.write("et/01-attention.md", estonian)
    }

    /// The object `search-index.js` assigns, decoded.
    static func index(in site: URL, language: String) throws -> [String: Any] {
        let text = try String(contentsOf: site.appendingPathComponent("\(language)/search-index.js"), encoding: .utf8)
        let prefix = "window.bookSearchIndex = "
        guard text.hasPrefix(prefix), text.hasSuffix(";\n") else { return [:] }
        let json = Data(text.dropFirst(prefix.count).dropLast(2).utf8)
        return try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
    }
}
