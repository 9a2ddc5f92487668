import Foundation

extension Project {
    /// `book clean`: removes the result cache and the output folder, the latter only when `book
    /// build` wrote it (it carries the marker). Returns what was removed.
    public func clean() throws(BuildError) -> [String] {
        let manager = FileManager.default
        var removed: [String] = []
        if let cache = options.cache, manager.fileExists(atPath: cache.path) {
            do { try manager.removeItem(at: cache) } catch { throw .cannotWrite(path: cache.path, reason: error.localizedDescription) }
            removed.append(cache.path)
        }
        let output = options.output
        if manager.fileExists(atPath: output.appendingPathComponent(SiteFolder.marker).path) {
            do { try manager.removeItem(at: output) } catch { throw .cannotWrite(path: output.path, reason: error.localizedDescription) }
            removed.append(output.path)
        } else if manager.fileExists(atPath: output.path) {
            throw .cannotWrite(path: output.path, reason: "the folder was not written by `book build`; it is left as it is")
        }
        return removed
    }
}
