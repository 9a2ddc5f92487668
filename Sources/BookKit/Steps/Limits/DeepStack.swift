#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread of its own with a large stack. Parsing, folding, checking and
/// interpreting a step recurse once per level of its code; `StepLimits` bounds the levels, and
/// this stack leaves room for them whatever thread the caller is on (a test runner's or a
/// fuzzer's may be small). The memory is reserved, not used: pages are touched only as deep as
/// the recursion goes.
enum DeepStack {
    /// Bytes of stack for one step.
    static let size = 512 << 20

    /// `body`'s result, computed on a fresh thread with `size` bytes of stack (on this thread
    /// when no thread can be made).
    static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { body in
            var result: T?
            let job = Job { result = body() }
            let unmanaged = Unmanaged.passRetained(job)
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            #if canImport(Glibc)
            var thread = pthread_t()
            #else
            var thread: pthread_t?
            #endif
            let started = pthread_create(&thread, &attributes, { pointer in
                let opaque: UnsafeMutableRawPointer? = pointer
                guard let opaque else { return nil }
                Unmanaged<Job>.fromOpaque(opaque).takeRetainedValue().body()
                return nil
            }, unmanaged.toOpaque())
            guard started == 0 else {
                unmanaged.release()
                return body()
            }
            #if canImport(Glibc)
            pthread_join(thread, nil)
            #else
            if let thread { pthread_join(thread, nil) }
            #endif
            guard let result else { return body() }
            return result
        }
    }

    /// The work, handed to the thread (the caller waits for it, so nothing runs at the same time).
    private final class Job: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
