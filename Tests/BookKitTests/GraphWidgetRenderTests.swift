import Foundation
import Testing
@testable import BookKit

/// (a + b) · c with its sweep, as the MicroGPT binding would describe it.
private let sweep = GraphSweepDisplay(
    nodes: [
        GraphNodeDisplay(id: 0, label: "a", operation: "", data: 2, grad: 10, inputs: [], localGradients: []),
        GraphNodeDisplay(id: 1, label: "b</script>", operation: "", data: -3, grad: 10, inputs: [], localGradients: []),
        GraphNodeDisplay(id: 2, label: "e", operation: "+", data: -1, grad: 10, inputs: [0, 1], localGradients: [1, 1]),
        GraphNodeDisplay(id: 3, label: "c", operation: "", data: 10, grad: -1, inputs: [], localGradients: []),
        GraphNodeDisplay(id: 4, label: "L", operation: "*", data: -10, grad: 1, inputs: [2, 3], localGradients: [10, -1]),
    ],
    forward: [0, 1, 3, 2, 4], backward: [4, 3, 2, 1, 0],
    changes: [[.init(node: 2, grad: 10), .init(node: 3, grad: -1)], [], [.init(node: 0, grad: 10), .init(node: 1, grad: 10)], [], []],
    groups: [GraphGroupDisplay(node: 4, members: [2])])

private let map = BlockMapDisplay(
    stations: [
        .init(key: "embedding", title: "wte + wpe", shape: "2 + 2 → 2", group: "embedding", layer: 0, rows: 1, perToken: false, link: "#a"),
        .init(key: "weights", title: "softmax", shape: "2 × (position + 1)", group: "attention", layer: 0, rows: 2, perToken: false, link: "#b"),
    ],
    texts: [.init(name: "ab", inputs: ["⟨BOS⟩", "a"], targets: ["a", "b"],
                  values: [[[0.5, -0.25], [1, 1]], [[0.125, -2.5], [0.25, 0.75, 0.5, 0.5]]])],
    symbols: ["a", "b", "⟨BOS⟩"], defaultText: 0, defaultPosition: 1)

private func html(_ display: Display, language: String = "en", interactive: Bool = true) -> String {
    Presenter.rich(display, language: language, ids: PageIDs(), interactive: interactive) ?? ""
}

@Test func sweepPageCarriesTheStaticGraphControlsAndTheRecordedSweep() throws {
    let page = html(.graphSweep(sweep))
    #expect(page.contains("data-widget=\"graph-sweep\""))
    #expect(page.contains("<svg class=\"chart chart-graph\""))  // the static picture stays for print
    #expect(page.contains("max=\"11\""))  // five forward steps, the seed, five visits
    #expect(!page.contains("b</script>"))  // a label cannot end the data early
    let json = try #require(page.components(separatedBy: "class=\"widget-data\">").last?.components(separatedBy: "</script>").first)
    let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(data["forward"] as? [Int] == [0, 1, 3, 2, 4])
    #expect(data["changes"] as? [[[Double]]] == [[[2, 10], [3, -1]], [], [[0, 10], [1, 10]], [], []])
    #expect((data["nodes"] as? [[String: Any]])?[1]["label"] as? String == "b</script>")
}

@Test func sweepWithoutScriptsIsTheStaticGraphAlone() {
    let page = html(.graphSweep(sweep), interactive: false)
    #expect(!page.contains("<script") && !page.contains("data-widget"))
    #expect(page.contains("<svg class=\"chart chart-graph\""))
}

@Test func blockMapShowsEveryStationAndTheDefaultNumbersInTheReadersLanguage() {
    let page = html(.blockMap(map), language: "ru")
    #expect(page.contains("data-widget=\"block-map\""))
    #expect(page.contains("<button type=\"button\" class=\"station\" data-station=\"1\""))
    #expect(page.contains("<td>0,125 −2,5</td>"))
    #expect(page.contains("<td>0,25 0,75 | 0,5 0,5</td>"))  // a row per head
    #expect(page.contains("Все станции для «ab» на позиции 1"))
    let still = html(.blockMap(map), interactive: false)
    #expect(!still.contains("<script") && !still.contains("<button") && still.contains("<td>0.125 −2.5</td>"))
}
