import Foundation
import MicroGPT

extension Library {
    /// Swift's own functions and the engine's maths helpers.
    func registerBasics() {
        function("func Double(_ x: Int) -> Double") { a in Double(try a(0) as Int) }
        function("func Double(_ x: Double) -> Double") { a in try a(0) as Double }
        function("func Int(_ x: Double) -> Int") { a in
            let x: Double = try a(0)
            guard x.isFinite, abs(x) < 9e18 else { throw StepError("\(x) cannot be converted to Int") }
            return Int(x)
        }
        function("func Int(_ x: Int) -> Int") { a in try a(0) as Int }
        function("func abs(_ x: Int) -> Int") { a in abs(try a(0) as Int) }
        function("func abs(_ x: Double) -> Double") { a in abs(try a(0) as Double) }
        function("func max(_ a: Int, _ b: Int) -> Int") { a in max(try a(0) as Int, try a(1) as Int) }
        function("func max(_ a: Double, _ b: Double) -> Double") { a in max(try a(0) as Double, try a(1) as Double) }
        function("func min(_ a: Int, _ b: Int) -> Int") { a in min(try a(0) as Int, try a(1) as Int) }
        function("func min(_ a: Double, _ b: Double) -> Double") { a in min(try a(0) as Double, try a(1) as Double) }
        function("func exp(_ x: Double) -> Double") { a in Foundation.exp(try a(0) as Double) }
        function("func log(_ x: Double) -> Double") { a in Foundation.log(try a(0) as Double) }
        function("func sqrt(_ x: Double) -> Double") { a in (try a(0) as Double).squareRoot() }
        function("func pow(_ x: Double, _ y: Double) -> Double") { a in Foundation.pow(try a(0) as Double, try a(1) as Double) }
        function("func Array(_ xs: [Double]) -> [Double]") { a in try a(0) as [Double] }
        function("func Array(_ xs: [Int]) -> [Int]") { a in try a(0) as [Int] }
        function("func Array(_ xs: [String]) -> [String]") { a in try a(0) as [String] }
        function("func String(describing value: Any) -> String") { a in String(describing: try a(0) as Any) }

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
        function("func rmsnorm(_ x: [Double]) -> [Double]") { a in rmsnorm(try a(0)) }
        function("func relu(_ x: Double) -> Double") { a in relu(try a(0)) }
        function("func rounded(_ x: Double, places: Int) -> Double") { a in rounded(try a(0) as Double, places: try a(1)) }
        function("func rounded(_ xs: [Double], places: Int) -> [Double]") { a in rounded(try a(0) as [Double], places: try a(1)) }
        function("func derivative(at x: Double, step h: Double = 1e-6, of f: (Double) -> Double) -> Double") { a in
            let f = try a.function(2)
            return try derivative(at: try a(0), step: try a(1)) { x in
                guard let y = Types.coerce(try f(x) as Any, to: "Double") as? Double else { throw StepError("the function must return a Double") }
                return y
            }
        }
    }

    /// The random generator, the data set and the tokenizer.
    func registerData(context: LibraryContext) {
        function("func Random(seed: Int) -> Random") { a in Random(seed: try a(0)) }
        method("Random", "func random() -> Double") { a in (try a.this() as Random).random() }
        method("Random", "func gauss(_ mu: Double, _ sigma: Double) -> Double") { a in (try a.this() as Random).gauss(try a(0), try a(1)) }
        method("Random", "func uniform(_ a: Double, _ b: Double) -> Double") { a in (try a.this() as Random).uniform(try a(0), try a(1)) }
        method("Random", "func choices(weights: [Double]) -> Int") { a in
            let w: [Double] = try a(0)
            guard !w.isEmpty, w.allSatisfy({ $0 >= 0 }), w.reduce(0, +) > 0 else { throw StepError("choices needs non-negative weights with a positive total") }
            return (try a.this() as Random).choices(weights: w)
        }
        function("func Dataset(path: String) throws -> Dataset") { a in
            let path: String = try a(0)
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : context.chaptersDirectory.appendingPathComponent(path)
            return try context.memoized("dataset:" + url.standardized.path) { try Dataset(path: url.path) }
        }
        function("func Dataset(text: String) -> Dataset") { a in Dataset(text: try a(0)) }
        property("Dataset", "count") { (d: Dataset) in d.count }
        property("Tokenizer", "bos") { (t: Tokenizer) in t.bos }
        property("Tokenizer", "vocabularySize") { (t: Tokenizer) in t.vocabularySize }
        method("Tokenizer", "func encode(_ text: String) throws -> [Int]") { a in try (try a.this() as Tokenizer).encode(try a(0)) }
        method("Tokenizer", "func tokens(for document: String) throws -> [Int]") { a in try (try a.this() as Tokenizer).tokens(for: try a(0)) }
        method("Tokenizer", "func decode(_ tokens: [Int]) -> String") { a in (try a.this() as Tokenizer).decode(try a(0)) }
        method("Tokenizer", "func symbol(_ token: Int) -> String") { a in (try a.this() as Tokenizer).symbol(try a(0)) }
    }
}
