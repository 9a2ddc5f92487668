/// An autograd graph drawn left to right: leaves on the left, the output on the right; every box
/// shows a value's label, operation, data and gradient, every arrow the local gradient it carries.
struct GraphChart: Sendable {
    /// One value of the graph.
    typealias Node = GraphNodeDisplay

    /// The values; edges go from each input to the node that uses it.
    var nodes: [Node]

    static let boxWidth = 136.0, boxHeight = 66.0, columnGap = 72.0, rowGap = 20.0

    /// Column of every node: one more than its furthest input; a leaf just before its first user.
    func columns() -> [Int: Int] {
        var column: [Int: Int] = [:]
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func visit(_ id: Int, _ depth: Int) -> Int {
            if let known = column[id] { return known }
            guard let node = byID[id], depth < 10_000 else { return 0 }
            column[id] = 0  // guards against a cycle in malformed input
            let c = node.inputs.isEmpty ? 0 : 1 + (node.inputs.map { visit($0, depth + 1) }.max() ?? 0)
            column[id] = c
            return c
        }
        for node in nodes { _ = visit(node.id, 0) }
        // A leaf sits just left of its first user, so constants stay next to where they are used.
        var firstUse: [Int: Int] = [:]
        for node in nodes {
            for input in node.inputs { firstUse[input] = min(firstUse[input] ?? Int.max, column[node.id] ?? 0) }
        }
        for node in nodes where node.inputs.isEmpty {
            if let use = firstUse[node.id] { column[node.id] = max(0, use - 1) }
        }
        return column
    }

    /// Node ids per column, ordered to keep edges short (a few barycenter sweeps).
    func layers() -> [[Int]] {
        let column = columns()
        let depth = (column.values.max() ?? 0) + 1
        var layers = Array(repeating: [Int](), count: depth)
        for node in nodes { layers[column[node.id] ?? 0].append(node.id) }
        var users: [Int: [Int]] = [:]
        for node in nodes { for input in node.inputs { users[input, default: []].append(node.id) } }
        let inputsOf = Dictionary(nodes.map { ($0.id, $0.inputs) }, uniquingKeysWith: { a, _ in a })
        func rank(_ layer: [Int]) -> [Int: Double] {
            Dictionary(layer.enumerated().map { ($0.element, Double($0.offset)) }, uniquingKeysWith: { a, _ in a })
        }
        for _ in 0..<3 {
            for c in stride(from: depth - 2, through: 0, by: -1) {
                let next = rank(layers[c + 1])
                layers[c] = sortByMean(layers[c]) { (users[$0] ?? []).compactMap { next[$0] } }
            }
            for c in 1..<max(depth, 1) {
                let previous = rank(layers[c - 1])
                layers[c] = sortByMean(layers[c]) { (inputsOf[$0] ?? []).compactMap { previous[$0] } }
            }
        }
        return layers
    }

    private func sortByMean(_ ids: [Int], neighbours: (Int) -> [Double]) -> [Int] {
        ids.enumerated().map { (offset, id) -> (Int, Double) in
            let ns = neighbours(id)
            return (id, ns.isEmpty ? Double(offset) : ns.reduce(0, +) / Double(ns.count))
        }.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element.0)
    }

    /// The chart as an accessible SVG.
    func svg(_ style: PageStyle = PageStyle()) -> String {
        let (words, format, ids) = (style.words, style.format, style.ids)
        let layers = layers()
        let tallest = layers.map(\.count).max() ?? 1
        let bw = GraphChart.boxWidth, bh = GraphChart.boxHeight, gap = GraphChart.columnGap, rg = GraphChart.rowGap
        let width = 16 + Double(layers.count) * (bw + gap) - gap + 16
        let height = 16 + Double(tallest) * (bh + rg) - rg + 16
        var position: [Int: (x: Double, y: Double)] = [:]
        for (c, layer) in layers.enumerated() {
            let offset = Double(tallest - layer.count) / 2
            for (r, id) in layer.enumerated() {
                position[id] = (16 + Double(c) * (bw + gap), 16 + (Double(r) + offset) * (bh + rg))
            }
        }
        let id = ids.unique(SVG.chartID("graph", nodes.map { "\($0.id),\($0.label),\($0.operation),\($0.data),\($0.grad),\($0.inputs)" }))
        var edges = "", labels = "", boxes = ""
        for node in nodes {
            guard let to = position[node.id] else { continue }
            for (k, input) in node.inputs.enumerated() {
                guard let from = position[input] else { continue }
                let x1 = from.x + bw, y1 = from.y + bh / 2
                let spread = Double(k) - Double(node.inputs.count - 1) / 2
                let x2 = to.x - 2, y2 = to.y + bh / 2 + spread * 14
                let mid = (x1 + x2) / 2
                edges += "<path class=\"edge\" marker-end=\"url(#\(id)-arrow)\" d=\"M\(SVG.n(x1)) \(SVG.n(y1))C\(SVG.n(mid)) \(SVG.n(y1)) \(SVG.n(mid)) \(SVG.n(y2)) \(SVG.n(x2)) \(SVG.n(y2))\"/>"
                if k < node.localGradients.count {
                    let lx = x1 + (x2 - x1) * 0.5, ly = (y1 + y2) / 2 - 5
                    labels += SVG.text(format.string(node.localGradients[k]), x: lx, y: ly, className: "edge-label")
                }
            }
            let x = to.x, y = to.y
            boxes += "<g class=\"node\"><rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(bw))\" height=\"\(SVG.n(bh))\" rx=\"8\"/>"
            boxes += SVG.text(node.label, x: x + 10, y: y + 20, anchor: "start", className: "node-label")
            if !node.operation.isEmpty {
                // Wide enough for "* -1.0" or "pow -0.5" at the badge's 11 px.
                let width = max(40, Double(node.operation.count) * 6.6 + 10)
                boxes += "<rect class=\"op\" x=\"\(SVG.n(x + bw - 6 - width))\" y=\"\(SVG.n(y + 6))\" width=\"\(SVG.n(width))\" height=\"19\" rx=\"9.5\"/>"
                boxes += SVG.text(node.operation, x: x + bw - 6 - width / 2, y: y + 19.5, className: "op-text")
            }
            boxes += SVG.text("data " + format.string(node.data), x: x + 10, y: y + 40, anchor: "start", className: "node-data")
            boxes += SVG.text("grad " + format.string(node.grad), x: x + 10, y: y + 57, anchor: "start", className: "node-grad")
            boxes += "</g>"
        }
        let defs = "<defs><marker id=\"\(id)-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"arrowhead\" d=\"M0 0L10 5L0 10z\"/></marker></defs>"
        let used = Set(nodes.flatMap(\.inputs))
        let output = nodes.last { !used.contains($0.id) }
        let outputName = output.map { $0.label.isEmpty ? $0.operation : $0.label } ?? ""
        let title = words.graphTitle
        let description = words.filled(words.graphDescription, .count(nodes.count), .text(outputName))
        return SVG.frame(id: id, width: width, height: height, title: title, description: description,
                         kind: "graph", content: defs + edges + boxes + labels)
    }
}
