import MicroGPT

extension Library {
    /// Sliders: one result per position, computed at build time.
    func registerVariants() {
        function("func vary(_ label: String, over values: [Double], default: Double, _ body: (Double) -> Any) -> Variants") { a in
            let values: [Double] = try a(1), f = try a.function(3, returning: nil)
            guard values.count <= 50 else { throw StepError("a slider has at most 50 positions, got \(values.count)") }
            return try vary(try a(0), over: values, default: try a(2)) { x -> Any in
                guard let result = try f(x) else { throw StepError("the closure must return a value") }
                return result
            }
        }
        properties(Variants<Any>.self, named: "Variants", ["label": \.label, "values": \.values, "results": \.results, "defaultIndex": \.defaultIndex])
    }
}
