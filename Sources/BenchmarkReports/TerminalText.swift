/// Messages for a terminal (standard error): text from the input — a benchmark name, a label, a
/// unit — may hold escape sequences that would clear the screen or retitle the window, so every
/// control is shown as `TextEscaping` shows it, line by line (the message's own line breaks kept).
public enum TerminalText {
    /// `text` with each line's controls (C0, DEL, C1) shown as `\u{…}`, `\r`, `\t`; the `\n` between
    /// lines kept.
    public static func visibleLines(_ text: String) -> String {
        guard TextEscaping.needsEscaping(text) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TextEscaping.visible(String($0)) }.joined(separator: "\n")
    }
}
