import MicroGPT

extension Presenter {
    /// The rich form of a MicroGPT value, or nil when `value` is not one.
    static func engineHTML(_ value: Any, language: String) -> String? {
        nil
    }
}
