/// A 3D view: points (and a surface) in three coordinates, with a frame for each position of a
/// slider. The page turns it into a WebGL scene the reader can rotate, and into a flat SVG drawing
/// with a table of its numbers where there is no WebGL, in print and in EPUB.
public struct Scene3DDisplay: Codable, Sendable, Hashable {
    /// What the scene shows; the renderer words its captions, tables and slider after it.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Token embeddings across training checkpoints (slider: checkpoint).
        case embeddings
        /// The loss over a plane with the training path on it (slider: a point of the path).
        case lossLandscape
        /// One head's queries and keys (slider: the query's position).
        case queryKey
    }

    /// A labelled point. `role` tells how it is drawn; `values` are the numbers its table row shows.
    public struct Point: Codable, Sendable, Hashable {
        public enum Role: String, Codable, Sendable, Hashable, CaseIterable { case token, marked, key, query, path }
        public var label: String
        public var x, y, z: Double
        public var role: Role
        public var values: [Double]
        public init(label: String, x: Double, y: Double, z: Double, role: Role, values: [Double] = []) {
            (self.label, self.x, self.y, self.z, self.role, self.values) = (label, x, y, z, role, values)
        }
    }

    /// What one slider position shows: its points, the one singled out (if any) and the numbers
    /// the caption reads (shares of variance, losses, ...).
    public struct Frame: Codable, Sendable, Hashable {
        public var value: Double
        public var points: [Point]
        public var highlight: Int?
        public var numbers: [Double]
        public init(value: Double, points: [Point], highlight: Int? = nil, numbers: [Double] = []) {
            (self.value, self.points, self.highlight, self.numbers) = (value, points, highlight, numbers)
        }
    }

    /// Heights over a grid: `heights[j][i]` at (`xs[i]`, `ys[j]`).
    public struct Surface: Codable, Sendable, Hashable {
        public var xs, ys: [Double]
        public var heights: [[Double]]
        public init(xs: [Double], ys: [Double], heights: [[Double]]) { (self.xs, self.ys, self.heights) = (xs, ys, heights) }
    }

    public var kind: Kind
    /// Numbers the whole scene shares (e.g. the shares of variance of the fitted axes).
    public var numbers: [Double]
    public var frames: [Frame]
    public var defaultFrame: Int
    public var surface: Surface?
    /// Draw the points as arrows from the origin (vectors whose direction matters).
    public var arrows: Bool
    /// Join the points in order with a line (a path).
    public var joined: Bool

    public init(kind: Kind, numbers: [Double] = [], frames: [Frame], defaultFrame: Int, surface: Surface? = nil,
                arrows: Bool = false, joined: Bool = false) {
        (self.kind, self.numbers, self.frames, self.defaultFrame) = (kind, numbers, frames, defaultFrame)
        (self.surface, self.arrows, self.joined) = (surface, arrows, joined)
    }
}
