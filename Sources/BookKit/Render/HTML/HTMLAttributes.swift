/// The attributes of a generated page, read in one pass over its bytes (the link checker's input;
/// a regular expression per question took a third of a warm build).
struct HTMLAttribute {
    /// The element's name, lowercased (`a`, `link`, `svg`, ...).
    let element: String
    /// The attribute's name, lowercased.
    let name: String
    /// The value as written (character references not decoded).
    let value: String
}

enum HTMLAttributes {
    /// Every attribute of every start tag in `html`, in order; comments are skipped.
    static func scan(_ html: String) -> [HTMLAttribute] {
        let bytes = Array(html.utf8)
        var found: [HTMLAttribute] = []
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        while i < bytes.count {
            guard bytes[i] == 0x3C else { i += 1; continue }  // <
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                var j = i + 4
                while j + 2 < bytes.count && !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
                i = j + 3
                continue
            }
            guard i + 1 < bytes.count, isLetter(bytes[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < bytes.count && !isSpace(bytes[j]) && bytes[j] != 0x3E && bytes[j] != 0x2F { j += 1 }
            let element = text(i + 1, j).lowercased()
            // Attributes until the tag ends.
            while j < bytes.count && bytes[j] != 0x3E {
                while j < bytes.count && (isSpace(bytes[j]) || bytes[j] == 0x2F) { j += 1 }
                let nameStart = j
                while j < bytes.count && !isSpace(bytes[j]) && bytes[j] != 0x3D && bytes[j] != 0x3E && bytes[j] != 0x2F { j += 1 }
                guard j > nameStart else { break }
                let name = text(nameStart, j).lowercased()
                while j < bytes.count && isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == 0x3D else {
                    found.append(HTMLAttribute(element: element, name: name, value: ""))
                    continue
                }
                j += 1
                while j < bytes.count && isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count else { break }
                let valueStart: Int, valueEnd: Int
                if bytes[j] == 0x22 || bytes[j] == 0x27 {  // " or '
                    let quote = bytes[j]
                    valueStart = j + 1
                    j = valueStart
                    while j < bytes.count && bytes[j] != quote { j += 1 }
                    valueEnd = j
                    j += 1
                } else {
                    valueStart = j
                    while j < bytes.count && !isSpace(bytes[j]) && bytes[j] != 0x3E { j += 1 }
                    valueEnd = j
                }
                found.append(HTMLAttribute(element: element, name: name, value: text(valueStart, min(valueEnd, bytes.count))))
            }
            i = j + 1
        }
        return found
    }

    private static let urlOpening: [UInt8] = Array("url(#".utf8)

    /// The ids that `url(#id)` references in `value` name.
    static func urlReferences(in value: String) -> [String] {
        // A loop over the bytes: every attribute of every page comes through here, and Foundation's
        // string search (or the standard library's generic one) took a tenth of a warm build.
        var value = value
        return value.withUTF8 { bytes in
            let pattern = urlOpening
            var references: [String] = []
            var i = 0
            while i + pattern.count <= bytes.count {
                guard bytes[i] == pattern[0], bytes[i + 1] == pattern[1], bytes[i + 2] == pattern[2],
                      bytes[i + 3] == pattern[3], bytes[i + 4] == pattern[4] else { i += 1; continue }
                let start = i + pattern.count
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: ")")) else { break }
                references.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                i = end + 1
            }
            return references
        }
    }
}
