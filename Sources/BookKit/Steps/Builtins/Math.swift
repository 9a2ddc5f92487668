import MicroGPT

extension Library {
    /// The engine's vector helpers (MicroGPT/Math.swift). Their preconditions become step errors here.
    func registerMath() {
        function("func dot(_ a: [Double], _ b: [Double]) -> Double") { a in
            let x: [Double] = try a(0), y: [Double] = try a(1)
            guard x.count == y.count else { throw StepError("dot needs vectors of the same length, got \(x.count) and \(y.count)") }
            return dot(x, y)
        }
        function("func softmax(_ scores: [Double], temperature: Double = 1) -> [Double]") { a in
            let t: Double = try a(1)
            guard t > 0 else { throw StepError("temperature must be greater than 0, got \(t)") }
            return softmax(try a(0), temperature: t)
        }
        function("func matvec(_ matrix: [[Double]], _ x: [Double]) -> [Double]") { a in
            let m: [[Double]] = try a(0), x: [Double] = try a(1)
            guard m.allSatisfy({ $0.count == x.count }) else { throw StepError("every row of the matrix needs \(x.count) numbers") }
            return matvec(m, x)
        }
        function("func rmsnorm(_ x: [Double]) -> [Double]") { a in
            let x: [Double] = try a(0)
            guard !x.isEmpty else { throw StepError("rmsnorm needs at least one number") }
            return rmsnorm(x)
        }
        function("func relu(_ x: Double) -> Double") { a in relu(try a(0)) }
        function("func rounded(_ x: Double, places: Int) -> Double") { a in rounded(try a(0) as Double, places: try a(1)) }
        function("func rounded(_ xs: [Double], places: Int) -> [Double]") { a in rounded(try a(0) as [Double], places: try a(1)) }
        function("func derivative(at x: Double, step h: Double = 1e-6, of f: (Double) -> Double) -> Double") { a in
            let f = try a.function(2, returning: "Double")
            return try derivative(at: try a(0), step: try a(1)) { x in
                guard let y = try f(x) as? Double else { throw StepError("the function must return a Double") }
                return y
            }
        }
    }
}
