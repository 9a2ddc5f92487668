/// An engine made available to steps: its builtins, operators and the displays of its values.
/// The interpreter knows no engine; a binding (MicroGPTSteps for this book) brings one in.
public protocol StepBinding: Sendable {
    /// The module compiled steps import (`MicroGPT`): the step exporter's header names it.
    var moduleName: String { get }
    /// Changes whenever the same step could give another result (part of cache keys).
    var version: String { get }
    /// Registers the engine's functions, methods, properties, operators and type names.
    func register(in library: Library, context: LibraryContext)
    /// A first step for a new book (`book init`): short, and showing the engine at work.
    var starterStep: String { get }
    /// How a value of one of the engine's types shows; nil for values that are not the engine's.
    /// `convert` gives the display of a nested value (a slider's results).
    func display(of value: Any, convert: (Any) -> Display) -> Display?
}

/// What builtins may use from outside: the chapters folder (for data files) and a memo shared by
/// every session of a project, so that a training run several chapters ask for runs once, even
/// when chapters run at the same time.
public final class LibraryContext: @unchecked Sendable {
    /// Relative data paths in steps resolve against this folder.
    public let chaptersDirectory: URL
    private let lock = NSLock()
    private var memo: [AnyHashable: Entry] = [:]

    /// One memoized value; its own lock lets other keys be computed meanwhile, and makes a second
    /// asker of the same key wait for the first instead of computing it again.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var value: Any?
    }

    public init(chaptersDirectory: URL) { self.chaptersDirectory = chaptersDirectory }

    /// The real path of the file `path` names (relative to the chapters folder, or absolute), when
    /// it is a regular file inside the chapters folder once symbolic links are followed: steps may
    /// read nothing else on the machine. The error says what is allowed.
    public func chapterFile(_ path: String) throws(StepFailure) -> URL {
        let allowed = "steps may read only files inside the chapters folder (a path relative to it, like data/names.txt)"
        guard let root = Self.realPath(chaptersDirectory.path) else {
            throw StepFailure("cannot read '\(path)': the chapters folder cannot be read")
        }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : chaptersDirectory.appendingPathComponent(path)
        // A missing file and a file outside get the same answer: steps cannot probe the machine.
        guard let real = Self.realPath(url.path), real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw StepFailure("cannot read '\(path)': there is no such file in the chapters folder; \(allowed)")
        }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw StepFailure("cannot read '\(path)': it is not a regular file; \(allowed)")
        }
        return URL(fileURLWithPath: real)
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The value under `key`, computed once by `make` for the life of this context.
    public func memoized<Key: Hashable & Sendable, T>(_ key: Key, _ make: () throws -> T) rethrows -> T {
        lock.lock()
        let entry = memo[AnyHashable(key)] ?? Entry()
        memo[AnyHashable(key)] = entry
        lock.unlock()
        entry.lock.lock(); defer { entry.lock.unlock() }
        if let hit = entry.value as? T { return hit }
        let value = try make()
        entry.value = value
        return value
    }
}

extension Library {
    /// Swift's basics and the binding's engine, as steps see them: made once per context (its
    /// builtins are parsed from their declarations) and only read after that, by every session.
    static func standard(binding: any StepBinding, context: LibraryContext) -> Library {
        context.memoized(StandardLibraryKey(module: binding.moduleName, version: binding.version)) {
            let library = Library()
            library.registerStdlib()
            binding.register(in: library, context: context)
            return library
        }
    }
}

/// The memo key of a binding's library in a context.
private struct StandardLibraryKey: Hashable, Sendable {
    let module: String
    let version: String
}

import Foundation
