import Foundation
import ZIPFoundation

/// Writes files into a zip archive the way EPUB wants it, byte for byte the same each time.
///
/// The first entry is `mimetype`, stored (not compressed) with no extra field, so that a reader can
/// recognise the file from its first bytes (the OCF rules of EPUB 3.3). Entries keep the order given and
/// all carry the same fixed date, so the same files give the same bytes.
enum EPUBArchive {
    /// One file of the archive.
    struct File {
        var path: String
        var contents: Data
    }

    /// The date on every entry: ZIP's (MS-DOS) epoch, 1980-01-01 00:00:00 UTC; ZIPFoundation converts it in UTC.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The zip archive of `mimetype` (stored, first) followed by `files` (deflated), in order.
    static func data(mimetype: String, files: [File]) throws -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            try add(File(path: "mimetype", contents: Data(mimetype.utf8)), to: archive, compression: .none)
            for file in files {
                try add(file, to: archive, compression: .deflate)
            }
            guard let data = archive.data else { throw EPUBError.archive("the in-memory archive has no data") }
            return data
        } catch let error as EPUBError {
            throw error
        } catch {
            throw EPUBError.archive(String(describing: error))
        }
    }

    private static func add(_ file: File, to archive: Archive, compression: CompressionMethod) throws {
        let contents = file.contents
        try archive.addEntry(
            with: file.path, type: .file, uncompressedSize: Int64(contents.count),
            modificationDate: entryDate, permissions: 0o644, compressionMethod: compression
        ) { position, size in
            let start = Int(position)
            return contents.subdata(in: start..<min(start + size, contents.count))
        }
    }
}
