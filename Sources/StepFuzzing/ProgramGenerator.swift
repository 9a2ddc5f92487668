/// Random programs in the step language that Swift accepts as well, for the differential check
/// (`scripts/differential`): each is run by the interpreter and compiled by swiftc, and both
/// must print the same. Typed as Swift types them, so that what is generated compiles.
public struct ProgramGenerator {
    private enum Kind: CaseIterable {
        case int, double, string, bool, ints, doubles, optionalInt
        var annotation: String {
            switch self {
            case .int: "Int"
            case .double: "Double"
            case .string: "String"
            case .bool: "Bool"
            case .ints: "[Int]"
            case .doubles: "[Double]"
            case .optionalInt: "Int?"
            }
        }
    }

    private var random: Mutator
    private var scope: [(name: String, kind: Kind, mutable: Bool)] = []
    private var names = 0

    public init(seed: UInt64) { random = Mutator(seed: seed) }

    /// A program of one to three steps that share their bindings.
    public mutating func program() -> [String] {
        (0...random.below(3)).map { _ in step() }
    }

    private mutating func step() -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.below(5)) { lines += statement(depth: 0) }
        if random.below(3) > 0 { lines.append(expression(pick(), depth: 0)) }
        return lines.joined(separator: "\n")
    }

    private mutating func pick() -> Kind { Kind.allCases[random.below(Kind.allCases.count)] }
    private mutating func one(_ options: [String]) -> String { options[random.below(options.count)] }

    private mutating func statement(depth: Int) -> [String] {
        let indent = String(repeating: "    ", count: depth)
        switch random.below(depth > 1 ? 4 : 7) {
        case 0, 1:
            let kind = pick(), mutable = random.below(2) == 0
            names += 1
            let name = "v\(names)"
            let line: String
            if kind == .ints || kind == .doubles, random.below(4) == 0 {
                line = "\(indent)\(mutable ? "var" : "let") \(name): \(kind.annotation) = []"
            } else {
                let annotate = random.below(2) == 0 || kind == .optionalInt
                line = "\(indent)\(mutable ? "var" : "let") \(name)\(annotate ? ": " + kind.annotation : "") = \(expression(kind, depth: 0))"
            }
            if depth == 0 { scope.append((name, kind, mutable)) }
            return [line]
        case 2:
            let items = (0...random.below(2)).map { _ in expression(pick(), depth: 1) }.joined(separator: ", ")
            let options = one(["", "", ", separator: \"-\"", ", terminator: \";\\n\"", ", separator: \"\", terminator: \"\""])
            return ["\(indent)print(\(items)\(options))"]
        case 3:
            guard let target = scope.filter({ $0.mutable && $0.kind != .optionalInt && $0.kind != .bool }).last else { return [] }
            return ["\(indent)\(target.name) += \(expression(target.kind, depth: 1))"]
        case 4:
            let body = statement(depth: depth + 1) + statement(depth: depth + 1)
            return ["\(indent)for _ in 0..<\(random.below(4)) {"] + body + ["\(indent)}"]
        case 5:
            let body = statement(depth: depth + 1), other = statement(depth: depth + 1)
            return ["\(indent)if \(expression(.bool, depth: 1)) {"] + body + ["\(indent)} else {"] + other + ["\(indent)}"]
        default:
            guard let array = scope.filter({ $0.kind == .ints || $0.kind == .doubles }).last else { return [] }
            let element = array.kind == .ints ? Kind.int : .double
            return ["\(indent)for x in \(array.name) {", "\(indent)    print(\(expression(element, depth: 2)), x)", "\(indent)}"]
        }
    }

    private func variable(_ kind: Kind) -> String? {
        scope.last { $0.kind == kind }?.name
    }

    private mutating func expression(_ kind: Kind, depth: Int) -> String {
        let leaf = depth >= 2 || random.below(3) == 0
        if let name = variable(kind), random.below(3) == 0 { return name }
        switch kind {
        case .int:
            if leaf { return one(["0", "3", "7", "42", "1_000", "0x1F", "0b101", "0o17", "-5", "2"]) }
            let a = expression(.int, depth: depth + 1), b = expression(.int, depth: depth + 1)
            return one(["(\(a) + \(b))", "(\(a) - \(b))", "(\(a) * \(b))", "(\(a) / 3)", "(\(a) % 4)", "abs(\(a))", "max(\(a), \(b))",
                        "min(\(a), \(b))", "Int(\(expression(.double, depth: depth + 1)))", "(-\(a))", "Random(seed: \(a)).randbelow(10)",
                        "\(expression(.string, depth: depth + 1)).count", "Dataset(text: \"ab\\nba\").tokenizer.vocabularySize",
                        "\(expression(.ints, depth: depth + 1)).count", "(\(expression(.optionalInt, depth: depth + 1)) ?? \(b))",
                        "(\(expression(.bool, depth: depth + 1)) ? \(a) : \(b))", "\(expression(.ints, depth: depth + 1)).reduce(0, +)"])
        case .double:
            if leaf { return one(["2.5", "0.1", "1e3", "-0.75", "3.0"]) }
            let a = expression(.double, depth: depth + 1), b = expression(.double, depth: depth + 1)
            return one(["(\(a) + \(b))", "(\(a) * \(b))", "(\(a) / \(b))", "(\(a) - 1)", "Double(\(expression(.int, depth: depth + 1)))",
                        "relu(\(a))", "\(expression(.doubles, depth: depth + 1)).reduce(0, +)", "(\(a) * 2)",
                        "(\(expression(.doubles, depth: depth + 1)).first ?? \(b))", "rounded(\(a), places: 2)",
                        "(0.1 + 0.2)", "(1 / 3.0)", "(-0.0 * \(a))", "min(\(a), \(b))", "Random(seed: 7).random()", "Random(seed: 3).gauss(0, 1)",
                        "\(a).squareRoot()", "\(a).rounded()", "exp(\(a))", "log(\(a))", "pow(\(a), 2)",
                        "dot(\(expression(.doubles, depth: depth + 1)), \(expression(.doubles, depth: depth + 1)))",
                        "Value(\(a), in: Graph()).relu().data", "(\(a) > \(b) ? \(a) : \(b))"])
        case .string:
            if leaf { return one(["\"ab\"", "\"\"", "\"x y\"", "\"é\""]) }
            return one(["\"n=\\(\(expression(.int, depth: depth + 1)))\"", "(\(expression(.string, depth: depth + 1)) + \"!\")",
                        "String(\(expression(.int, depth: depth + 1)))", "\"\\(\(expression(.doubles, depth: depth + 1)))\"",
                        "\"\\(\(expression(.optionalInt, depth: depth + 1)))\"", "[\"b\", \"a\", \(expression(.string, depth: depth + 1))].sorted().joined(separator: \",\")",
                        "String(describing: \(expression(.ints, depth: depth + 1)))", "\"tab\\t\\u{41}\\\\\"",
                        "Dataset(text: \"ab\\nba\").tokenizer.decode([0, 1])", "\"\\(\(expression(.double, depth: depth + 1)))\""])
        case .bool:
            if leaf { return one(["true", "false"]) }
            let a = expression(.int, depth: depth + 1), b = expression(.int, depth: depth + 1)
            return one(["(\(a) < \(b))", "(\(a) == \(b))", "!\(expression(.bool, depth: depth + 1))", "\(expression(.ints, depth: depth + 1)).isEmpty",
                        "(\(expression(.optionalInt, depth: depth + 1)) == \(a))", "\(expression(.ints, depth: depth + 1)).contains(\(a))",
                        "(\(expression(.string, depth: depth + 1)) < \"b\")", "(\(a) >= \(b) || \(expression(.bool, depth: depth + 1)))",
                        "(\(expression(.double, depth: depth + 1)) != \(expression(.double, depth: depth + 1)))"])
        case .ints:
            if leaf { return one(["[1, 2, 3]", "[5]", "[0x10, 0b11]", "[-1, 4, 2]"]) }
            let a = expression(.ints, depth: depth + 1)
            return one(["(\(a) + \(expression(.ints, depth: depth + 1)))", "\(a).map { $0 * 2 }", "\(a).filter { $0 > 1 }", "\(a).sorted()",
                        "[\(expression(.int, depth: depth + 1)), \(expression(.int, depth: depth + 1))]", "(0..<\(random.below(5))).map { $0 + 1 }",
                        "\(a).reversed()", "Array(\(a).prefix(2))", "Array(\(a).dropFirst(1))", "\(a).enumerated().map { $0.offset * $0.element }",
                        "\(a).map { x in x % 3 }", "Dataset(text: \"ab\\nba\").tokenizer.encode(\"ab\")"])
        case .doubles:
            if leaf { return one(["[1.5, 2.0]", "[0.25]", "[3.0, -1.0, 2.5]"]) }
            let a = expression(.doubles, depth: depth + 1)
            return one(["(\(a) + \(expression(.doubles, depth: depth + 1)))", "\(a).map { $0 * 0.5 }", "softmax(\(a))",
                        "[\(expression(.double, depth: depth + 1)), 1.0]", "\(a).sorted()", "rmsnorm(\(a))", "rounded(\(a), places: 3)",
                        "\(a).map { x in Double(Int(x)) }", "Array(\(a).suffix(1))", "\(a).filter { $0 > 0 }"])
        case .optionalInt:
            let a = expression(.ints, depth: depth + 1)
            return one(["\(a).first", "\(a).last", "\(a).max()", "\(a).min()"])
        }
    }
}
