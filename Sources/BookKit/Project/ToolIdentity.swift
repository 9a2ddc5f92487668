import Foundation

/// Which build of the tool is running: cached results from another build (a changed interpreter or
/// engine) are not used. The executable's size and modification time change with every build.
enum ToolIdentity {
    static let current: String = {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else {
            return "unknown build \(UUID().uuidString)"  // never matches: nothing is reused
        }
        return "book \(size) \(modified.timeIntervalSince1970)"
    }()
}
