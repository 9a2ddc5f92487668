import Foundation

/// Where the chapters are, where the site goes and how steps are limited.
public struct BuildOptions: Sendable {
    /// The chapters folder (`chapters/`), holding `<lang>/NN-name.md` and `<lang>/glossary.md`.
    public var chapters: URL
    /// How chapter paths start in messages (the folder as the user typed it).
    public var displayRoot: String
    /// The site folder (`build/`).
    public var output: URL
    /// Languages to build, in this order; empty means every language folder.
    public var languages: [String]
    /// Per-step limits.
    public var budget: StepBudget
    /// Output formats, by renderer name (`html`, `epub`).
    public var formats: [String]
    /// Where chapter programs' results are kept between builds (`.build-cache/` beside the
    /// chapters folder); nil runs every step anew.
    public var cache: URL?

    /// Options from paths as typed on the command line.
    public init(chapters: String = "chapters", output: String = "build", languages: [String] = [],
                budget: StepBudget = StepBudget(), formats: [String] = ["html"]) {
        self.chapters = URL(fileURLWithPath: chapters)
        self.displayRoot = chapters.hasSuffix("/") && chapters.count > 1 ? String(chapters.dropLast()) : chapters
        self.output = URL(fileURLWithPath: output)
        self.languages = languages
        self.budget = budget
        self.formats = formats
        cache = self.chapters.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".build-cache")
    }
}

