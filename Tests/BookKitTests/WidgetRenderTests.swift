import BookTestSupport
import Foundation
import Testing
@testable import BookKit

/// The widgets' static forms and embedded data: readable without scripts, no script data in EPUB,
/// numbers written as JavaScript writes them.
@Suite(.ownThreads) struct WidgetRenderTests {
    @Test func numbersAreWrittenAsJavaScriptWritesThem() {
        #expect(WidgetJSON.number(0.123456) == "0.1235")
        #expect(WidgetJSON.number(-0.0000123456) == "-0.00001235")
        #expect(WidgetJSON.number(1.5e-7) == "1.5e-7")
        #expect(WidgetJSON.number(2) == "2")
        #expect(WidgetJSON.number(123456) == "123500")
        #expect(WidgetJSON.number(-0.0) == "0")
        #expect(WidgetJSON.number(.nan) == "null")
        #expect(WidgetJSON.json(-0.0000123456) == "-1.235e-5")
        #expect(WidgetJSON.json(0.25) == "0.25")
        #expect(WidgetJSON.shown(-0.25, separator: ",") == "−0,25")
        #expect(WidgetJSON.string("</script>\"") == "\"\\u003c/script\\u003e\\\"\"")
    }

    static let lab = AttentionLabDisplay(layer: 0, headSize: 2, root: 2.0.squareRoot(), texts: [
        .init(text: "ab", inDataset: true, symbols: ["⟨BOS⟩", "a", "b"], heads: [
            .init(queries: [[1, 0], [0, 1], [1, 1]], keys: [[0.5, 0], [0, 0.5], [1, 0]], values: [[1, 2], [3, 4], [5, 6]],
                  dots: [[0.5], [0, 0.5], [0.5, 0.5, 1]], scores: [[0.35], [0, 0.35], [0.35, 0.35, 0.71]],
                  weights: [[1], [0.41, 0.59], [0.28, 0.28, 0.44]], outputs: [[1, 2], [2.18, 3.18], [3.32, 4.32]]),
        ]),
    ])

    @Test func attentionLabShowsItsFirstTextWithoutScriptsAndCarriesItsData() {
        let page = Presenter.rich(.attentionLab(Self.lab), language: "ru", ids: PageIDs()) ?? ""
        #expect(page.contains("data-widget=\"attention-lab\""))
        #expect(page.contains("<div class=\"widget-static\">"))
        // The last query's row for key 2: its key, dot, score and weight, in Russian numbers.
        #expect(page.contains("<tr><th scope=\"row\">2 b</th><td>[1; 0]</td><td>1</td><td>0,71</td><td>0,44</td><td>[5; 6]</td></tr>"))
        #expect(page.contains("оценка = q · k ÷ 1,414"))
        #expect(page.contains("<script type=\"application/json\" class=\"widget-data\">"))
        let epub = Presenter.rich(.attentionLab(Self.lab), language: "en", ids: PageIDs(), interactive: false) ?? ""
        #expect(!epub.contains("data-widget") && !epub.contains("<script") && epub.contains("widget-static"))
    }

    @Test func trainingScrubberShowsCheckpointsAndAdamWithoutScripts() throws {
        let timeline = TrainingTimelineDisplay(
            losses: [3.3, 3.1], learningRates: [0.01, 0.005],
            tracks: [.init(name: "wte[a][0]", initial: 0.5, grads: [0.1, -0.2], m: [0.015, -0.0172], v: [0.0001, 0.000499],
                           mHat: [0.1, -0.0622], vHat: [0.01, 0.0251], after: [0.49, 0.4931], change: [-0.01, 0.0031])],
            prefix: "", heldOutCount: 20,
            checkpoints: [.init(step: 0, heldOutLoss: 3.3, samples: ["xq"], nextSymbols: ["a", "rest"], nextProbabilities: [0.04, 0.96]),
                          .init(step: 2, heldOutLoss: 3.0, samples: ["an"], nextSymbols: ["a", "rest"], nextProbabilities: [0.2, 0.8])])
        let page = Presenter.rich(.trainingTimeline(timeline), language: "en", ids: PageIDs()) ?? ""
        #expect(page.contains("data-widget=\"training-scrubber\""))
        #expect(page.contains("<tr><td>2</td><td>3</td><td>a 0.2, rest 0.8</td><td>an</td></tr>"))
        #expect(page.contains("<tr><td>2</td><td>−0.2</td><td>−0.0172</td><td>0.000499</td><td>−0.0622</td><td>0.0251</td><td>0.0031</td><td>0.4931</td></tr>"))
        let json = try #require(page.components(separatedBy: "class=\"widget-data\">").last?.components(separatedBy: "</script>").first)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((data["loss"] as? [Double]) == [3.3, 3.1])
        #expect(((data["tracks"] as? [[String: Any]])?.first?["v"] as? [Double]) == [0.0001, 0.000499])
        let epub = Presenter.rich(.trainingTimeline(timeline), language: "en", ids: PageIDs(), interactive: false) ?? ""
        #expect(!epub.contains("data-widget") && !epub.contains("<script"))
    }
}
