import Foundation

/// `book init`: a new book that checks and builds as it is — a chapter with a step and its output
/// block, a data folder, a README that names the commands, and a .gitignore.
public enum NewBook {
    /// Writes a new book into `folder` (which must not exist, or be empty) with `binding`'s starter
    /// step, then fills the step's output block by running it. Returns the files written.
    @discardableResult
    public static func create(at folder: URL, binding: any StepBinding) throws(BuildError) -> [String] {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw .cannotWrite(path: folder.path, reason: "the folder is not empty; book init starts a book in a new or empty folder")
        }
        let files: [(String, String)] = [
            ("chapters/en/00-first-steps.md", chapter(binding.starterStep)),
            ("chapters/data/README.md", "Data files that steps read go here; a step names them relative to `chapters/`.\n"),
            ("README.md", readme),
            (".gitignore", "build/\n.build-cache/\n"),
        ]
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        } catch {
            throw .cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
        var options = BuildOptions(chapters: folder.appendingPathComponent("chapters").path,
                                   output: folder.appendingPathComponent("build").path)
        options.cache = nil
        try Project(options: options, binding: binding).check(fix: true)
        return files.map(\.0)
    }

    private static func chapter(_ step: String) -> String {
        """
        # First steps

        Prose is CommonMark. A fenced block whose info string is `swift step` runs when the book
        is built, and the page shows its code and its result:

        ```swift step
        \(step)
        ```

        The block after it holds the result the step must give; `book check --fix` writes it.
        An inline expression puts a value in a sentence: two and two make `=2 + 2`.

        """
    }

    private static let readme = """
    # A book

    ```sh
    book check   # runs every step and compares it with its output block (--fix rewrites them)
    book build   # writes the site to build/ (--format epub for EPUB)
    ```

    Chapters are `chapters/<language>/NN-name.md`; data files go in `chapters/data/`.

    """
}
