import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a site folder was built from, kept in its marker file: when a new build's inputs hash to
/// the same value and the folder still holds what was written, the build has nothing to do, the
/// way make and ninja skip up-to-date targets. Any doubt (no stamp, a file touched, a stamp that
/// does not parse) means a full build.
struct BuildStamp: Codable, Equatable {
    /// The hash of everything the site is made from (see `BuildInputs`).
    var inputs: String
    /// Every file written, with its size and modification time then.
    var files: [String: FileState]
    /// What the build reported, told again by a build that does nothing.
    var report: BuildReport

    struct FileState: Codable, Equatable {
        var size: Int64
        var modified: Int64
    }

    /// The state of the file at `path` (nil when it is not a regular file).
    static func state(_ path: String) -> FileState? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileState(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// The stamp in `folder`'s marker, when it has one that still describes the folder.
    static func current(in folder: URL) -> BuildStamp? {
        guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(SiteFolder.marker).path),
              let newline = bytes.firstIndex(of: 0x0A),
              let stamp = try? JSONDecoder().decode(BuildStamp.self, from: bytes[(newline + 1)...]) else { return nil }
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        let files = Set(names.filter { $0 != SiteFolder.marker && state(folder.path + "/" + $0) != nil })
        guard files == Set(stamp.files.keys),
              stamp.files.allSatisfy({ state(folder.path + "/" + $0.key) == $0.value }) else { return nil }
        return stamp
    }

    /// The marker's text for a folder whose `files` are written under `folder`: the marker line,
    /// then this stamp with the files' states read back.
    static func marker(inputs: String, files: [String: Data], folder: URL, report: BuildReport) -> Data {
        var states: [String: FileState] = [:]
        for path in files.keys {
            guard let state = state(folder.path + "/" + path) else { return Data(SiteFolder.markerText.utf8) }
            states[path] = state
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let json = try? encoder.encode(BuildStamp(inputs: inputs, files: states, report: report)) else {
            return Data(SiteFolder.markerText.utf8)
        }
        return Data(SiteFolder.markerText.utf8) + json
    }
}

/// Everything a built site depends on, hashed: the tool and its binding, the options that shape
/// the pages, every file under the chapters folder (chapters and the data steps may read), the
/// tool's resource files and the browser libraries the build copies.
enum BuildInputs {
    static func hash(_ options: BuildOptions, identity: String) -> String? {
        var text = "\(identity)\n\(options.displayRoot)\n\(options.languages)\n\(options.formats)\n\(options.budget)\n"
        let chapters = options.chapters.standardizedFileURL.path
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: chapters) else { return nil }
        for name in names.sorted() {
            let path = chapters + "/" + name
            guard BuildStamp.state(path) != nil else { continue }  // folders
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            text += "\(name) \(ResultCache.hash(data))\n"
        }
        // Installed files change only with the tool or a package upgrade: their sizes and times tell.
        for path in installedFiles() {
            let state = BuildStamp.state(path)
            text += "\(path) \(state?.size ?? -1) \(state?.modified ?? -1)\n"
        }
        return ResultCache.hash(Data(text.utf8))
    }

    /// The tool's resource files and the vendor libraries' folders, one level deep.
    private static func installedFiles() -> [String] {
        var paths: [String] = []
        let manager = FileManager.default
        if let resources = Bundle.module.resourceURL?.appendingPathComponent("Resources").path,
           let names = try? manager.subpathsOfDirectory(atPath: resources) {
            paths += names.sorted().map { resources + "/" + $0 }
        }
        for library in VendorLibrary.all.values.sorted(by: { $0.name < $1.name }) {
            let names = (try? manager.contentsOfDirectory(atPath: library.folder)) ?? []
            paths += names.sorted().map { library.folder + "/" + $0 }
        }
        return paths
    }
}
