import ArgumentParser
import BookCommands
import BookKit

/// `book translations --accept ru/03-attention.md`: records that a translation is up to date.
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Records that translated sections are up to date with the English (their fingerprints).",
        discussion: """
            Each translated section has a line `[//]: # (en KEY FINGERPRINT)` under its heading: the \
            English section it translates and that section's fingerprint when the translation was \
            accepted. When the English changes, `book check` names the section as stale; after \
            updating the translation, accept it here.
            """)

    @Option(name: .long, help: "The chapters folder, holding <lang>/NN-name.md.")
    var chapters: String = "chapters"

    @Option(name: .long, parsing: .upToNextOption, help: "Translated chapters to accept, e.g. ru/03-attention.md.")
    var accept: [String] = []

    @Flag(name: .long, help: "Accept every translated chapter.")
    var acceptAll = false

    func validate() throws {
        guard acceptAll != !accept.isEmpty else {
            throw ValidationError("pass --accept LANG/NN-name.md ... or --accept-all")
        }
    }

    func run() throws {
        do {
            let changed = try TranslationMarks.accept(BuildOptions(chapters: chapters), files: acceptAll ? [] : accept)
            for file in changed { print("accepted \(file)") }
            if changed.isEmpty { print("every marker was up to date") }
        } catch {
            throw fail(error)
        }
    }
}
