import Foundation

/// Runs the W3C's EPUBCheck (Debian package `epubcheck`) on one file.
enum EPUBCheck {
    /// Where Debian installs it. Its `/usr/bin/epubcheck` is the bare jar, which runs only where the
    /// kernel's binfmt_misc hands jars to Java (not in most containers), so the jar is run with `java -jar`.
    static let jar = "/usr/share/java/epubcheck.jar"

    /// EPUBCheck is not installed; the test fails with what to run.
    struct Missing: Error, CustomStringConvertible {
        var description: String { "epubcheck is not installed (\(jar) is missing): run scripts/setup-system --browser" }
    }

    struct Result {
        var status: Int32
        var output: String
    }

    /// EPUBCheck's exit status and its output (stdout and stderr together); throws `Missing` when it is not installed.
    ///
    /// Waits without blocking a thread of the test pool: the output goes to a file, and the
    /// process's termination handler resumes the test.
    static func run(_ file: URL) async throws -> Result {
        guard FileManager.default.fileExists(atPath: jar) else { throw Missing() }
        let log = file.appendingPathExtension("epubcheck.txt")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log.path])
        }
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A short run: the quick JIT tier and the serial collector halve the CPU a check costs.
        process.arguments = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, file.path]
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Result(status: status, output: try String(contentsOf: log, encoding: .utf8))
    }
}
