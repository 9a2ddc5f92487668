@testable import BookKit
import BookTestSupport
import Foundation
import Testing

/// A 3D view's page form: the WebGL part and its data only where scripts run; the flat drawing and
/// the table of numbers always; words and numbers in the page's language.
@Suite(.ownThreads) struct Scene3DWidgetTests {
    static let scene = Scene3DDisplay(kind: .embeddings, numbers: [0.5, 0.25, 0.125], frames: [
        .init(value: 0, points: [.init(label: "a", x: 1, y: 0, z: 0, role: .token), .init(label: "⟨BOS⟩", x: 0, y: -1, z: 0.5, role: .marked)],
              numbers: [0.1, 0.05, 0.025]),
        .init(value: 1000, points: [.init(label: "a", x: 2, y: 0, z: 0, role: .token), .init(label: "⟨BOS⟩", x: 0, y: -2, z: 1, role: .marked)],
              numbers: [0.5, 0.25, 0.125]),
    ], defaultFrame: 1)

    @Test func theEBookGetsTheDrawingAndTheTableOnly() throws {
        let html = try #require(Presenter.rich(.scene3D(Self.scene), language: "en", ids: PageIDs(), interactive: false))
        #expect(!html.contains("<script"))
        #expect(!html.contains("scene3d-live"))
        #expect(!html.contains("<input"))
        #expect(!html.contains("<details"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<table"))
        // The default frame's drawing alone, and no boolean attribute (EPUB is XHTML).
        #expect(html.components(separatedBy: "class=\"scene3d-drawing\"").count == 2)
        #expect(html.contains("data-index=\"1\">"))
        #expect(!html.contains(" hidden"))
        #expect(html.contains("Token embeddings after 1,000\u{00A0}steps"))
        #expect(html.contains("50.0%, 25.0% and 12.5% of the variance, 87.5% together"))
    }

    @Test func thePageGetsTheSceneDataAndTheControlsInItsLanguage() throws {
        let html = try #require(Presenter.rich(.scene3D(Self.scene), language: "ru", ids: PageIDs(), interactive: true))
        #expect(html.contains("data-widget=\"scene3d\""))
        #expect(html.contains("<script type=\"application/json\" class=\"scene3d-data\">"))
        #expect(html.contains("Вернуть вид"))
        #expect(html.contains("Эмбеддинги токенов после 1\u{00A0}000\u{00A0}шагов"))
        #expect(html.contains("50,0\u{00A0}%"))
        #expect(WidgetAssets.libraries(for: WidgetAssets.widgets(in: html)).map(\.name) == ["three"])
        let json = try #require(html.components(separatedBy: "class=\"scene3d-data\">").last?.components(separatedBy: "</script>").first)
        let data = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let frames = try #require(data?["frames"] as? [[String: Any]])
        #expect(frames.count == 2)
        #expect((frames[1]["points"] as? [[String]])?.first == ["a", "2.0", "0.0", "0.0", "token"])
    }

    /// The figure is drawn once and kept; the same view twice on a page still gets two ids, and
    /// the second figure is the first with its id changed.
    @Test func theSameViewTwiceOnAPageIsDrawnOnceWithTwoIDs() throws {
        let ids = PageIDs()
        let first = try #require(Presenter.rich(.scene3D(Self.scene), language: "et", ids: ids, interactive: true))
        let second = try #require(Presenter.rich(.scene3D(Self.scene), language: "et", ids: ids, interactive: true))
        let id = try #require(first.firstMatch(of: #/<figure class="widget scene3d" data-widget="scene3d" id="([^"]+)">/#).map { String($0.1) })
        #expect(second.contains("id=\"\(id)-2\""))
        #expect(second == first.replacingOccurrences(of: id, with: id + "-2"))
    }
}

/// A widget's drawn text kept by what it is drawn from: drawn once per key, again for another key.
@Test func aWidgetMemoDrawsEachKeyOnce() {
    let memo = WidgetMemo<String>(capacity: 2)
    var drawn = 0
    func text(_ key: String) -> String { memo.text(key) { drawn += 1; return key.uppercased() } }
    #expect(text("a") == "A" && text("a") == "A" && drawn == 1)
    #expect(text("b") == "B" && drawn == 2)
    #expect(text("c") == "C" && drawn == 3)  // over capacity: the memo starts afresh
    #expect(text("c") == "C" && drawn == 3)
}
