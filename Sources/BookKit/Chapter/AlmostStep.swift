/// Code blocks that look like a step or an `output` block but are not one: a typo in the info
/// string (`Swift step`, `swift-step`, `swiftstep`) or a fence indented into an indented code
/// block would otherwise turn a step into plain code that silently never runs.
enum AlmostStep {
    /// What is wrong with a fenced block whose info string is `info`; nil for a real step, a real
    /// output block or ordinary code.
    static func problem(info: String) -> (DiagnosticID, String)? {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count >= 2 && words[0] == "swift" && words[1] == "step" { return nil }
        if words.first == "output" { return nil }
        let shown = SafeLink.quoted(info)
        if looksLikeStep(info) {
            return (.almostStep, "'\(shown)' is not a step, so this block is shown as code and never runs: a step's info string starts with `swift step`, lowercase, the two words separated by a space")
        }
        if looksLikeOutput(info) {
            return (.almostOutput, "'\(shown)' is not an output block, so it is shown as code and never checked: an output block's info string is `output`, lowercase")
        }
        return nil
    }

    /// What is wrong with an indented code block whose text is `literal`, when its first line is a
    /// step's or an output block's fence.
    static func problem(indented literal: String) -> (DiagnosticID, String)? {
        let first = literal.prefix { $0 != "\n" && $0 != "\r" }.drop { $0 == " " || $0 == "\t" }
        guard let mark = first.first, mark == "`" || mark == "~" else { return nil }
        let fence = first.prefix { $0 == mark }
        guard fence.count >= 3 else { return nil }
        let info = String(first.dropFirst(fence.count))
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let isStep = (words.count >= 2 && words[0] == "swift" && words[1] == "step") || looksLikeStep(info)
        guard isStep || words.first == "output" || looksLikeOutput(info) else { return nil }
        let what = isStep ? "a step" : "an output block"
        return (isStep ? .almostStep : .almostOutput,
                "this is an indented code block, not \(what), so it is shown as code and never \(isStep ? "runs" : "checked"): its fence is indented by four spaces or a tab; indent a fence by at most three spaces (inside a list item, by at most three more than the item's text)")
    }

    /// The info string's words, lowercased, anything but letters and digits as a separator.
    private static func tokens(_ info: String) -> [String] {
        info.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    private static func looksLikeStep(_ info: String) -> Bool {
        let words = tokens(info)
        guard let first = words.first else { return false }
        if first == "swiftstep" || first == "swiftsteps" { return true }
        return first == "swift" && words.count >= 2 && (words[1] == "step" || words[1] == "steps")
    }

    private static func looksLikeOutput(_ info: String) -> Bool {
        let first = tokens(info).first
        return first == "output" || first == "outputs"
    }
}
