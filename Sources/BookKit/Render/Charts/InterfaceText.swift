/// The words of the site's interface in one language: navigation, buttons, chart titles and axes.
///
/// Templates hold `{1}`, `{2}`, ... where `filled(_:_:)` puts its arguments.
struct InterfaceText: Sendable {
    /// The language code, e.g. `en`.
    let language: String
    /// The language's name in itself (English, Русский, Eesti).
    let languageName: String
    /// The book's title on index pages and in every page's header.
    let bookTitle: String
    /// The root page's invitation to pick an edition.
    let chooseLanguage: String
    /// Heading of the sidebar's chapter list.
    let chapters: String
    /// Heading of a page's own contents list.
    let onThisPage: String
    /// Link to the previous chapter.
    let previous: String
    /// Link to the next chapter.
    let next: String
    /// Link back to the edition's index.
    let contents: String
    /// Summary of a folded step whose code is hidden.
    let showCode: String
    /// The button that unfolds an exercise's answer.
    let showAnswer: String
    /// Label of a step's result.
    let output: String
    /// The theme toggle's accessible name.
    let toggleTheme: String
    /// The language switcher's accessible name.
    let languageLabel: String
    /// The phone menu button.
    let menu: String
    /// The link that skips the navigation.
    let skipToContent: String

    /// Bar chart of a distribution: title, axes, description ({1} count, {2} top entries).
    let distributionTitle: String
    let characterAxis: String
    let probabilityAxis: String
    let distributionDescription: String
    /// Attention heatmap: title ({1} layer, {2} head), axes, description ({1} queries, {2} keys).
    let attentionTitle: String
    let queryAxis: String
    let keyAxis: String
    let attentionDescription: String
    /// Generic matrix heatmap / table: title ({1} rows, {2} columns).
    let matrixTitle: String
    let matrixDescription: String
    /// A vector: title ({1} count).
    let vectorTitle: String
    /// Loss curve: title, axes, legend, description ({1} steps, {2} first, {3} last).
    let lossTitle: String
    let stepAxis: String
    let lossAxis: String
    let rawLegend: String
    let smoothedLegend: String
    let lossDescription: String
    /// Autograd graph: title, description ({1} nodes, {2} output label).
    let graphTitle: String
    let graphDescription: String
    /// Sampled names: title ({1} count).
    let samplesTitle: String
    /// A forward pass, one row per position: caption ({1} loss) and column heads.
    let traceTitle: String
    let positionColumn: String
    let inputColumn: String
    let targetColumn: String
    let targetProbabilityColumn: String

    /// The table for `language`; English when the language is unknown.
    static func forLanguage(_ language: String) -> InterfaceText {
        switch language {
        case "ru": return .russian
        case "et": return .estonian
        default: return .english
        }
    }

    /// The languages that have a table, in the root page's order.
    static let languages = ["en", "ru", "et"]

    /// `template` with `{1}`, `{2}`, ... replaced by `arguments` in order.
    static func filled(_ template: String, _ arguments: String...) -> String {
        var out = template
        for (i, argument) in arguments.enumerated() {
            out = out.replacingOccurrences(of: "{\(i + 1)}", with: argument)
        }
        return out
    }

    static let english = InterfaceText(
        language: "en", languageName: "English", bookTitle: "How a tiny GPT works",
        chooseLanguage: "Choose a language", chapters: "Chapters", onThisPage: "On this page",
        previous: "Previous", next: "Next", contents: "Contents", showCode: "Show code", showAnswer: "Show the answer",
        output: "Output", toggleTheme: "Switch between light and dark theme", languageLabel: "Language",
        menu: "Menu", skipToContent: "Skip to content",
        distributionTitle: "Probability of the next character", characterAxis: "character",
        probabilityAxis: "probability",
        distributionDescription: "Bar chart of {1} characters. Most likely: {2}.",
        attentionTitle: "Attention weights, layer {1}, head {2}", queryAxis: "query", keyAxis: "key",
        attentionDescription: "Heatmap with queries {1} on the rows and keys {2} on the columns; a query sees only itself and earlier keys.",
        matrixTitle: "Matrix, {1} × {2}", matrixDescription: "Heatmap of a matrix with {1} rows and {2} columns.",
        vectorTitle: "Vector of {1} numbers",
        lossTitle: "Training loss", stepAxis: "step", lossAxis: "loss", rawLegend: "each step",
        smoothedLegend: "moving average",
        lossDescription: "Line chart of the loss over {1} steps, from {2} at the first step to {3} at the last.",
        graphTitle: "Computation graph",
        graphDescription: "Graph of {1} values, flowing left to right into {2}; each box shows a value's data and gradient, each arrow its local gradient.",
        samplesTitle: "{1} sampled names",
        traceTitle: "Forward pass, mean loss {1}", positionColumn: "position", inputColumn: "input",
        targetColumn: "next", targetProbabilityColumn: "p(next)")

