/// A look at a step's bytes before swift-syntax parses them: the parser recurses once per
/// bracket, generic `<`, `#if` and prefix `try`/`await`, and its look-ahead over nested `[` is
/// exponential, so code nested past `StepLimits` must be refused before the parser sees it.
/// Linear in the code's length; it skips comments and string contents (whose interpolations it
/// follows). It is conservative: a `<` right after a name counts as a generic bracket until a
/// `>` or the end of the line.
struct NestingScan {
    private enum Frame: Equatable {
        case bracket(UInt8)
        case angle
        case directive
        case interpolation(pounds: Int)
        case string(pounds: Int, multiline: Bool)
    }

    private let bytes: [UInt8]
    private var i = 0
    private var stack: [Frame] = []
    private var depth = 0
    private var squares = 0
    /// Prefix keywords (`try`, `await`, ...) in a row: each one is a level of the parser's recursion.
    private var keywords = 0

    private init(_ code: String) { bytes = Array(code.utf8) }

    /// The first place where `code` nests past the limits, or nil when it stays within them.
    static func violation(in code: String) -> LimitViolation? {
        var scan = NestingScan(code)
        do { try scan.run() } catch { return error }
        return nil
    }

    private static let prefixKeywords: Set<String> = [
        "try", "await", "consume", "copy", "each", "repeat", "some", "any", "inout", "borrowing",
        "consuming", "sending", "isolated", "_const", "__shared", "__owned", "discard",
    ]

    private func at(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func run() throws(LimitViolation) {
        while i < bytes.count {
            if case .string(let pounds, let multiline)? = stack.last {
                try stringByte(pounds: pounds, multiline: multiline)
            } else {
                try codeByte()
            }
        }
    }

    private mutating func push(_ frame: Frame, at offset: Int) throws(LimitViolation) {
        if case .string = frame {} else { depth += 1 }
        if frame == .bracket(UInt8(ascii: "[")) { squares += 1 }
        stack.append(frame)
        if depth + keywords > StepLimits.nesting {
            throw LimitViolation(message: "code nested too deeply: steps allow at most \(StepLimits.nesting) levels of brackets, parentheses, braces, interpolations, generic arguments and 'try' or 'await'", offset: offset)
        }
        if squares > StepLimits.squareNesting {
            throw LimitViolation(message: "code nested too deeply: steps allow at most \(StepLimits.squareNesting) levels of square brackets", offset: offset)
        }
    }

    private mutating func pop() {
        guard let frame = stack.popLast() else { return }
        if case .string = frame {} else { depth -= 1 }
        if frame == .bracket(UInt8(ascii: "[")) { squares -= 1 }
    }

    /// Generic brackets end with their line: a `<` that was a comparison must not count forever.
    private mutating func popAngles() {
        while stack.last == .angle { pop() }
    }

    private mutating func codeByte() throws(LimitViolation) {
        let byte = bytes[i], start = i
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            i += 1
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"):
            popAngles()
            i += 1
        case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "/"):
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "*"):
            skipBlockComment()
        case UInt8(ascii: "\""):
            keywords = 0
            try openString(pounds: 0)
        case UInt8(ascii: "#"):
            keywords = 0
            try pound()
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            i += 1
            keywords = 0
            try push(.bracket(byte), at: start)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            i += 1
            keywords = 0
            popAngles()
            pop()
        case UInt8(ascii: ">"):
            if stack.last == .angle, start == 0 || bytes[start - 1] != UInt8(ascii: "-") { pop() }
            i += 1
            keywords = 0
        default:
            if NestingScan.isNameByte(byte) {
                try name()
            } else {
                keywords = 0
                i += 1
            }
        }
    }

    /// A name or number; a prefix keyword adds a level, a `<` right after a name opens a generic one.
    private mutating func name() throws(LimitViolation) {
        let start = i
        while i < bytes.count, NestingScan.isNameByte(bytes[i]) { i += 1 }
        let word = String(decoding: bytes[start..<i], as: UTF8.self)
        if NestingScan.prefixKeywords.contains(word) {
            keywords += 1
            if word == "try", let next = at(i), next == UInt8(ascii: "?") || next == UInt8(ascii: "!") { i += 1 }
            if depth + keywords > StepLimits.nesting {
                throw LimitViolation(message: "code nested too deeply: steps allow at most \(StepLimits.nesting) levels of brackets, parentheses, braces, interpolations, generic arguments and 'try' or 'await'", offset: start)
            }
            return
        }
        keywords = 0
        if at(i) == UInt8(ascii: "<"), let after = at(i + 1), after != UInt8(ascii: "="), after != UInt8(ascii: "<") {
            i += 1
            try push(.angle, at: i - 1)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "$"), 0x80...:
            return true
        default:
            return false
        }
    }

    private mutating func skipBlockComment() {
        var level = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "/"), at(i + 1) == UInt8(ascii: "*") {
                level += 1
                i += 2
            } else if bytes[i] == UInt8(ascii: "*"), at(i + 1) == UInt8(ascii: "/") {
                level -= 1
                i += 2
                if level == 0 { return }
            } else {
                i += 1
            }
        }
    }

    /// `#if` ... `#endif` nests like a bracket; `#"raw"#` strings; other `#` words are names.
    private mutating func pound() throws(LimitViolation) {
        let start = i
        var pounds = 0
        while at(i) == UInt8(ascii: "#") { pounds += 1; i += 1 }
        if at(i) == UInt8(ascii: "\"") {
            try openString(pounds: pounds)
            return
        }
        let wordStart = i
        while i < bytes.count, NestingScan.isNameByte(bytes[i]) { i += 1 }
        switch String(decoding: bytes[wordStart..<i], as: UTF8.self) {
        case "if": try push(.directive, at: start)
        case "endif": if stack.last == .directive { pop() }
        default: break
        }
    }

    private mutating func openString(pounds: Int) throws(LimitViolation) {
        let multiline = at(i + 1) == UInt8(ascii: "\"") && at(i + 2) == UInt8(ascii: "\"")
        i += multiline ? 3 : 1
        try push(.string(pounds: pounds, multiline: multiline), at: i)
    }

    /// Whether `pounds` `#` follow at `offset`.
    private func poundsFollow(_ pounds: Int, at offset: Int) -> Bool {
        (0..<pounds).allSatisfy { at(offset + $0) == UInt8(ascii: "#") }
    }

    private mutating func stringByte(pounds: Int, multiline: Bool) throws(LimitViolation) {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\\"), poundsFollow(pounds, at: i + 1) {
            let after = i + 1 + pounds
            if at(after) == UInt8(ascii: "(") {
                i = after + 1
                try push(.interpolation(pounds: pounds), at: after)
            } else {
                i = after + 1
            }
            return
        }
        if byte == UInt8(ascii: "\"") {
            let quotes = multiline ? 3 : 1
            if (0..<quotes).allSatisfy({ at(i + $0) == UInt8(ascii: "\"") }), poundsFollow(pounds, at: i + quotes) {
                i += quotes + pounds
                pop()
                return
            }
        }
        if !multiline, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            pop()
            return
        }
        i += 1
    }
}
