import BookTestSupport
import Foundation
import Testing
@testable import BookKit
@testable import MicroGPTSteps

/// Steps read data files only from inside the chapters folder, symbolic links followed; anything
/// else is an error at the call that says what is allowed.
@Suite(.ownThreads) struct DataFileTests {
    /// A chapters folder with `data/names.txt`, a sub-folder, a FIFO and links in and out, beside
    /// a `secret.txt` that steps must not read.
    final class Machine {
        let book = ScratchBook()
        init() throws {
            try book.write("data/names.txt", "ann\nbob\n")
            try book.write("data/sub/more.txt", "cy\n")
            try Data("root:x:0:0\n".utf8).write(to: book.root.appendingPathComponent("secret.txt"))
            let manager = FileManager.default
            try manager.createSymbolicLink(atPath: book.chapters.appendingPathComponent("data/out.txt").path,
                                           withDestinationPath: book.root.appendingPathComponent("secret.txt").path)
            try manager.createSymbolicLink(atPath: book.chapters.appendingPathComponent("data/up").path, withDestinationPath: "../..")
            try manager.createSymbolicLink(atPath: book.chapters.appendingPathComponent("data/in.txt").path, withDestinationPath: "names.txt")
            try manager.createSymbolicLink(atPath: book.chapters.appendingPathComponent("data/zero").path, withDestinationPath: "/dev/zero")
            mkfifo(book.chapters.appendingPathComponent("data/pipe").path, 0o644)
        }

        /// What `try Dataset(path: PATH).count` gives in a step at line 10.
        func count(_ path: String) -> String {
            let session = Session(file: "ch.md", binding: MicroGPTBinding(), context: LibraryContext(chaptersDirectory: book.chapters))
            let literal = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let outcome = session.run(step: "try Dataset(path: \"\(literal)\").count", at: SourceLocation(file: "ch.md", line: 10, column: 1))
            if let error = outcome.diagnostics.first { return "\(error.location.line):\(error.location.column): \(error.message)" }
            return outcome.text
        }
    }

    static let outside = "there is no such file in the chapters folder; steps may read only files inside the chapters folder (a path relative to it, like data/names.txt)"
    static let notAFile = "it is not a regular file; steps may read only files inside the chapters folder (a path relative to it, like data/names.txt)"

    /// Path as the step writes it (`@` stands for the scratch root) -> the result or the error.
    static let cases: [(String, String)] = [
        ("data/names.txt", "2"),
        ("./data/../data/names.txt", "2"),
        ("data/in.txt", "2"),
        ("data/sub/more.txt", "1"),
        ("@/chapters/data/names.txt", "2"),
        ("/etc/passwd", "10:5: cannot read '/etc/passwd': \(outside)"),
        ("../secret.txt", "10:5: cannot read '../secret.txt': \(outside)"),
        ("data/../../secret.txt", "10:5: cannot read 'data/../../secret.txt': \(outside)"),
        ("@/secret.txt", "10:5: cannot read '@/secret.txt': \(outside)"),
        ("data/out.txt", "10:5: cannot read 'data/out.txt': \(outside)"),
        ("data/up/secret.txt", "10:5: cannot read 'data/up/secret.txt': \(outside)"),
        ("data/zero", "10:5: cannot read 'data/zero': \(outside)"),
        ("/dev/zero", "10:5: cannot read '/dev/zero': \(outside)"),
        ("/proc/self/environ", "10:5: cannot read '/proc/self/environ': \(outside)"),
        ("data/missing.txt", "10:5: cannot read 'data/missing.txt': \(outside)"),
        ("data", "10:5: cannot read 'data': \(notAFile)"),
        ("data/pipe", "10:5: cannot read 'data/pipe': \(notAFile)"),
        ("", "10:5: cannot read '': \(notAFile)"),
    ]

    @Test(arguments: cases)
    func aStepReadsOnlyRegularFilesInsideTheChaptersFolder(_ path: String, _ expected: String) throws {
        let machine = try Machine()
        let root = machine.book.root.path
        let written = path.replacingOccurrences(of: "@", with: root)
        #expect(machine.count(written) == expected.replacingOccurrences(of: "@", with: root))
    }

    @Test func aChaptersFolderReachedThroughALinkStillReadsItsOwnFiles() throws {
        let machine = try Machine()
        let link = machine.book.root.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: machine.book.chapters.path)
        let session = Session(file: "ch.md", binding: MicroGPTBinding(), context: LibraryContext(chaptersDirectory: link))
        let outcome = session.run(step: "try Dataset(path: \"data/names.txt\").count", at: SourceLocation(file: "ch.md", line: 1, column: 1))
        #expect(outcome.text == "2" && outcome.diagnostics.isEmpty)
    }
}
