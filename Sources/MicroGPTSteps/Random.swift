import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// CPython's random generator, passed explicitly (MicroGPT/Random.swift).
    func registerRandom(in library: Library) {
        library.function("func Random(seed: Int) -> Random") { a in Random(seed: try a(0)) }
        library.method(Random.self, "func random() -> Double") { a in (try a.this() as Random).random() }
        library.method(Random.self, "func gauss(_ mu: Double, _ sigma: Double) -> Double") { a in (try a.this() as Random).gauss(try a(0), try a(1)) }
        library.method(Random.self, "func uniform(_ a: Double, _ b: Double) -> Double") { a in (try a.this() as Random).uniform(try a(0), try a(1)) }
        library.method(Random.self, "func getrandbits(_ k: Int) -> UInt64") { a in
            let k: Int = try a(0)
            guard (0...64).contains(k) else { throw StepFailure("getrandbits needs 0 to 64 bits, got \(k)") }
            return (try a.this() as Random).getrandbits(k)
        }
        library.method(Random.self, "func choices(weights: [Double]) -> Int") { a in
            let w: [Double] = try a(0)
            guard !w.isEmpty, w.allSatisfy({ $0 >= 0 && $0.isFinite }), w.reduce(0, +) > 0, w.reduce(0, +).isFinite else {
                throw StepFailure("choices needs non-negative weights with a positive total")
            }
            return (try a.this() as Random).choices(weights: w)
        }
        library.method(Random.self, "func randbelow(_ n: Int) -> Int") { a in
            let n: Int = try a(0)
            // Python raises for an empty range; the engine would return 0.
            guard n > 0 else { throw StepFailure("randbelow needs a bound greater than 0, got \(n)") }
            return (try a.this() as Random).randbelow(n)
        }
        library.method(Random.self, "func shuffle(_ array: inout [Any])") { a in
            var array: [Any] = try a(0)
            (try a.this() as Random).shuffle(&array)
            a.write(0, array)
            return nil
        }
        library.method(Random.self, "func copy() -> Random") { a in (try a.this() as Random).copy() }
    }
}
