import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// The 3D views: token embeddings across training, the loss landscape with the training path,
    /// one head's queries and keys. Each reads a run's kept checkpoints, so nothing is trained again.
    func registerViews3D(in library: Library) {
        library.function("func EmbeddingMap(run: TrainingRun) -> EmbeddingMap") { a in
            let run: TrainingRun = try a(0)
            try EngineCost.charge(a, numbers: EngineCost.product(run.checkpoints.count, run.model.shape("wte")?.count ?? 0))
            return EmbeddingMap(run: run)
        }
        library.properties(EmbeddingMap.self, ["steps": \.steps, "symbols": \.symbols, "shares": \.shares, "explained": \.explained,
                                               "coordinates": \.coordinates, "finalShares": \.finalShares])

        library.function("func LossLandscape(run: TrainingRun, batch: Int, grid: Int) throws -> LossLandscape") { a in
            let run: TrainingRun = try a(0), batch: Int = try a(1), grid: Int = try a(2)
            guard (1...64).contains(batch), batch <= run.documents.count else {
                throw StepFailure("batch must be between 1 and \(min(64, run.documents.count)), got \(batch)")
            }
            guard (2...41).contains(grid) else { throw StepFailure("grid must be between 2 and 41, got \(grid)") }
            let documents = Array(run.documents.suffix(batch))
            let positions = documents.reduce(0) { $0 + min(run.config.blockSize, $1.unicodeScalars.count + 1) }
            try EngineCost.charge(a, numbers: EngineCost.product(run.checkpoints.count + 2, run.model.parameterCount))
            try EngineCost.charge(a, parameters: run.model.parameterCount, positions: positions,
                                  runs: grid * grid + 2 * run.checkpoints.count)
            return try LossLandscape(run: run, batch: batch, grid: grid)
        }
        library.properties(LossLandscape.self, ["steps": \.steps, "documents": \.documents, "directionShares": \.directionShares,
                                                "alphas": \.alphas, "betas": \.betas, "losses": \.losses,
                                                "pathAlphas": \.pathAlphas, "pathBetas": \.pathBetas,
                                                "pathPlaneLosses": \.pathPlaneLosses, "pathLosses": \.pathLosses,
                                                "lowest": \.lowest])

        library.function("func QueryKeySpace(model: GPT, text: String, layer: Int = 0, head: Int) throws -> QueryKeySpace") { a in
            let model: GPT = try a(0), text: String = try a(1)
            try EngineCost.charge(a, parameters: model.parameterCount, positions: try whole(text, in: model))
            return try QueryKeySpace(model: model, text: text, layer: try a(2), head: try a(3))
        }
        library.properties(QueryKeySpace.self, ["symbols": \.symbols, "layer": \.layer, "head": \.head, "queries": \.queries,
                                                "keys": \.keys, "scores": \.scores, "weights": \.weights,
                                                "queryPoints": \.queryPoints, "keyPoints": \.keyPoints, "kept": \.kept,
                                                "strongest": \.strongest])
    }
}

extension Scene3DDisplay {
    /// The embeddings at every checkpoint; the trained model's frame first on screen.
    init(_ map: EmbeddingMap) {
        let bos = map.symbols.count - 1
        let frames = map.steps.indices.map { i in
            Frame(value: Double(map.steps[i]),
                  points: map.coordinates[i].enumerated().map { token, c in
                      Point(label: map.symbols[token], x: c[0], y: c[1], z: c[2], role: token == bos ? .marked : .token)
                  },
                  numbers: map.shares[i])
        }
        self.init(kind: .embeddings, numbers: map.finalShares, frames: frames, defaultFrame: frames.count - 1)
    }

    /// The landscape as a surface, with the path on it; each frame singles out one checkpoint.
    init(_ landscape: LossLandscape) {
        let path = landscape.steps.indices.map { i in
            Point(label: i == 0 || i == landscape.steps.count - 1 ? String(landscape.steps[i]) : "",
                  x: landscape.pathAlphas[i], y: landscape.pathBetas[i], z: landscape.pathPlaneLosses[i], role: .path,
                  values: [Double(landscape.steps[i]), landscape.pathAlphas[i], landscape.pathBetas[i],
                           landscape.pathPlaneLosses[i], landscape.pathLosses[i]])
        }
        let frames = path.indices.map { i in
            Frame(value: Double(landscape.steps[i]), points: path, highlight: i,
                  numbers: [landscape.pathAlphas[i], landscape.pathBetas[i], landscape.pathPlaneLosses[i], landscape.pathLosses[i]])
        }
        self.init(kind: .lossLandscape, numbers: landscape.directionShares, frames: frames, defaultFrame: frames.count - 1,
                  surface: Surface(xs: landscape.alphas, ys: landscape.betas, heights: landscape.losses), joined: true)
    }

    /// One frame per query position: its keys so far and the query, as arrows.
    init(_ space: QueryKeySpace) {
        let strongest = space.strongest
        let frames = space.symbols.indices.map { p in
            let keys = (0...p).map { k in
                Point(label: space.symbols[k], x: space.keyPoints[k][0], y: space.keyPoints[k][1], z: space.keyPoints[k][2],
                      role: .key, values: [space.scores[p][k], space.weights[p][k]])
            }
            let query = Point(label: space.symbols[p], x: space.queryPoints[p][0], y: space.queryPoints[p][1],
                              z: space.queryPoints[p][2], role: .query)
            return Frame(value: Double(p), points: keys + [query], highlight: strongest[p],
                         numbers: [Double(p), Double(strongest[p]), space.weights[p][strongest[p]]])
        }
        self.init(kind: .queryKey, numbers: [space.kept, Double(space.layer), Double(space.head)], frames: frames,
                  defaultFrame: frames.count - 1, arrows: true)
    }
}
