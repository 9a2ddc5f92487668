import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits under a folder by comparing every file's size and modification time at each
/// look: no platform API, so it works on every file system and with every editor's way of saving
/// (in place, or a new file renamed over the old). Hidden files and editors' backups (`name~`)
/// are not watched.
struct FolderWatcher {
    struct Stamp: Equatable {
        let seconds: Int
        let nanoseconds: Int
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

    /// Every watched file under `root` with its stamp; empty when the folder is missing. Read
    /// with `stat` (the server looks twenty times a second; Foundation's resource values cost
    /// ten times as much on Linux).
    static func scan(_ root: URL) -> [String: Stamp] {
        let base = root.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
        var found: [String: Stamp] = [:]
        while let relative = walker.nextObject() as? String {
            let name = relative.split(separator: "/").last ?? ""
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            var info = stat()
            guard !name.hasSuffix("~"), stat(base + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            found[relative] = Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int(info.st_size))
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
