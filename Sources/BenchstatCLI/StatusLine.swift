import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `analyze` is doing, on one line of standard error rewritten in place — only when standard
/// error is a terminal, so logs, pipes and CI stay clean. Cleared before the report is written.
struct StatusLine {
    /// Whether anything is shown: standard error is a TTY and `TERM` is not `dumb`.
    let enabled: Bool

    init() {
        enabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Replaces the line with `text`.
    func show(_ text: String) {
        guard enabled else { return }
        CommandLineEntry.writeToStandardError("\r\u{1B}[Kbenchstat: " + text)
    }

    /// Erases the line.
    func clear() {
        guard enabled else { return }
        CommandLineEntry.writeToStandardError("\r\u{1B}[K")
    }
}
