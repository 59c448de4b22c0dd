import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one command (through `/bin/sh -c`, or directly) with `posix_spawn` and times it with the monotonic clock:
/// no Foundation `Process` threads between the clock reads and the child. Standard input and output
/// are `/dev/null`; standard error goes to a file so that a failure can be reported with its words.
/// SIGINT and SIGTERM are reset to their defaults in the child, so Ctrl-C stops it as usual.
enum ProcessTimer {
    /// How a child ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    struct Outcome {
        let termination: Termination
        /// Wall-clock nanoseconds from spawn to reaped exit.
        let nanoseconds: UInt64
    }

    /// Runs `arguments` (the program first), with standard error written to `standardErrorPath`;
    /// with `searchPath` a program name without `/` is looked up on `PATH` (`posix_spawnp`).
    static func run(
        _ arguments: [String], standardErrorPath: String, searchPath: Bool = false
    ) throws(CommandFailure) -> Outcome {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, standardErrorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Nothing blocked in the child either, whatever mask this process inherited.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = monotonicNanoseconds()
        let program = arguments.first ?? "/bin/sh"
        let spawned =
            searchPath
            ? posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
            : posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw CommandFailure("cannot start \(arguments.first ?? ""): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw CommandFailure("waiting for \(arguments.first ?? ""): \(String(cString: strerror(errno)))")
            }
        }
        let end = monotonicNanoseconds()
        // The POSIX wait-status layout (WIFEXITED, WEXITSTATUS, WTERMSIG), which Swift cannot import.
        let signal = status & 0x7F
        let termination: Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        return Outcome(termination: termination, nanoseconds: end &- start)
    }

    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The full path of `program` on `PATH`, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Ctrl-C and SIGTERM during `measure`: the handler only raises a flag; the loop checks it between
/// samples, keeps what it has written and stops.
enum InterruptFlag {
    nonisolated(unsafe) private static var raised: sig_atomic_t = 0

    /// Installs the handler for SIGINT and SIGTERM, and unblocks both (a parent may have started
    /// this process with them blocked, as Foundation's `Process` does).
    static func install() {
        raised = 0
        signal(SIGINT) { _ in InterruptFlag.raised = 1 }
        signal(SIGTERM) { _ in InterruptFlag.raised = 1 }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Restores the default handlers.
    static func uninstall() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    static var isRaised: Bool { raised != 0 }
}
