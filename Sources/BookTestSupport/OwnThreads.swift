import Dispatch
import Testing

/// Runs each test of a suite on threads of its own instead of the two that Swift's tasks share
/// on this machine. Tests that block for long (building the real book, driving Chromium, waiting
/// for another test's build) would otherwise hold both shared threads for minutes, and an
/// in-process server under test, which runs on them, would stop answering.
public struct OwnThreads: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        try await withTaskExecutorPreference(OwnThreadsExecutor.shared) { try await function() }
    }
}

extension Trait where Self == OwnThreads {
    /// The test (or every test of the suite) runs on threads of its own.
    public static var ownThreads: Self { OwnThreads() }
}

/// Jobs on a concurrent dispatch queue, whose threads grow as jobs block, apart from the pool.
final class OwnThreadsExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = OwnThreadsExecutor()
    private let queue = DispatchQueue(label: "book-tests.own-threads", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
