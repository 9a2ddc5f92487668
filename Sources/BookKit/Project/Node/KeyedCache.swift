import Foundation

/// Values kept on disk between builds under a key, one file each (`<hash of key>.json`): typeset
/// formulas and search indexes, so that a build whose formulas and sections did not change starts
/// no Node.js. Like `ResultCache`, each file carries a checksum and its whole key, so a damaged or
/// colliding file is recomputed, never used; files are written whole and renamed into place.
struct KeyedCache<Key: Codable & Equatable, Value: Codable> {
    let folder: URL

    private struct Entry: Codable {
        var key: Key
        var value: Value
    }

    /// The value stored for `key`, nil when there is none or it does not hold.
    func lookup(_ key: Key) -> Value? {
        guard let encodedKey = try? Self.encoder.encode(key), let payload = CacheFile.read(url(encodedKey)),
              let entry = try? JSONDecoder().decode(Entry.self, from: payload), entry.key == key else { return nil }
        return entry.value
    }

    /// Keeps `value` under `key`; a failure to write only costs recomputing it later.
    func store(_ value: Value, for key: Key) {
        guard let encodedKey = try? Self.encoder.encode(key),
              let payload = try? Self.encoder.encode(Entry(key: key, value: value)) else { return }
        CacheFile.write(payload, to: url(encodedKey))
    }

    private func url(_ encodedKey: Data) -> URL {
        folder.appendingPathComponent(ResultCache.hash(encodedKey) + ".json")
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
