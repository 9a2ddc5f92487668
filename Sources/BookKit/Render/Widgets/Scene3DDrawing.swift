import Foundation

/// The flat form of a 3D view: the scene seen from one fixed corner (an orthographic projection),
/// drawn as SVG. Print, EPUB and browsers without WebGL show it; the page script shows the same
/// coordinates in a WebGL scene the reader can turn.
struct Scene3DDrawing {
    let scene: Scene3DDisplay

    static let width = 360.0, height = 300.0
    /// The view the page's camera starts from (scene3d.js): azimuth 0.6 rad about the vertical
    /// axis, 1.1 rad down from it, so the drawing and the WebGL scene agree.
    private static let azimuth = 0.6, polar = 1.1

    /// Each coordinate's scale into the unit cube the scene is drawn in, the same for every
    /// frame (so that motion between frames is real motion): one scale for all three axes, except
    /// over a surface, whose heights get their own.
    struct Scales {
        var horizontal: Double
        var height: Double
        var lowest: Double

        init(_ scene: Scene3DDisplay) {
            let points = scene.frames.flatMap(\.points)
            if let surface = scene.surface {
                let flat = surface.xs.map(abs) + surface.ys.map(abs)
                horizontal = 1 / max(flat.max() ?? 1, 1e-12)
                let heights = surface.heights.joined() + points.map(\.z)
                lowest = heights.min() ?? 0
                height = 1.2 / max((heights.max() ?? 1) - lowest, 1e-12)
            } else {
                let largest = points.flatMap { [abs($0.x), abs($0.y), abs($0.z)] }.max() ?? 1
                horizontal = 1 / max(largest, 1e-12)
                height = horizontal
                lowest = 0
            }
        }

        /// A point in the unit cube: x, y across, z up (a surface's lowest height at -0.6).
        func unit(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
            if height != horizontal || lowest != 0 { return (x * horizontal, y * horizontal, (z - lowest) * height - 0.6) }
            return (x * horizontal, y * horizontal, z * height)
        }
    }

    /// The SVG position of a unit-cube point.
    private func project(_ p: (Double, Double, Double)) -> (x: Double, y: Double) {
        let (x, y, z) = p
        let across = x * cos(Self.azimuth) + y * sin(Self.azimuth)
        let up = z * sin(Self.polar) + (y * cos(Self.azimuth) - x * sin(Self.azimuth)) * cos(Self.polar)
        let scale = Self.height * 0.36
        return (Self.width / 2 + across * scale, Self.height / 2 - up * scale)
    }

    private func line(_ a: (Double, Double, Double), _ b: (Double, Double, Double), _ kind: String) -> String {
        let p = project(a), q = project(b)
        return "<line class=\"\(kind)\" x1=\"\(SVG.n(p.x))\" y1=\"\(SVG.n(p.y))\" x2=\"\(SVG.n(q.x))\" y2=\"\(SVG.n(q.y))\"/>"
    }

    /// The drawing of frame `index` (every frame's points, the current one marked, for a path).
    func svg(frame index: Int, id: String, title: String, description: String) -> String {
        let scales = Scales(scene)
        var body = ""
        let origin = (0.0, 0.0, scales.unit(0, 0, 0).2)
        for (axis, end) in [(0, (1.0, 0.0, 0.0)), (1, (0.0, 1.0, 0.0)), (2, (0.0, 0.0, 1.0))] {
            let tip = scene.surface == nil ? end : (end.0, end.1, end.2 == 0 ? origin.2 : 0.7)
            let start = scene.surface == nil ? (-end.0, -end.1, -end.2) : (-end.0, -end.1, end.2 == 0 ? origin.2 : -0.6)
            body += line(start, tip, "scene3d-axis")
            let at = project(tip)
            body += SVG.text(String(axis + 1), x: at.x, y: at.y - 3, className: "scene3d-axis-label")
        }
        if let surface = scene.surface {
            for (j, y) in surface.ys.enumerated() {
                let row = surface.xs.indices.map { i in project(scales.unit(surface.xs[i], y, surface.heights[j][i])) }
                body += polyline(row, "scene3d-mesh")
            }
            for (i, x) in surface.xs.enumerated() {
                let column = surface.ys.indices.map { j in project(scales.unit(x, surface.ys[j], surface.heights[j][i])) }
                body += polyline(column, "scene3d-mesh")
            }
        }
        guard scene.frames.indices.contains(index) else { return "" }
        let frame = scene.frames[index]
        if scene.joined {
            body += polyline(frame.points.map { project(scales.unit($0.x, $0.y, $0.z)) }, "scene3d-path")
        }
        // Grouped by role, so that each mark carries only its position (a frame has dozens).
        var marks: [String: String] = [:]
        for (k, point) in frame.points.enumerated() {
            let unit = scales.unit(point.x, point.y, point.z)
            let role = point.role.rawValue
            if scene.arrows { marks[role, default: ""] += line((0, 0, 0), unit, "scene3d-arrow") }
            let at = project(unit)
            let current = frame.highlight == k ? " class=\"scene3d-current\"" : ""
            marks[role, default: ""] += "<circle cx=\"\(SVG.n(at.x))\" cy=\"\(SVG.n(at.y))\" r=\"\(frame.highlight == k ? 5 : 3)\"\(current)/>"
            if !point.label.isEmpty {
                marks[role, default: ""] += "<text x=\"\(SVG.n(at.x + 5))\" y=\"\(SVG.n(at.y - 4))\"\(current)>\(HTML.escape(point.label))</text>"
            }
        }
        for role in Scene3DDisplay.Point.Role.allCases {
            if let content = marks[role.rawValue] { body += "<g class=\"scene3d-marks scene3d-\(role.rawValue)\">\(content)</g>" }
        }
        return SVG.frame(id: id, width: Self.width, height: Self.height, title: title, description: description,
                         kind: "scene3d", content: body)
    }

    private func polyline(_ points: [(x: Double, y: Double)], _ kind: String) -> String {
        "<polyline class=\"\(kind)\" points=\"" + points.map { "\(SVG.n($0.x)),\(SVG.n($0.y))" }.joined(separator: " ") + "\"/>"
    }
}
