/// Python's `repr()` for the values microgpt.py prints, so a transcript matches it character for
/// character (Swift and Python find the same shortest digits but lay them out differently).
public enum PythonRepr {
    /// `repr(x)` for a float: the shortest digits that round-trip, written with an exponent when
    /// the decimal exponent is below -4 or at least 16, otherwise positionally with at least ".0".
    public static func float(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        let sign = x.sign == .minus ? "-" : ""
        let (digits, exponent) = shortestDigits(abs(x))
        if exponent < -4 || exponent >= 16 {
            let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
            let e = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + e
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let whole = digits.count > exponent + 1
            ? String(digits.prefix(exponent + 1)) + "." + String(digits.dropFirst(exponent + 1))
            : digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        return sign + whole
    }

    /// `repr(s)` for a string: single quotes unless it holds a ' and no ", with Python's escapes.
    public static func string(_ s: String) -> String {
        let quote: Unicode.Scalar = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case quote: out += "\\" + String(quote)
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escaped(scalar.value)
                }
            }
        }
        return out + String(quote)
    }

    /// A list of strings as Python prints it: `['a', 'b']`.
    public static func list(_ strings: [String]) -> String {
        "[" + strings.map(string).joined(separator: ", ") + "]"
    }

    /// A list of floats as Python prints it: `[0.1, -0.2]`.
    public static func list(_ numbers: [Double]) -> String {
        "[" + numbers.map(float).joined(separator: ", ") + "]"
    }

    /// The shortest round-trip decimal digits of a finite x >= 0 (no leading or trailing zeros,
    /// "0" for zero) and the decimal exponent of the first digit.
    private static func shortestDigits(_ x: Double) -> (String, Int) {
        if x == 0 { return ("0", 0) }
        // Swift's description already holds the shortest digits: "123.45", "0.001", "1.5e-07".
        let text = "\(x)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponentPart = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let pointIndex = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var allDigits = Array(mantissa.filter { $0 != "." })
        // The first digit's exponent before stripping: position of the point minus one.
        var exponent = pointIndex - 1 + exponentPart
        while allDigits.first == "0" {
            allDigits.removeFirst()
            exponent -= 1
        }
        while allDigits.last == "0" { allDigits.removeLast() }
        return (String(allDigits), exponent)
    }

    /// Python's `str.isprintable()` for one code point: not a control, format, surrogate, private-use,
    /// unassigned or separator character (the plain space excepted).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    private static func escaped(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        if value < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if value < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
