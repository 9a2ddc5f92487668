import Foundation

/// Runs the W3C's EPUBCheck (Debian package `epubcheck`) on one file.
public enum EPUBCheck {
    /// Where Debian installs it. Its `/usr/bin/epubcheck` is the bare jar, which runs only where the
    /// kernel's binfmt_misc hands jars to Java (not in most containers), so the jar is run with `java -jar`.
    public static let jar = "/usr/share/java/epubcheck.jar"

    /// EPUBCheck is not installed; the test fails with what to run.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "epubcheck is not installed (\(jar) is missing): run scripts/setup-system --browser" }
    }

    public struct Result: Sendable {
        public var status: Int32
        public var output: String

        /// Exit 0 and not one WARNING, ERROR or FATAL line.
        public var isClean: Bool {
            status == 0 && !output.split(separator: "\n").contains { $0.hasPrefix("WARNING") || $0.hasPrefix("ERROR") || $0.hasPrefix("FATAL") }
        }
    }

    /// EPUBCheck's exit status and its output (stdout and stderr together); throws `Missing` when it is not installed.
    ///
    /// Waits without blocking a thread of the test pool: the output goes to a file, and the
    /// process's termination handler resumes the test.
    public static func run(_ file: URL) async throws -> Result {
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
