import Foundation
import Synchronization

/// A browser library from a Debian `libjs-*` package, copied into the site when a page needs it,
/// so pages work offline and from `file://` (no CDN, no npm).
struct VendorLibrary: Sendable {
    /// Its folder under `assets/vendor/`, and its name in `WidgetAssets.needs`.
    let name: String
    /// The Debian package that installs it (named in the error when it is missing).
    let package: String
    /// Where the package puts it.
    let folder: String
    /// Files under `folder` the pages load, scripts and style sheets, in loading order.
    let scripts: [String]
    let styles: [String]
    /// Folders under `folder` copied whole (fonts a style sheet refers to).
    let folders: [String]

    static let all: [String: VendorLibrary] = [
        "three": VendorLibrary(name: "three", package: "libjs-three", folder: "/usr/share/javascript/three",
                               scripts: ["three.min.js", "examples/js/controls/OrbitControls.js"], styles: [], folders: []),
        "katex": VendorLibrary(name: "katex", package: "libjs-katex", folder: "/usr/share/javascript/katex",
                               scripts: [], styles: ["katex.min.css"], folders: ["fonts"]),
        "lunr": VendorLibrary(name: "lunr", package: "libjs-lunr", folder: "/usr/share/javascript/lunr",
                              scripts: ["lunr.min.js"], styles: [], folders: []),
    ]

    /// The scripts Node.js loads at build time: KaTeX to typeset formulas, lunr to index sections.
    static let katexScript = "/usr/share/javascript/katex/katex.js"
    static let lunrScript = "/usr/share/javascript/lunr/lunr.js"

    /// Throws `VendorLibraryMissing` unless library `name`'s `script` is installed.
    static func require(_ name: String, script: String) throws {
        guard let library = all[name], !FileManager.default.fileExists(atPath: script) else { return }
        throw VendorLibraryMissing(library: library, path: script)
    }

    /// Every file of the library as site path -> bytes; throws `VendorLibraryMissing` when the
    /// package is not installed.
    func files() throws -> [String: Data] {
        let manager = FileManager.default
        var files: [String: Data] = [:]
        func add(_ relative: String) throws {
            guard let data = manager.contents(atPath: folder + "/" + relative) else {
                throw VendorLibraryMissing(library: self, path: folder + "/" + relative)
            }
            files["assets/vendor/\(name)/\(relative)"] = data
        }
        for file in scripts + styles { try add(file) }
        for sub in folders {
            guard let names = try? manager.contentsOfDirectory(atPath: folder + "/" + sub) else {
                throw VendorLibraryMissing(library: self, path: folder + "/" + sub)
            }
            for file in names.sorted() { try add(sub + "/" + file) }
        }
        return files
    }
}

/// A page needs a library that is not installed.
struct VendorLibraryMissing: Error, CustomStringConvertible {
    let library: VendorLibrary
    let path: String
    var description: String {
        "\(path) is missing: the pages need \(library.name) from Debian's \(library.package) (run scripts/setup-system)"
    }
}

/// What each kind of widget loads. A widget's HTML carries `data-widget="<name>"`; a page showing
/// one loads the vendor libraries it needs, then `Resources/widgets/<name>.js` and `.css` when
/// they exist. Pages without widgets load none of this.
enum WidgetAssets {
    /// What every widget with a script uses: `Resources/widgets/kit.js` and `kit.css`.
    static let kit = "kit"

    /// The vendor libraries each widget needs, by widget name.
    static let needs: [String: [String]] = [
        "math": ["katex"],
        "scene3d": ["three"],
    ]

    /// The widget names used in `body`, in first-use order. A byte scan: it reads every page.
    static func widgets(in body: String) -> [String] {
        let marker = Array("data-widget=\"".utf8)
        var names: [String] = []
        var body = body
        body.withUTF8 { bytes in
            var i = 0
            while i + marker.count <= bytes.count {
                guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else { i += 1; continue }
                let start = i + marker.count
                guard let end = bytes[start...].firstIndex(of: 0x22) else { break }  // the closing quote
                let name = String(decoding: bytes[start..<end], as: UTF8.self)
                if !names.contains(name) { names.append(name) }
                i = end
            }
        }
        return names
    }

    /// The vendor libraries `widgets` need, each once, in first-need order.
    static func libraries(for widgets: [String]) -> [VendorLibrary] {
        var names: [String] = []
        for widget in widgets { for name in needs[widget] ?? [] where !names.contains(name) { names.append(name) } }
        return names.compactMap { VendorLibrary.all[$0] }
    }

    /// `Resources/widgets/<name>.<ext>` when the tool has it.
    static func resource(_ name: String, _ ext: String) -> Data? {
        try? Assets.data("widgets/\(name).\(ext)")
    }

    /// Whether the tool has `Resources/widgets/<name>.<ext>`, asked once per file and process.
    static func hasResource(_ name: String, _ ext: String) -> Bool {
        present.withLock { known in
            if let answer = known[name + "." + ext] { return answer }
            let answer = resource(name, ext) != nil
            known[name + "." + ext] = answer
            return answer
        }
    }
    private static let present = Mutex<[String: Bool]>([:])

    /// The `<head>` tags for a page showing `widgets`, `up` being the path to the site root.
    static func headTags(widgets: [String], up: String) -> String {
        var tags = ""
        for library in libraries(for: widgets) {
            for style in library.styles { tags += "<link rel=\"stylesheet\" href=\"\(up)assets/vendor/\(library.name)/\(style)\">\n" }
            for script in library.scripts { tags += "<script src=\"\(up)assets/vendor/\(library.name)/\(script)\" defer></script>\n" }
        }
        // What the widgets share (a script, a style sheet) comes before the first of them.
        if widgets.contains(where: { hasResource($0, "js") }) {
            tags += "<link rel=\"stylesheet\" href=\"\(up)assets/widgets/\(kit).css\">\n"
            tags += "<script src=\"\(up)assets/widgets/\(kit).js\" defer></script>\n"
        }
        for widget in widgets {
            if hasResource(widget, "css") { tags += "<link rel=\"stylesheet\" href=\"\(up)assets/widgets/\(widget).css\">\n" }
            if hasResource(widget, "js") { tags += "<script src=\"\(up)assets/widgets/\(widget).js\" defer></script>\n" }
        }
        return tags
    }

    /// The asset files pages showing `used` widgets need: each one's script and style sheet and
    /// every vendor library they need.
    static func files(forWidgets used: [String]) throws -> [String: Data] {
        var widgets: [String] = []
        for name in used where !widgets.contains(name) { widgets.append(name) }
        var files: [String: Data] = [:]
        for library in libraries(for: widgets) { files.merge(try library.files()) { a, _ in a } }
        if widgets.contains(where: { hasResource($0, "js") }) {
            for ext in ["js", "css"] { files["assets/widgets/\(kit).\(ext)"] = resource(kit, ext) }
        }
        for widget in widgets {
            for ext in ["js", "css"] { if let data = resource(widget, ext) { files["assets/widgets/\(widget).\(ext)"] = data } }
        }
        return files
    }
}
