import Foundation
import MicroGPT
import Testing

/// The engine behind the 3D views: principal axes, the embedding map, the loss landscape and the
/// query-key space, checked against what they must be by construction.
struct Views3DTests {
    @Test func principalAxesFindTheSpreadAndPointTheFarthestRowPositive() {
        // Rows spread mostly along (1, 1, 0), less along (1, −1, 0), not at all along z.
        let rows: [[Double]] = [[3, 3, 0], [-3, -3, 0], [1, -1, 0], [-1, 1, 0], [-2, -2, 0]]
        let pca = PrincipalAxes(fitting: rows, count: 3)
        let mean = rows.reduce([0.0, 0, 0]) { s, r in zip(s, r).map { $0 + $1 / Double(rows.count) } }
        #expect(pca.mean == mean)
        let first = pca.axes[0]
        #expect(abs(abs(first[0]) - 0.5.squareRoot()) < 1e-12 && abs(first[0] - first[1]) < 1e-12 && abs(first[2]) < 1e-12)
        // The farthest row along each axis reads positive.
        for axis in pca.axes.indices.prefix(2) {
            let coordinates = rows.map { pca.project($0)[axis] }
            let farthest = coordinates.max { abs($0) < abs($1) } ?? 0
            #expect(farthest > 0)
        }
        #expect(abs(pca.shares.reduce(0, +) - 1) < 1e-12)
        #expect(pca.shares[0] > pca.shares[1] && pca.shares[2] < 1e-12)
        // Unit, orthogonal axes.
        for i in 0..<3 { for j in 0..<3 { #expect(abs(dot(pca.axes[i], pca.axes[j]) - (i == j ? 1 : 0)) < 1e-9) } }
    }

    @Test func fewRowsOfManyNumbersGiveTheSameAxesAsTheScatterMatrix() {
        // 3 rows of 5 numbers go through the Gram matrix; 6 rows of the same 5 through the scatter matrix.
        let rows: [[Double]] = [[1, 2, 0, -1, 3], [0, 1, 1, 2, -2], [2, -1, 0, 1, 0]]
        let wide = PrincipalAxes(fitting: rows, count: 2)
        let doubled = PrincipalAxes(fitting: rows + rows, count: 2)
        for k in 0..<2 {
            #expect(abs(abs(dot(wide.axes[k], doubled.axes[k])) - 1) < 1e-9)
            #expect(abs(wide.variances[k] - doubled.variances[k]) < 1e-9)
        }
    }

    @Test func theViewsOfTheDefaultRunAgreeWithTheRun() throws {
        let run = try TrainingRun(dataset: try Fixture.names())
        #expect(run.checkpoints == Array(stride(from: 0, through: 1000, by: 50)))

        let map = EmbeddingMap(run: run)
        #expect(map.steps == run.checkpoints)
        #expect(map.symbols.count == run.tokenizer.vocabularySize)
        // At the end the fixed axes are the final model's own: their shares are its PCA shares.
        for k in 0..<3 { #expect(abs(map.shares[map.steps.count - 1][k] - map.finalShares[k]) < 1e-12) }
        #expect(map.explained.allSatisfy { $0 > 0 && $0 < 1 })

        let landscape = try LossLandscape(run: run, batch: 4, grid: 5)
        #expect(landscape.documents == Array(run.documents.suffix(4)))
        #expect(landscape.losses.count == 5 && landscape.losses.allSatisfy { $0.count == 5 })
        // The path ends at the trained model, which lies on the plane: both losses are its loss.
        let last = landscape.steps.count - 1
        #expect(landscape.pathAlphas[last] == 0 && landscape.pathBetas[last] == 0)
        let trained = landscape.documents.map { try? run.model.loss($0) }.compactMap { $0 }.reduce(0, +) / 4
        #expect(abs(landscape.pathLosses[last] - trained) < 1e-12)
        #expect(landscape.pathPlaneLosses[last] == landscape.pathLosses[last])
        let untrained = landscape.documents.map { try? run.initialModel.loss($0) }.compactMap { $0 }.reduce(0, +) / 4
        #expect(abs(landscape.pathLosses[0] - untrained) < 1e-12)
        #expect(landscape.directionShares[0] >= landscape.directionShares[1])

        let space = try QueryKeySpace(model: run.model, text: "anna", head: 3)
        let maps = try run.model.attention("anna")
        #expect(space.weights == maps[3].weights)
        #expect(space.kept > 0.9 && space.kept <= 1 + 1e-12)
        #expect(throws: InferenceError.self) { try QueryKeySpace(model: run.model, text: "anna", head: 4) }
    }

    /// What chapter 05 says about its two views (with its own arguments) holds.
    @Test func theTrainingChaptersClaimsHold() throws {
        let run = try TrainingRun(dataset: try Fixture.names())
        let map = EmbeddingMap(run: run)
        let last = map.coordinates[map.steps.count - 1]
        // The vowels lie farthest out on the first axis's positive side.
        let farthest = last.indices.sorted { last[$0][0] > last[$1][0] }.prefix(5).map { map.symbols[$0] }
        #expect(Set(farthest) == ["a", "e", "i", "o", "u"])
        // At step 0 the three axes hold little more than three random directions' 3/16.
        #expect(map.explained[0] > 3.0 / 16 && map.explained[0] < 0.3)

        let landscape = try LossLandscape(run: run, batch: 16, grid: 21)
        let gaps = landscape.steps.indices.map { abs(landscape.pathLosses[$0] - landscape.pathPlaneLosses[$0]) }
        #expect(gaps.indices.max { gaps[$0] < gaps[$1] } == 0)
        let end = landscape.steps.count - 1
        #expect(landscape.lowest < landscape.pathLosses[end])
        #expect(run.documents.count - landscape.documents.count >= run.config.steps)
    }
}
