import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time puts its site in place at one output: two builds to the same folder take
/// turns instead of mixing their staging folders. An `flock` on `.<name>.lock` beside the output;
/// the file is removed on release, so nothing stays behind but after a kill (the next build reuses it).
final class OutputLock {
    /// What the lock file holds, so that a file of that name the tool did not write is never removed.
    static let text = "locked by book build while it puts the site in place\n"

    private let path: String
    private var descriptor: Int32

    /// Waits until no other build holds the lock beside `folder`, then holds it.
    init(beside folder: URL) throws(BuildError) {
        path = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).lock").path
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Self.failure(path, "cannot open the lock file") }
            var result: Int32
            repeat { result = flock(fd, LOCK_EX) } while result != 0 && errno == EINTR
            guard result == 0 else {
                close(fd)
                throw Self.failure(path, "cannot lock the lock file")
            }
            // The holder before us removes the file when it is done: lock the file that is there now.
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                descriptor = fd
                break
            }
            close(fd)
        }
        do {
            try claim()
        } catch {
            // Not ours: leave the file where it is (`deinit` would remove it).
            close(descriptor)
            descriptor = -1
            throw error
        }
    }

    /// Writes our text into a new lock file; refuses a file of that name that holds something else.
    private func claim() throws(BuildError) {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        if count == 0 {
            let bytes = Array(Self.text.utf8)
            guard pwrite(descriptor, bytes, bytes.count, 0) == bytes.count else {
                throw Self.failure(path, "cannot write the lock file")
            }
        } else if count < 0 || buffer.prefix(count) != ArraySlice(Self.text.utf8) {
            throw BuildError.cannotWrite(path: path, reason: "a file of this name is in the way and was not written by `book build`; move it away")
        }
    }

    /// Removes the lock file and lets the next build in.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func failure(_ path: String, _ what: String) -> BuildError {
        .cannotWrite(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}
