import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// The engine's vector helpers (MicroGPT/Math.swift). Their preconditions become step errors here.
    func registerMath(in library: Library) {
        library.function("func dot(_ a: [Double], _ b: [Double]) -> Double") { a in
            let x: [Double] = try a(0), y: [Double] = try a(1)
            guard x.count == y.count else { throw StepFailure("dot needs vectors of the same length, got \(x.count) and \(y.count)") }
            return dot(x, y)
        }
        library.function("func softmax(_ scores: [Double], temperature: Double = 1) -> [Double]") { a in
            let t: Double = try a(1)
            guard t > 0 else { throw StepFailure("temperature must be greater than 0, got \(t)") }
            return softmax(try a(0), temperature: t)
        }
        library.function("func matvec(_ matrix: [[Double]], _ x: [Double]) -> [Double]") { a in
            let m: [[Double]] = try a(0), x: [Double] = try a(1)
            guard m.allSatisfy({ $0.count == x.count }) else { throw StepFailure("every row of the matrix needs \(x.count) numbers") }
            return matvec(m, x)
        }
        library.function("func rmsnorm(_ x: [Double]) -> [Double]") { a in
            let x: [Double] = try a(0)
            guard !x.isEmpty else { throw StepFailure("rmsnorm needs at least one number") }
            return rmsnorm(x)
        }
        library.function("func relu(_ x: Double) -> Double") { a in relu(try a(0)) }
        library.function("func rounded(_ x: Double, places: Int) -> Double") { a in try checkedRounded(try a(0), places: try a(1)) }
        library.function("func rounded(_ xs: [Double], places: Int) -> [Double]") { a in
            let places: Int = try a(1)
            return try (try a(0) as [Double]).map { try checkedRounded($0, places: places) }
        }
        library.function("func derivative(at x: Double, step h: Double = 1e-6, of f: (Double) -> Double) -> Double") { a in
            let f = try a.function(2, returning: Double.self), h: Double = try a(1)
            guard h != 0, h.isFinite else { throw StepFailure("step must be a finite number other than 0, got \(h)") }
            return try derivative(at: try a(0), step: h) { x in
                guard let y = try f(x) as? Double else { throw StepFailure("the function must return a Double") }
                return y
            }
        }
    }
}

/// `rounded(x, places:)`, or an error where the engine's answer would not be `x` rounded: places
/// past what a Double holds, or a scale that overflows (the engine would return NaN or infinity).
func checkedRounded(_ x: Double, places: Int) throws -> Double {
    guard (-308...308).contains(places) else { throw StepFailure("places must be between -308 and 308, got \(places)") }
    let result = rounded(x, places: places)
    guard result.isFinite || !x.isFinite else {
        throw StepFailure("\(x) cannot be rounded to \(places) places: the scaled number overflows Double")
    }
    return result
}
