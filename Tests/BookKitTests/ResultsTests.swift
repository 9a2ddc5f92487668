import Foundation
import Testing
@testable import BookKit

/// Step results are plain data: every kind survives JSON unchanged, so a cache or another
/// process can hold them.
@Test func everyKindOfResultRoundTripsThroughJSON() throws {
    let displays: [Display?] = [
        nil, .text, .number(-0.5), .integer(42), .string("anna"), .vector([1, -2.5]), .integers([4, 12]),
        .matrix([[1, 2], [3, 4]]), .strings(["kamon", "ann"]),
        .distribution(labels: ["⟨BOS⟩", "a"], probabilities: [0.25, 0.75]),
        .attention([AttentionMapDisplay(layer: 0, head: 1, queries: ["a", "b"], keys: ["a", "b"], weights: [[1], [0.5, 0.5]])]),
        .series(values: [3, 2, 1], smoothed: [3, 2.5, 2]),
        .graph([GraphNodeDisplay(id: 0, label: "a", operation: "", data: 2, grad: 1, inputs: [], localGradients: [])]),
        .trace(loss: 2.5, positions: [TracePositionDisplay(position: 0, symbol: "⟨BOS⟩", targetSymbol: "a", targetProbability: 0.1, loss: 2.3)]),
        .variants(VariantsDisplay(label: "temperature", values: [0.5, 1], results: [.init(display: .number(1), text: "1.0"),
                                                                                   .init(display: .strings(["x"]), text: "[\"x\"]")], defaultIndex: 1)),
    ]
    let outcomes = displays.enumerated().map { i, display in
        StepOutcome(printed: "line \(i)\n", text: "line \(i)\nvalue", display: display,
                    diagnostics: i == 0 ? [Diagnostic(.stepFailed, "boom", at: SourceLocation(file: "a.md", line: 3, column: 1))] : [],
                    duration: .milliseconds(i))
    }
    let data = try JSONEncoder().encode(outcomes)
    #expect(try JSONDecoder().decode([StepOutcome].self, from: data) == outcomes)
}
