import SwiftSyntax

/// The interpreter's side of the budget: what its statements, copies and texts cost.
extension Interpreter {
    /// Counts one operation (a statement, an iteration, a call).
    func tick() throws { try meter.tick() }

    /// Throws the budget error now when `count` more operations would not fit.
    func reserve(_ count: Int) throws { try meter.reserve(count) }

    /// Charges making an array of `count` elements, at `node` when the array alone is too big.
    func spend(elements count: Int, at node: (some SyntaxProtocol)? = Optional<Syntax>.none) throws {
        try meter.spend(elements: count, at: node.map { Syntax($0) })
    }

    /// Charges making a string of `count` UTF-8 bytes.
    func spend(bytes count: Int, at node: (some SyntaxProtocol)? = Optional<Syntax>.none) throws {
        try meter.spend(bytes: count, at: node.map { Syntax($0) })
    }

    /// `value` as text (`String(describing:)`), charged before it is made: the text of a long
    /// array is longer still.
    func describe(_ value: Any, at node: (some SyntaxProtocol)? = Optional<Syntax>.none) throws -> String {
        if let array = value as? AnyArray {
            try spend(elements: array.elementCount, at: node)
            let (bytes, overflow) = array.elementCount.multipliedReportingOverflow(by: Interpreter.bytesPerDescribedElement)
            try meter.allocate(bytes: overflow ? .max : bytes, at: node.map { Syntax($0) })
        }
        let text = String(describing: value)
        try spend(bytes: text.utf8.count, at: node)
        return text
    }

    /// What a builtin call is charged besides its own estimate: one operation, and one per 256
    /// elements or string bytes it is given (a builtin reads its arguments at least once).
    static func workOfCall(_ values: [Any]) -> Int {
        var size = 0
        for value in values {
            if let array = value as? AnyArray {
                let count = array.elementCount
                let inner = count > 0 ? (array.anyElement(at: 0) as? AnyArray)?.elementCount ?? 1 : 1
                size += count.multipliedReportingOverflow(by: max(inner, 1)).overflow ? Int.max / 2 : count * max(inner, 1)
            } else if let text = value as? String {
                size += text.utf8.count
            }
            if size >= Int.max / 2 { return Int.max / 512 }
        }
        return 1 + size / 256
    }

    /// Bytes of text an array element is taken to print as (`0.123456789, `).
    static let bytesPerDescribedElement = 24

    /// Adds `text` to what the step printed, within the memory budget.
    func write(_ text: String, at node: some SyntaxProtocol) throws {
        try meter.allocate(bytes: printed.utf8.count + text.utf8.count, at: Syntax(node))
        printed += text
    }
}
