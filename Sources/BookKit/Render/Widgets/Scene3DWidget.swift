import Foundation

/// A 3D view as the page holds it: a figure with (a) the flat SVG drawing of each slider position
/// and a table of the numbers, readable without scripts, and (b) the scene's coordinates as JSON,
/// which `Resources/widgets/scene3d.js` draws with three.js when the browser has WebGL.
struct Scene3DWidget: Hashable, Sendable {
    let scene: Scene3DDisplay
    let language: String
    let interactive: Bool

    private var words: InterfaceText.Scene3DWords { InterfaceText.forLanguage(language).scene3D }

    /// The figure; everything in it but its id depends on the widget alone, so a page drawn
    /// again reuses it (the flat drawings and number tables take most of a 3D page's drawing).
    func html(ids: PageIDs) -> String {
        guard !scene.frames.isEmpty else { return "" }
        let id = ids.unique(Self.ids.text(self) {
            SVG.chartID("scene3d", [scene.kind.rawValue, String(scene.frames.count)]
                + scene.frames.flatMap { $0.points.map { "\($0.label)\($0.x)\($0.y)\($0.z)" } })
        })
        return Self.figures.text(Drawn(widget: self, id: id)) { figure(id: id) }
    }

    private struct Drawn: Hashable, Sendable {
        var widget: Scene3DWidget
        var id: String
    }
    private static let ids = WidgetMemo<Scene3DWidget>()
    private static let figures = WidgetMemo<Drawn>()

    private func figure(id: String) -> String {
        let chosen = min(max(scene.defaultFrame, 0), scene.frames.count - 1)
        let text = Scene3DText(scene: scene, language: language)
        let drawing = Scene3DDrawing(scene: scene)
        // The loss landscape's drawing shows the whole path at once: one drawing serves every frame.
        // Without scripts (EPUB) only the default frame: nothing could reveal the others.
        let drawn = scene.kind == .lossLandscape || !interactive ? [chosen] : Array(scene.frames.indices)
        var html = "<figure class=\"widget scene3d\" data-widget=\"scene3d\" id=\"\(id)\">"
        if interactive {
            html += "<script type=\"application/json\" class=\"scene3d-data\">\(json(text, chosen: chosen))</script>"
            html += "<div class=\"scene3d-live\" hidden>"
            html += "<div class=\"scene3d-stage\" tabindex=\"0\" role=\"application\" aria-roledescription=\"\(HTML.escape(words.view))\" "
            html += "aria-label=\"\(HTML.escape(text.title(chosen) + ". " + words.keys))\" aria-describedby=\"\(id)-readout\"></div>"
            html += "<div class=\"scene3d-buttons\"><button type=\"button\" class=\"scene3d-reset\">\(HTML.escape(words.reset))</button>"
            html += "<span class=\"scene3d-hint\">\(HTML.escape(words.keys))</span></div></div>"
        }
        html += "<div class=\"scene3d-static\">"
        for index in drawn {
            let hidden = drawn.count > 1 && index != chosen ? " hidden" : ""
            let svg = drawing.svg(frame: index, id: "\(id)-svg-\(index)", title: text.title(index), description: text.readout(index))
            html += "<div class=\"scene3d-drawing\" data-index=\"\(index)\"\(hidden)>\(svg)</div>"
        }
        html += "</div>"
        if interactive && scene.frames.count > 1 {
            html += "<div class=\"scene3d-slider\" hidden><label for=\"\(id)-input\">\(HTML.escape(text.sliderLabel))</label>"
            html += "<input type=\"range\" id=\"\(id)-input\" min=\"0\" max=\"\(scene.frames.count - 1)\" step=\"1\" value=\"\(chosen)\">"
            html += "<output for=\"\(id)-input\">\(HTML.escape(text.valueLabel(chosen)))</output></div>"
        }
        html += "<figcaption><span class=\"scene3d-title\">\(HTML.escape(text.title(chosen)))</span> "
        html += "<span class=\"scene3d-readout\" id=\"\(id)-readout\" aria-live=\"polite\">\(HTML.escape(text.readout(chosen)))</span>"
        // The text alternative: every number of the frame shown, in a table.
        let tables = text.tablesShared || !interactive ? [chosen] : Array(scene.frames.indices)
        html += interactive ? "<details class=\"scene3d-numbers\"><summary>\(HTML.escape(words.numbers))</summary>" : "<div class=\"scene3d-numbers\">"
        for index in tables {
            let hidden = tables.count > 1 && index != chosen ? " hidden" : ""
            html += "<div class=\"scene3d-table\" data-index=\"\(index)\"\(hidden)>\(text.table(index))</div>"
        }
        html += interactive ? "</details>" : "</div>"
        // The caption holds the table too: a figure's caption must be its first or last child.
        html += "</figcaption>"
        return html + "</figure>"
    }

    /// What the script needs: coordinates (rounded to what a screen can show), roles, labels, and
    /// each frame's title, readout and slider label in the page's language.
    private func json(_ text: Scene3DText, chosen: Int) -> String {
        struct Payload: Encodable {
            var kind: String
            var arrows, joined: Bool
            var initial: Int
            var frames: [FramePayload]
            var surface: SurfacePayload?
            var axes: [String]
        }
        struct FramePayload: Encodable {
            var points: [[String]]
            var highlight: Int?
            var title, readout, value: String
        }
        struct SurfacePayload: Encodable { var xs, ys: [Double]; var heights: [[Double]] }
        func r(_ x: Double) -> Double { x.isFinite ? (x * 10_000).rounded() / 10_000 : 0 }
        let frames = scene.frames.indices.map { i in
            FramePayload(points: scene.frames[i].points.map { p in [p.label, String(r(p.x)), String(r(p.y)), String(r(p.z)), p.role.rawValue] },
                         highlight: scene.frames[i].highlight, title: text.title(i), readout: text.readout(i), value: text.valueLabel(i))
        }
        let surface = scene.surface.map { SurfacePayload(xs: $0.xs.map(r), ys: $0.ys.map(r), heights: $0.heights.map { $0.map(r) }) }
        let payload = Payload(kind: scene.kind.rawValue, arrows: scene.arrows, joined: scene.joined, initial: chosen,
                              frames: frames, surface: surface, axes: text.axisNames)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(payload)) ?? Data("{}".utf8)
        // Inside <script>, "</" must not appear; JSONEncoder escapes nothing of it by itself.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }
}
