import Foundation

/// The dot product: multiply matching entries and add them up.
public func dot(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "dot needs vectors of equal length")
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}

/// Turns scores into probabilities that sum to one, with microgpt.py's arithmetic: scale by
/// `temperature ** -1`, subtract the largest score, exponentiate, multiply by `total ** -1`.
public func softmax(_ scores: [Double], temperature: Double = 1) -> [Double] {
    let scaled = temperature == 1 ? scores : scores.map { $0 * libmPow(temperature, -1) }
    guard let largest = scaled.max() else { return [] }
    let exps = scaled.map { exp($0 + -largest) }
    var total = 0.0
    for e in exps { total += e }
    return exps.map { $0 * libmPow(total, -1) }
}

/// libm's `pow`, as CPython calls it for `x ** y`. Kept out of the optimiser's sight, which
/// would turn `pow(x, -1)` into `1 / x` (not always the same last bit).
@_optimize(none) @inline(never)
func libmPow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }

/// `x` rounded to `places` decimals, for reading (the model's own numbers stay exact). A small
/// negative that rounds to zero gives 0.0, not -0.0, so that no page prints "-0.0".
public func rounded(_ x: Double, places: Int) -> Double {
    let scale = pow(10.0, Double(places))
    let r = (x * scale).rounded() / scale
    return r == 0 ? 0 : r
}

/// Every entry rounded to `places` decimals.
public func rounded(_ xs: [Double], places: Int) -> [Double] { xs.map { rounded($0, places: places) } }

/// microgpt.py's `linear`: one dot product of `x` with each row of `matrix`.
public func matvec(_ matrix: [[Double]], _ x: [Double]) -> [Double] { matrix.map { dot($0, x) } }

/// microgpt.py's `rmsnorm`: scale `x` so the mean of its squares is about 1.
public func rmsnorm(_ x: [Double]) -> [Double] {
    var squares = 0.0
    for v in x { squares += v * v }
    let scale = libmPow(squares * libmPow(Double(x.count), -1) + 1e-5, -0.5)
    return x.map { $0 * scale }
}

/// `max(0, x)`.
public func relu(_ x: Double) -> Double { x > 0 ? x : 0 }

/// The slope of `f` at `x` from a small nudge either side: (f(x + h) - f(x - h)) / 2h.
public func derivative(at x: Double, step h: Double = 1e-6, of f: (Double) throws -> Double) rethrows -> Double {
    (try f(x + h) - f(x - h)) / (2 * h)
}

/// The trailing mean over `window` values at every index (shorter at the start): a noisy
/// series' trend.
public func movingAverage(_ values: [Double], window: Int) -> [Double] {
    let w = max(window, 1)
    var result: [Double] = []
    result.reserveCapacity(values.count)
    var running = 0.0
    for (i, x) in values.enumerated() {
        running += x
        if i >= w { running -= values[i - w] }
        result.append(running / Double(min(i + 1, w)))
    }
    return result
}
