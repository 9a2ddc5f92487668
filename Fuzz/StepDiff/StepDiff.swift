import BookKit
import StepFuzzing
import Foundation
import MicroGPTSteps

/// The interpreter's half of the differential check (`scripts/differential`): runs generated
/// programs (and the step inputs of a fuzz corpus), keeps those it accepts, and writes them as
/// one Swift program (`main.swift`, one function per program, run by number) with the texts the
/// interpreter gave (`expected/N`), for swiftc to compile and the script to compare.
@main struct StepDiff {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let out = arguments.first.map(URL.init(fileURLWithPath:)) else {
            FileHandle.standardError.write(Data("usage: StepDiff OUT-FOLDER [COUNT] [CORPUS-FOLDER]\n".utf8))
            exit(2)
        }
        let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 500
        var programs: [(origin: String, steps: [String])] = []
        for seed in 0..<count {
            var generator = ProgramGenerator(seed: UInt64(seed))
            programs.append(("generated \(seed)", generator.program()))
        }
        if let corpus = arguments.dropFirst(2).first {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
            for file in files.sorted() {
                guard let data = FileManager.default.contents(atPath: corpus + "/" + file), let mode = data.first, mode % 2 == 0 else { continue }
                programs.append(("corpus \(file)", [String(decoding: data.dropFirst(), as: UTF8.self)]))
            }
        }
        let expected = out.appendingPathComponent("expected")
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        var source = "import Foundation\n"
        var cases: [String] = []
        var accepted = 0
        let budget = StepBudget(operations: 100_000, time: .seconds(5), memory: 64 << 20)
        for program in programs {
            let session = Session(file: "p.md", binding: MicroGPTBinding(),
                                  context: LibraryContext(chaptersDirectory: URL(fileURLWithPath: "/nonexistent")), budget: budget)
            let outcomes = program.steps.map { session.run(step: $0, at: SourceLocation(file: "p.md", line: 1, column: 1)) }
            // Only programs that need no file and no randomness from outside compare: all of them here.
            guard outcomes.allSatisfy({ $0.diagnostics.isEmpty }) else { continue }
            let name = "program\(accepted)"
            source += "\n// \(program.origin)\n" + SwiftExporter.source(function: name, steps: program.steps)
            cases.append("    case \(accepted): texts = try \(name)()")
            try Data(outcomes.map(\.text).joined(separator: "\u{1}").utf8).write(to: expected.appendingPathComponent(String(accepted)))
            try Data(program.steps.joined(separator: "\n// ---\n").utf8).write(to: expected.appendingPathComponent("\(accepted).swift"))
            accepted += 1
        }
        source += """

        let which = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? -1
        var texts: [String] = []
        do {
            switch which {
        \(cases.joined(separator: "\n"))
            default: break
            }
        } catch {
            texts = ["error: \\(error)"]
        }
        FileHandle.standardOutput.write(Data(texts.joined(separator: "\\u{1}").utf8))

        """
        try Data(source.utf8).write(to: out.appendingPathComponent("main.swift"))
        print("programs \(programs.count) accepted \(accepted)")
    }
}
