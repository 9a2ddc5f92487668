/// The loss of every training step, in order.
public struct LossCurve: Sendable, Hashable, CustomStringConvertible {
    /// Loss of step 1, 2, ... (index 0 is step 1).
    public let values: [Double]

    /// A curve of these losses.
    public init(_ values: [Double]) { self.values = values }

    /// Number of steps.
    public var count: Int { values.count }
    /// Loss of the first step.
    public var first: Double { values.first ?? .nan }
    /// Loss of the last step.
    public var last: Double { values.last ?? .nan }
    /// Loss of step `step` (1-based, as microgpt.py prints it).
    public func loss(atStep step: Int) -> Double {
        values.indices.contains(step - 1) ? values[step - 1] : .nan
    }

    /// The mean loss over the given steps (1-based, clipped to the run).
    public func mean(of steps: ClosedRange<Int>) -> Double {
        let lower = max(steps.lowerBound, 1), upper = min(steps.upperBound, count)
        guard lower <= upper else { return .nan }
        let slice = values[(lower - 1)..<upper]
        return slice.reduce(0, +) / Double(slice.count)
    }

    /// A trailing moving average over `window` steps (shorter at the start): the trend under the noise.
    public func smoothed(window: Int) -> [Double] { movingAverage(values, window: window) }

    public var description: String {
        func f(_ x: Double) -> String { rounded(x, places: 4).description }
        let tail = max(1, count / 10)
        return "\(count) steps: first \(f(first)), last \(f(last)), mean of the last \(tail) \(f(mean(of: (count - tail + 1)...count)))"
    }
}
