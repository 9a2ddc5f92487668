/// One result for each position of a slider: the build computes them all, the page switches
/// between them, and plain text (or a page without JavaScript) shows the default.
public struct Variants<Result>: CustomStringConvertible {
    /// What the slider sets, e.g. "temperature".
    public let label: String
    /// The slider's positions.
    public let values: [Double]
    /// The result at each position.
    public let results: [Result]
    /// The position shown by default.
    public let defaultIndex: Int

    public var description: String {
        results.indices.contains(defaultIndex) ? String(describing: results[defaultIndex]) : ""
    }
}

extension Variants: Sendable where Result: Sendable {}

/// Computes `body` at every value of a slider; `default` (one of `values`) is shown first.
public func vary<Result>(_ label: String, over values: [Double], default: Double, _ body: (Double) throws -> Result) rethrows -> Variants<Result> {
    let results = try values.map(body)
    let index = values.firstIndex(of: `default`) ?? 0
    return Variants(label: label, values: values, results: results, defaultIndex: index)
}
