/// Turns a step's result into an HTML fragment. (Plain placeholder; the site issue makes it rich.)
public enum Presenter {
    /// `value` is the native Swift value of the step's last expression (nil when it had none);
    /// `text` is its plain-text form, exactly what an `output` block holds.
    public static func html(value: Any?, text: String) -> String {
        "<pre class=\"output\">" + HTML.escape(text) + "</pre>"
    }
}

/// HTML escaping, the one place that does it.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
