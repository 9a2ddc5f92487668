/// How a value of the step language shows: the binding's engine values first, then Swift's basics.
struct DisplayConversion {
    let binding: any StepBinding

    func display(of value: Any) -> Display {
        if let engine = binding.display(of: value, convert: display(of:)) { return engine }
        switch value {
        case let x as Double: return .number(x)
        case let n as Int: return .integer(n)
        case let s as String: return .string(s)
        case let vector as [Double]: return .vector(vector)
        case let vector as [Int]: return .integers(vector)
        case let matrix as [[Double]]: return .matrix(matrix)
        case let strings as [String]: return .strings(strings)
        default: return .text
        }
    }
}
