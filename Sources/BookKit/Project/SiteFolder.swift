import Foundation

/// Puts a whole site in place at once: written beside the target, then swapped in by renames, so
/// that readers see the old site or the new one, never a mix.
enum SiteFolder {
    /// The file that marks a folder as a site written by `book build`.
    static let marker = ".book-build"

    /// Replaces `folder` by exactly `files`; on failure the old folder stays as it was.
    static func replace(_ folder: URL, with files: [String: Data]) throws(BuildError) {
        let manager = FileManager.default
        // Never replace a folder this tool did not write (`--output .` must not wipe a project).
        let existing = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        // (The page tests leave their screenshots in build/screenshots; that alone is no project.)
        if !existing.allSatisfy({ $0 == "screenshots" }), !existing.contains(marker) {
            throw .cannotWrite(path: folder.path, reason: "the folder is not empty and was not written by `book build`; choose another --output")
        }
        let parent = folder.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).new")
        let previous = parent.appendingPathComponent(".\(folder.lastPathComponent).old")
        do {
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: previous)
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try Site.write(files, to: staging)
            try Data("written by book build; the whole folder is replaced by the next build\n".utf8)
                .write(to: staging.appendingPathComponent(marker))
            if manager.fileExists(atPath: folder.path) {
                try manager.moveItem(at: folder, to: previous)
            }
            do {
                try manager.moveItem(at: staging, to: folder)
            } catch {
                try? manager.moveItem(at: previous, to: folder)
                throw error
            }
            try? manager.removeItem(at: previous)
        } catch {
            try? manager.removeItem(at: staging)
            throw .cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
    }
}
