import Foundation

/// Puts a whole site in place at once: written beside the target, then swapped in by renames, so
/// that readers see the old site or the new one, never a mix.
enum SiteFolder {
    /// Replaces `folder` by exactly `files`; on failure the old folder stays as it was.
    static func replace(_ folder: URL, with files: [String: Data]) throws(BuildError) {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).new")
        let previous = parent.appendingPathComponent(".\(folder.lastPathComponent).old")
        do {
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: previous)
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try Site.write(files, to: staging)
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
