import Testing
@testable import MicroGPT

/// Loading, tokenising and printing as CPython 3.11 does; every expected value was printed by CPython
/// (`repr(x)`, and microgpt.py's `docs = [l.strip() for l in open(...).read().strip().split('\n') if l.strip()]`).
struct PythonFidelityTests {
    @Test func floatsPrintAsPythonRepr() {
        let cases: [(Double, String)] = [
            (1e-05, "1e-05"), (5e-324, "5e-324"), (1e16, "1e+16"), (1.5e-7, "1.5e-07"),
            (123456789012345.6, "123456789012345.6"), (1e22, "1e+22"), (0.0001, "0.0001"),
            (2.5e15, "2500000000000000.0"), (9007199254740993.0, "9007199254740992.0"),
            (1234567890123456.0, "1234567890123456.0"), (0.1, "0.1"), (100.0, "100.0"), (1e15, "1000000000000000.0"),
            (3.0, "3.0"), (-0.0, "-0.0"), (-2.5e-10, "-2.5e-10"), (3.3659669475848504, "3.3659669475848504"),
        ]
        for (x, python) in cases { #expect(PythonRepr.float(x) == python, "repr(\(x))") }
    }

    @Test func stringsPrintAsPythonRepr() {
        let cases: [(String, String)] = [
            ("abc", "'abc'"), ("o'neil", "\"o'neil\""), ("a\"b'c", "'a\"b\\'c'"), ("tab\there", "'tab\\there'"),
            ("x\u{1f}y", "'x\\x1fy'"), ("é", "'é'"), ("\u{a0}", "'\\xa0'"), ("\u{200b}", "'\\u200b'"),
            ("back\\slash", "'back\\\\slash'"),
        ]
        for (s, python) in cases { #expect(PythonRepr.string(s) == python, "repr of \(s)") }
    }

    /// CRLF and lone-CR line ends (Python's universal newlines), Python's whitespace, code points.
    @Test func datasetSplitsAndStripsLikeMicrogptPy() {
        let names = ["Алёна", "  Борис ", "Вера", "José", "Jose\u{301}", "Zoë", "ÅSA", "\u{212b}ke", "Мария\tАнна", "Øystein",
                     "Tõnu", "Mäe", "Ülle", "Õie", "Šarlota", "Žanna", "o'neil", "", "   ", "x\u{1f}y\u{1f}"]
        let text = names[..<10].joined(separator: "\r\n") + "\r" + names[10...].joined(separator: "\n") + "\r\n"
        let dataset = Dataset(text: text)
        #expect(dataset.count == 18)
        #expect(dataset.documents.map(\.unicodeScalars.count) == [5, 5, 4, 4, 5, 3, 3, 3, 10, 7, 4, 3, 4, 3, 7, 5, 6, 3])
        #expect(PythonRepr.list(dataset.documents) ==
            "['Алёна', 'Борис', 'Вера', 'José', 'José', 'Zoë', 'ÅSA', 'Åke', 'Мария\\tАнна', 'Øystein', 'Tõnu', 'Mäe', 'Ülle', 'Õie', 'Šarlota', 'Žanna', \"o'neil\", 'x\\x1fy']")
    }

    /// One token per code point, in code-point order: a decomposed accent and the Ångström sign are their own tokens.
    @Test func tokenizerCountsCodePointsLikePython() throws {
        let tokenizer = Tokenizer(documents: ["Jose\u{301}", "José", "\u{212b}", "Å"])
        // sorted(set('José' + 'José' + 'Å' + 'Å')) in CPython: J, e, o, s, Å (U+00C5), é, U+0301, U+212B
        #expect(tokenizer.characters.map { $0.unicodeScalars.first?.value ?? 0 } == [0x4a, 0x65, 0x6f, 0x73, 0xc5, 0xe9, 0x301, 0x212b])
        #expect(tokenizer.vocabularySize == 9)
        #expect(try tokenizer.encode("Jose\u{301}") == [0, 2, 3, 1, 6])
        #expect(tokenizer.decode(try tokenizer.encode("Jose\u{301}")).unicodeScalars.elementsEqual("Jose\u{301}".unicodeScalars))
    }

    @Test func crlfFileGivesTheSameDocumentsAsLF() {
        #expect(Dataset(text: "anna\r\nbob\r\n\r\ncy\r\n").documents == ["anna", "bob", "cy"])
        #expect(Dataset(text: "anna\rbob").documents == ["anna", "bob"])
    }
}
