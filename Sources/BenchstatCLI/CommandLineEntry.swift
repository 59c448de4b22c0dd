import ArgumentParser
import BenchmarkReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An error that the command line reports with its own exit code, after every other layer has
/// turned its failure into words. The message is printed once, to standard error.
public struct CommandFailure: Error, CustomStringConvertible, Sendable {
    /// The process exit code: 2 for usage and input errors.
    public let exitCode: Int32
    /// The message, already naming the file and line where there is one.
    public let message: String

    /// Creates a failure with `message` and exit code `exitCode` (default 2: usage or input error).
    public init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}

/// Runs `benchstat` as a process would: parses `arguments`, runs the command, prints any message
/// once, and returns the exit code of DESIGN.md — 0 gate passed, 1 gate failed, 2 usage or input
/// error. swift-argument-parser's own usage-error code (64) is mapped to 2.
public enum CommandLineEntry {
    /// The exit code for usage and input errors.
    public static let usageOrInputError: Int32 = 2

    /// Parses and runs `arguments` (without the program name); returns the process exit code.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try Benchstat.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as CommandFailure {
            writeMessageToStandardError("benchstat: \(failure.message)\n")
            return failure.exitCode
        } catch {
            let code = Benchstat.exitCode(for: error).rawValue
            let message = Benchstat.fullMessage(for: error)
            if code == 0 {
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { writeMessageToStandardError(message + "\n") }
            // ExitCode(1) thrown by a command means "gate failed"; every other non-zero code from
            // the parser (64 usage, EXIT_FAILURE for an unknown option value…) is a usage error.
            if error is ExitCode, code == 1 { return 1 }
            return usageOrInputError
        }
    }

    /// Writes `text` to standard error without buffering it behind standard output; a closed or
    /// full standard error loses the text (there is nowhere else to say it) but never stops the run.
    /// Writes a message (an error, a warning) to standard error with the controls it may carry
    /// from the input shown, not sent to the terminal (`TerminalText`).
    static func writeMessageToStandardError(_ text: String) {
        writeToStandardError(TerminalText.visibleLines(text))
    }

    /// Writes `text` to standard error as it is (the progress line's own escape sequences).
    static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let count = write(STDERR_FILENO, base + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                offset += count
            }
        }
    }

    /// Sets up the process before `run(_:)`: SIGPIPE is ignored, so that a reader that stops
    /// reading (`benchstat analyze … | head -1`) is seen as EPIPE and the exit code stays the gate's
    /// (README, "Exit status"), not a death by signal (141); a closed standard stream (`>&-`) is
    /// opened on /dev/null — read-only for standard output, so that writing the report there fails
    /// (exit 2) rather than a file opened later taking its number and receiving the report. And
    /// what a command has finished with at its end is left for the exit to reclaim (`ExitTeardown`).
    public static func prepareProcess() {
        ExitTeardown.skipFreeing()
        signal(SIGPIPE, SIG_IGN)
        for (descriptor, flags) in [(STDIN_FILENO, O_RDONLY), (STDOUT_FILENO, O_RDONLY), (STDERR_FILENO, O_WRONLY)]
        where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", flags)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
