import Foundation

/// What running a chapter program gave: its outcomes, and where its items stood in the file that
/// ran it (so that another file with the same program gets its errors at its own positions).
struct ProgramRun: Codable, Sendable {
    var file: String
    var origins: [SourceLocation]
    var outcomes: [StepOutcome]
}

/// Chapter programs' results kept on disk between builds, as one file per program: reused when the
/// program, every data file it read, the engine binding and the tool are unchanged. Each file
/// carries a checksum, so that a corrupt, truncated or foreign file is recomputed, never shown;
/// files are written whole and renamed into place, so builds running at once never see half a file.
struct ResultCache {
    let folder: URL
    /// The binding's and the tool's identity: a result from another build of either does not count.
    let identity: String

    /// One file of the cache.
    private struct Entry: Codable {
        var identity: String
        var program: [String]
        /// Every file the program read, with a hash of its bytes then.
        var reads: [String: String]
        var run: ProgramRun
    }

    /// The stored run of `program`, nil when there is none or it no longer holds. `fileHashes`
    /// keeps the hashes of data files read so far in this build (several programs read one file).
    func lookup(_ program: [String], fileHashes: inout [String: String]) -> ProgramRun? {
        guard let payload = CacheFile.read(url(program)),
              let entry = try? JSONDecoder().decode(Entry.self, from: payload),
              entry.identity == identity, entry.program == program,
              entry.reads.allSatisfy({ path, hash in
                  let now = fileHashes[path] ?? Self.hash(ofFile: path)
                  fileHashes[path] = now
                  return now == hash
              }) else { return nil }
        return entry.run
    }

    /// Keeps `run` of `program`, which read `reads`; a failure to write only costs a rerun later.
    func store(_ program: [String], run: ProgramRun, reads: Set<String>) {
        var hashes: [String: String] = [:]
        for path in reads {
            guard let hash = Self.hash(ofFile: path) else { return }
            hashes[path] = hash
        }
        let entry = Entry(identity: identity, program: program, reads: hashes, run: run)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let payload = try? encoder.encode(entry) else { return }
        CacheFile.write(payload, to: url(program))
    }

    private func url(_ program: [String]) -> URL {
        folder.appendingPathComponent(Self.hash(Data(program.joined(separator: "\u{1}").utf8)) + ".json")
    }

    /// The hash of a file's bytes, nil when it cannot be read.
    static func hash(ofFile path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map(hash)
    }

    /// FNV-1a over the bytes, as 16 hex digits: enough to tell versions of a file apart and to
    /// catch a damaged cache file (the program itself is compared in full).
    static func hash(_ bytes: some Collection<UInt8>) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// One file of a cache: a checksum line, then the payload. Written whole and renamed into place.
enum CacheFile {
    /// The payload of `url`, nil when the file is missing or its checksum does not match.
    static func read(_ url: URL) -> Data? {
        guard let bytes = try? Data(contentsOf: url), let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let payload = bytes[(newline + 1)...]
        guard String(decoding: bytes[..<newline], as: UTF8.self) == ResultCache.hash(payload) else { return nil }
        return Data(payload)
    }

    /// Keeps `payload` at `url`; a failure to write only costs recomputing it later.
    static func write(_ payload: Data, to url: URL) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try (Data((ResultCache.hash(payload) + "\n").utf8) + payload).write(to: temporary)
            // rename(2) replaces the old file in one step: a reader sees the old file or the new one.
            if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
