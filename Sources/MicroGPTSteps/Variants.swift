import BookKit
import MicroGPT

extension MicroGPTBinding {
    /// Sliders: one result per position, computed at build time.
    func registerVariants(in library: Library) {
        library.function("func vary(_ label: String, over values: [Double], default: Double, _ body: (Double) -> Any) -> Variants") { a in
            let values: [Double] = try a(1), f = try a.function(3, returning: Any.self)
            guard values.count <= 50 else { throw StepFailure("a slider has at most 50 positions, got \(values.count)") }
            let initial: Double = try a(2)
            guard values.contains(initial) else {
                throw StepFailure("the default \(initial) is not one of the slider's values")
            }
            return try vary(try a(0), over: values, default: try a(2)) { x -> Any in
                guard let result = try f(x) else { throw StepFailure("the closure must return a value") }
                return result
            }
        }
        library.name(Variants<Any>.self, "Variants")
        library.properties(Variants<Any>.self, ["label": \.label, "values": \.values, "results": \.results, "defaultIndex": \.defaultIndex])
    }
}
