import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the watcher as soon as the kernel reports a write under the folder (inotify), instead
/// of at its next look. The stamps still decide what changed, so a lost or stray event costs
/// nothing but a look; where inotify is missing (or a file system does not report), the watcher
/// simply looks at its interval.
final class FolderWakeup {
    private let fd: Int32
    private let root: URL

    /// Nil where inotify cannot be had.
    init?(root: URL) {
        #if canImport(Glibc)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.root = root
        watchFolders()
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        close(fd)
        #endif
    }

    /// Returns when something under the folder was written, created, moved or removed, or when
    /// `timeout` seconds passed; the events are used up either way.
    func wait(upTo timeout: Double) {
        #if canImport(Glibc)
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, Int32(timeout * 1000))
        drain()
        #endif
    }

    /// Watches every folder under the root, the new ones too (a new language or data folder).
    func watchFolders() {
        #if canImport(Glibc)
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
        var folders = [root.path]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let relative = walker?.nextObject() as? String {
            guard !(relative.split(separator: "/").last ?? "").hasPrefix(".") else { walker?.skipDescendants(); continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.path + "/" + relative, isDirectory: &isFolder), isFolder.boolValue {
                folders.append(root.path + "/" + relative)
            }
        }
        // Watching a folder twice keeps one watch; a folder that went is dropped by the kernel.
        for folder in folders { _ = inotify_add_watch(fd, folder, mask) }
        #endif
    }

    private func drain() {
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while read(fd, &buffer, buffer.count) > 0 {}
        #endif
    }
}