    static let russian = InterfaceText(
        language: "ru", languageName: "Русский", bookTitle: "Как устроен маленький GPT",
        chooseLanguage: "Выберите язык", chapters: "Главы", onThisPage: "На этой странице",
        previous: "Назад", next: "Далее", contents: "Оглавление", showCode: "Показать код", showAnswer: "Показать ответ",
        output: "Результат", toggleTheme: "Переключить светлую и тёмную тему", languageLabel: "Язык",
        menu: "Меню", skipToContent: "Перейти к тексту",
        distributionTitle: "Вероятность следующего символа", characterAxis: "символ",
        probabilityAxis: "вероятность",
        distributionDescription: "Столбчатая диаграмма для {1} символов. Вероятнее всего: {2}.",
        attentionTitle: "Веса внимания, слой {1}, голова {2}", queryAxis: "запрос", keyAxis: "ключ",
        attentionDescription: "Тепловая карта: запросы {1} по строкам, ключи {2} по столбцам; запрос видит только себя и более ранние ключи.",
        matrixTitle: "Матрица {1} × {2}", matrixDescription: "Тепловая карта матрицы: {1} строк, {2} столбцов.",
        vectorTitle: "Вектор из {1} чисел",
        lossTitle: "Ошибка при обучении", stepAxis: "шаг", lossAxis: "ошибка", rawLegend: "каждый шаг",
        smoothedLegend: "скользящее среднее",
        lossDescription: "График ошибки за {1} шагов: от {2} на первом шаге до {3} на последнем.",
        graphTitle: "Граф вычислений",
        graphDescription: "Граф из {1} значений, слева направо к {2}; в каждом блоке значение и его градиент, на каждой стрелке локальный градиент.",
        samplesTitle: "Сгенерированные имена: {1}",
        traceTitle: "Прямой проход, средняя ошибка {1}", positionColumn: "позиция", inputColumn: "вход",
        targetColumn: "следующий", targetProbabilityColumn: "p(следующий)")

    static let estonian = InterfaceText(
        language: "et", languageName: "Eesti", bookTitle: "Kuidas väike GPT töötab",
        chooseLanguage: "Vali keel", chapters: "Peatükid", onThisPage: "Sellel lehel",
        previous: "Eelmine", next: "Järgmine", contents: "Sisukord", showCode: "Näita koodi", showAnswer: "Näita vastust",
        output: "Tulemus", toggleTheme: "Vaheta heleda ja tumeda teema vahel", languageLabel: "Keel",
        menu: "Menüü", skipToContent: "Liigu sisu juurde",
        distributionTitle: "Järgmise märgi tõenäosus", characterAxis: "märk", probabilityAxis: "tõenäosus",
        distributionDescription: "Tulpdiagramm {1} märgiga. Kõige tõenäolisemad: {2}.",
        attentionTitle: "Tähelepanu kaalud, kiht {1}, pea {2}", queryAxis: "päring", keyAxis: "võti",
        attentionDescription: "Soojuskaart: päringud {1} ridadel, võtmed {2} veergudes; päring näeb ainult iseennast ja varasemaid võtmeid.",
        matrixTitle: "Maatriks {1} × {2}", matrixDescription: "Soojuskaart maatriksist, milles on {1} rida ja {2} veergu.",
        vectorTitle: "Vektor, {1} arvu",
        lossTitle: "Treeningu kadu", stepAxis: "samm", lossAxis: "kadu", rawLegend: "iga samm",
        smoothedLegend: "libisev keskmine",
        lossDescription: "Kao joonis {1} sammu jooksul: esimesel sammul {2}, viimasel {3}.",
        graphTitle: "Arvutusgraaf",
        graphDescription: "Graaf {1} väärtusest, mis voolavad vasakult paremale väärtuseni {2}; igas kastis on väärtus ja gradient, igal noolel kohalik gradient.",
        samplesTitle: "Genereeritud nimed: {1}",
        traceTitle: "Päripass, keskmine kadu {1}", positionColumn: "positsioon", inputColumn: "sisend",
        targetColumn: "järgmine", targetProbabilityColumn: "p(järgmine)")
}
