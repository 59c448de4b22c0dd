import ArgumentParser
import Foundation

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
            writeToStandardError("benchstat: \(failure.message)\n")
            return failure.exitCode
        } catch {
            let code = Benchstat.exitCode(for: error).rawValue
            let message = Benchstat.fullMessage(for: error)
            if code == 0 {
                if !message.isEmpty { print(message) }
                return 0
            }
            if !message.isEmpty { writeToStandardError(message + "\n") }
            // ExitCode(1) thrown by a command means "gate failed"; every other non-zero code from
            // the parser (64 usage, EXIT_FAILURE for an unknown option value…) is a usage error.
            if error is ExitCode, code == 1 { return 1 }
            return usageOrInputError
        }
    }

    /// Writes `text` to standard error without buffering it behind standard output.
    static func writeToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
