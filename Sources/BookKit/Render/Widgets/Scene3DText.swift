/// The words of a 3D view in one language: each frame's title and readout, the table of its
/// numbers (the view's text alternative), and the slider's label and values.
struct Scene3DText {
    let scene: Scene3DDisplay
    let words: InterfaceText.Scene3DWords
    let format: NumberFormat
    private let interface: InterfaceText

    init(scene: Scene3DDisplay, language: String) {
        self.scene = scene
        interface = InterfaceText.forLanguage(language)
        words = interface.scene3D
        format = NumberFormat(language: language)
    }

    private func percent(_ share: Double) -> String {
        interface.filled(words.percent, .text(format.fixed(100 * share, decimals: 1)))
    }
    private func number(_ frame: Int, _ k: Int) -> Double {
        scene.frames.indices.contains(frame) && scene.frames[frame].numbers.indices.contains(k) ? scene.frames[frame].numbers[k] : .nan
    }
    private func shared(_ k: Int) -> Double { scene.numbers.indices.contains(k) ? scene.numbers[k] : .nan }
    private func step(_ frame: Int) -> Int { scene.frames.indices.contains(frame) ? Int(scene.frames[frame].value) : 0 }

    /// The same table serves every frame (the landscape's path is all in one table).
    var tablesShared: Bool { scene.kind == .lossLandscape }

    var sliderLabel: String {
        switch scene.kind {
        case .embeddings, .lossLandscape: return words.stepSlider
        case .queryKey: return words.querySlider
        }
    }

    var axisNames: [String] {
        switch scene.kind {
        case .embeddings, .queryKey: return ["1", "2", "3"]
        case .lossLandscape: return ["1", "2", interface.lossAxis]
        }
    }

    func valueLabel(_ frame: Int) -> String {
        switch scene.kind {
        case .embeddings, .lossLandscape: return format.integer(step(frame))
        case .queryKey:
            let label = scene.frames[frame].points.last?.label ?? ""
            return format.integer(step(frame)) + " (" + label + ")"
        }
    }

    func title(_ frame: Int) -> String {
        switch scene.kind {
        case .embeddings: return interface.filled(words.embeddingsTitle, .count(step(frame)))
        case .lossLandscape: return words.landscapeTitle
        case .queryKey:
            return interface.filled(words.queryKeyTitle, .text(format.integer(Int(shared(1)))), .text(format.integer(Int(shared(2)))))
        }
    }

    func readout(_ frame: Int) -> String {
        switch scene.kind {
        case .embeddings:
            let shares = (0..<3).map { number(frame, $0) }
            return interface.filled(words.embeddingsReadout, .text(percent(shares[0])), .text(percent(shares[1])),
                                    .text(percent(shares[2])), .text(percent(shares.reduce(0, +))))
        case .lossLandscape:
            return interface.filled(words.landscapeReadout, .text(percent(shared(0))), .text(percent(shared(1))),
                                    .count(step(frame)), .text(format.fixed(number(frame, 2), decimals: 4)),
                                    .text(format.fixed(number(frame, 3), decimals: 4)))
        case .queryKey:
            let points = scene.frames[frame].points
            let strongest = Int(number(frame, 1))
            let query = points.last?.label ?? "", key = points.indices.contains(strongest) ? points[strongest].label : ""
            return interface.filled(words.queryKeyReadout, .text(format.integer(step(frame))), .text(query),
                                    .text(format.integer(strongest)), .text(key), .text(format.fixed(number(frame, 2), decimals: 4)),
                                    .text(percent(shared(0))))
        }
    }

    func table(_ frame: Int) -> String {
        let points = scene.frames[frame].points
        let three = { (x: Double) in format.fixed(x, decimals: 3) }
        switch scene.kind {
        case .embeddings:
            return Tables.rows(caption: title(frame), header: [words.tokenColumn, "1", "2", "3"],
                               rows: points.map { [$0.label, three($0.x), three($0.y), three($0.z)] })
        case .lossLandscape:
            return Tables.rows(caption: words.landscapeTitle,
                               header: [interface.stepAxis, words.firstDirection, words.secondDirection, words.planeLoss, words.modelLoss],
                               rows: points.map { p in
                                   let v = { (k: Int) in p.values.indices.contains(k) ? p.values[k] : .nan }
                                   return [format.integer(Int(v(0))), three(v(1)), three(v(2)),
                                           format.fixed(v(3), decimals: 4), format.fixed(v(4), decimals: 4)]
                               })
        case .queryKey:
            let keys = points.filter { $0.role == .key }
            return Tables.rows(caption: title(frame) + " · " + valueLabel(frame),
                               header: [interface.positionColumn, interface.keyAxis, words.score, words.weight],
                               rows: keys.enumerated().map { k, p in
                                   [format.integer(k), p.label, format.fixed(p.values.first ?? .nan, decimals: 4),
                                    format.fixed(p.values.count > 1 ? p.values[1] : .nan, decimals: 4)]
                               })
        }
    }
}
