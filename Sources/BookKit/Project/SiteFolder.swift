import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a whole site in place at once: written beside the target, then swapped in, so that
/// readers see the old site or the new one, never a mix. It deletes or replaces only what
/// `book build` wrote: folders that carry the marker file (and empty folders, which hold nothing).
enum SiteFolder {
    /// The file that marks a folder as a site written by `book build`.
    static let marker = ".book-build"
    static let markerText = "written by book build; the whole folder is replaced by the next build\n"

    /// Replaces `folder` by exactly `files`; on failure the old folder stays as it was. `stamp`
    /// gives the marker's final text once the files are written in the staging folder.
    static func replace(_ requested: URL, with files: [String: Data], stamp: (URL) -> Data? = { _ in nil }) throws(BuildError) {
        let folder = try resolved(requested)
        try checkReplaceable(folder)
        let lock = try OutputLock(beside: folder)
        defer { lock.release() }
        // Checked while holding the lock: another build may have just put its site here.
        try checkReplaceable(folder)
        let parent = folder.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).new")
        let previous = parent.appendingPathComponent(".\(folder.lastPathComponent).old")
        // What a killed build left behind: ours (marked) or empty, else we stop.
        try removeOurs(staging)
        try removeOurs(previous)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            // The marker goes first: a staging folder cut short by a kill is still known as ours.
            try Data(markerText.utf8).write(to: staging.appendingPathComponent(marker))
            try Site.write(files, to: staging)
            if let text = stamp(staging) { try text.write(to: staging.appendingPathComponent(marker)) }
            if isFolder(folder) {
                if FolderSwap.exchange(staging, folder) {
                    try? removeOurs(staging)  // now the old site
                    return
                }
                try manager.moveItem(at: folder, to: previous)
                do {
                    try manager.moveItem(at: staging, to: folder)
                } catch {
                    try? manager.moveItem(at: previous, to: folder)
                    throw error
                }
                try? removeOurs(previous)
            } else {
                try manager.moveItem(at: staging, to: folder)
            }
        } catch {
            try? removeOurs(staging)
            throw .cannotWrite(path: requested.path, reason: error.localizedDescription)
        }
    }

    /// The real folder `requested` names (symbolic links followed, so that staging sits beside
    /// the real folder and a link to it stays a link); its parent is created when missing.
    private static func resolved(_ requested: URL) throws(BuildError) -> URL {
        let path = requested.standardizedFileURL.path
        var info = stat()
        if lstat(path, &info) == 0 {
            guard let real = realPath(path) else {
                throw .cannotWrite(path: path, reason: "it is a symbolic link to nothing; choose another --output")
            }
            return URL(fileURLWithPath: real)
        }
        let parent = requested.standardizedFileURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
        guard let realParent = realPath(parent.path) else {
            throw .cannotWrite(path: path, reason: "its folder \(parent.path) cannot be reached")
        }
        return URL(fileURLWithPath: realParent).appendingPathComponent(requested.lastPathComponent)
    }

    /// Throws unless `folder` is missing, empty, or a site `book build` wrote.
    private static func checkReplaceable(_ folder: URL) throws(BuildError) {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotWrite(path: folder.path, reason: "it is a file, not a folder: --output names the site folder, which is replaced as a whole; choose a folder")
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Never replace a folder this tool did not write (`--output .` must not wipe a project).
        if !existing.isEmpty && !isOurs(folder) {
            throw .cannotWrite(path: folder.path, reason: "the folder is not empty and was not written by `book build`; choose another --output")
        }
    }

    /// Removes `folder` when it is ours or empty; nothing there is fine; anything else is in the way.
    private static func removeOurs(_ folder: URL) throws(BuildError) {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            if rmdir(folder.path) == 0 { return }
            if isOurs(folder), (try? FileManager.default.removeItem(at: folder)) != nil { return }
        }
        throw .cannotWrite(path: folder.path, reason: "it is in the way of the build's staging folder and was not written by `book build`; move it away")
    }

    /// Whether `folder` holds the marker file as a regular file.
    private static func isOurs(_ folder: URL) -> Bool {
        var info = stat()
        return lstat(folder.appendingPathComponent(marker).path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    private static func isFolder(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// Swaps two folders in one step where the system can (Linux's `renameat2` with
/// `RENAME_EXCHANGE`), so that the output folder never goes missing, even for a moment.
enum FolderSwap {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Looked up at run time: not every C library declares it.
    private static let renameat2: Renameat2? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
        #else
        return nil
        #endif
    }()

    /// Whether `a` and `b` traded places; false when the system cannot do it in one step.
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if canImport(Glibc)
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0
        #else
        return false
        #endif
    }
}
