import Foundation

/// The dot product: multiply matching entries and add them up.
public func dot(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "dot needs vectors of equal length")
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}

/// Turns scores into probabilities that sum to one, as microgpt.py does:
/// subtract the largest score, exponentiate, divide by the total.
public func softmax(_ scores: [Double], temperature: Double = 1) -> [Double] {
    let scaled = scores.map { $0 / temperature }
    guard let largest = scaled.max() else { return [] }
    let exps = scaled.map { exp($0 - largest) }
    let total = exps.reduce(0, +)
    return exps.map { $0 / total }
}

/// `x` rounded to `places` decimals, for reading (the model's own numbers stay exact).
public func rounded(_ x: Double, places: Int) -> Double {
    let scale = pow(10.0, Double(places))
    return (x * scale).rounded() / scale
}

/// Every entry rounded to `places` decimals.
public func rounded(_ xs: [Double], places: Int) -> [Double] { xs.map { rounded($0, places: places) } }
