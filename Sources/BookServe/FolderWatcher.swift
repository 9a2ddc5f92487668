import Foundation

/// Notices edits under a folder by comparing every file's size and modification time at each
/// look: no platform API, so it works on every file system and with every editor's way of saving
/// (in place, or a new file renamed over the old). Hidden files and editors' backups (`name~`)
/// are not watched.
struct FolderWatcher {
    struct Stamp: Equatable {
        let modified: Date
        let size: Int
    }

    let root: URL
    private var stamps: [String: Stamp]

    /// A watcher that takes the folder as it is now as the starting point.
    init(root: URL) {
        self.root = root
        stamps = Self.scan(root)
    }

    /// The files (relative to the root) that appeared, went or changed since the last look.
    mutating func changes() -> Set<String> {
        let now = Self.scan(root)
        guard now != stamps else { return [] }
        var changed = Set(now.keys).symmetricDifference(stamps.keys)
        for (path, stamp) in now where stamps[path].map({ $0 != stamp }) == true { changed.insert(path) }
        stamps = now
        return changed
    }

    /// Every watched file under `root` with its stamp; empty when the folder is missing.
    static func scan(_ root: URL) -> [String: Stamp] {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                          options: [.skipsHiddenFiles]) else { return [:] }
        let base = root.standardizedFileURL.path
        var found: [String: Stamp] = [:]
        for case let url as URL in walker where !url.lastPathComponent.hasSuffix("~") {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
            found[relative] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? -1)
        }
        return found
    }

    /// A chapter's text (`<lang>/NN-name.md`, `<lang>/glossary.md`), as opposed to a data file
    /// (anything else, and everything under `data/`): only a data file can change a chapter
    /// program's result without changing its code.
    static func isChapterText(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return path.hasSuffix(".md") && parts.count == 2 && parts[0] != "data"
    }
}
