import ArgumentParser
import BenchmarkIngest
import BenchmarkModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `benchstat measure CMD CMD...`: runs the commands interleaved (A B A B …) and writes a `runs/`
/// directory in the canonical format that `benchstat analyze` reads.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Time two or more commands, interleaved, into a runs/ directory that analyze reads.",
        discussion: """
            Each COMMAND is run by /bin/sh -c (with -N/--no-shell: split on whitespace and run \
            directly), with standard input and output on /dev/null; --prepare CMD runs, untimed, before \
            every run. Rounds \
            alternate the commands (A B A B …) so that slow drift of the machine hits them alike; every \
            sample carries its round as "iteration", so the comparison can pair them. Samples are \
            written as they are taken (DIR/LABEL/RUN.jsonl): Ctrl-C keeps every completed sample. \
            With --instrumentation the commands then run under valgrind --tool=callgrind and the \
            instruction counts (Ir) are recorded too. At the end each command's mean ± σ and range \
            are printed, and how many times slower or faster than the first command it ran. Exit \
            status: 0 done, 2 a command failed or usage error, 130 interrupted; a failure leaves no \
            empty file or directory behind.
            """
    )

    @Argument(help: "The commands to compare (two or more), each one shell command line.")
    var commands: [String] = []

    @Option(name: .customLong("name"), help: "A label per command, in order (default A, B, C, …).")
    var names: [String] = []

    @Option(help: "Timed samples per command.")
    var runs = 10

    @Option(help: "Untimed warm-up rounds before the samples.")
    var warmup = 1

    @Option(help: "The benchmark name written with every sample.")
    var benchmark = "command"

    @Option(name: [.short, .long], help: "The runs/ directory to write (label sub-directories inside).")
    var output = "runs"

    @Option(help: "The run id: the file name and the \"run\" field (default: m + the start time, UTC).")
    var runID: String?

    @Option(
        help: ArgumentHelp(
            "A command run before every run of the commands, untimed (e.g. to clear caches).",
            discussion: "Give it once for every command, or once per command in order."))
    var prepare: [String] = []

    @Flag(
        name: [.customShort("N"), .long],
        help: "Run the commands (and --prepare) without a shell: split on whitespace, found on PATH.")
    var noShell = false

    @Flag(help: "Also count instructions with valgrind --tool=callgrind (Ir).")
    var instrumentation = false

    @Option(help: "Samples per command under callgrind (with --instrumentation).")
    var instrumentationRuns = 3

    func validate() throws {
        if commands.count < 2 { throw ValidationError("give two or more commands to compare") }
        if !names.isEmpty, names.count != commands.count {
            throw ValidationError("give one --name per command: \(commands.count) commands, \(names.count) names")
        }
        if Set(labels).count != labels.count { throw ValidationError("labels must differ: \(labels)") }
        for label in labels where label.isEmpty || label.contains("/") || label.hasPrefix(".") {
            throw ValidationError("--name \"\(label)\" cannot be a directory name")
        }
        if prepare.count > 1, prepare.count != commands.count {
            throw ValidationError(
                "give --prepare once, or once per command: \(commands.count) commands, \(prepare.count) --prepare")
        }
        if noShell, let empty = (commands + prepare).first(where: { Self.words($0).isEmpty }) {
            throw ValidationError("with --no-shell a command needs a program to run, got \"\(empty)\"")
        }
        if runs < 1 { throw ValidationError("--runs must be at least 1, got \(runs)") }
        if warmup < 0 { throw ValidationError("--warmup must be 0 or more, got \(warmup)") }
        if instrumentationRuns < 1 {
            throw ValidationError("--instrumentation-runs must be at least 1, got \(instrumentationRuns)")
        }
        if let runID, runID.isEmpty || runID.contains("/") || runID.hasPrefix(".") {
            throw ValidationError("--run-id \"\(runID)\" cannot be a file name")
        }
    }

    var labels: [String] {
        if !names.isEmpty { return names }
        return commands.indices.map { index in
            let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            return index < letters.count ? String(letters[index]) : "C\(index + 1)"
        }
    }

    /// `command` split on whitespace, as `--no-shell` runs it.
    static func words(_ command: String) -> [String] {
        command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }

    func run() throws {
        let id = runID ?? Self.defaultRunID()
        if instrumentation, ProcessTimer.which("valgrind") == nil {
            throw CommandFailure(
                "--instrumentation needs valgrind, which is not on PATH (Debian: apt-get install valgrind)")
        }
        // The directories this measurement creates (outermost first): on failure, those left empty
        // are removed again, innermost first, so a failed command leaves nothing empty behind.
        var created: [String] = []
        var files: [SampleFile] = []
        do {
            for label in labels {
                created += CreatedDirectories.missing(on: "\(output)/\(label)").filter { !created.contains($0) }
                files.append(try SampleFile(directory: "\(output)/\(label)", name: "\(id).jsonl"))
            }
            try measure(files, id: id)
        } catch {
            // Nothing measured for a label (a failure in the warm-up): leave no empty file behind.
            for file in files { file.removeIfEmpty() }
            CreatedDirectories.removeIfEmpty(created)
            throw error
        }
    }

    func measure(_ files: [SampleFile], id: String) throws {
        var valgrind: String?
        if instrumentation { valgrind = ProcessTimer.which("valgrind") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("benchstat-measure-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create \(scratch.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let progress = MeasureProgress(total: (warmup + runs) * commands.count, enabled: isatty(STDERR_FILENO) == 1)
        InterruptFlag.install()
        defer { InterruptFlag.uninstall() }
        var taken = 0
        let session = Session(
            commands: commands, labels: labels, scratch: scratch, files: files, progress: progress,
            output: output, prepare: prepare, noShell: noShell)
        var samples = Array(repeating: [UInt64](), count: commands.count)
        // Warm-ups, then the timed rounds: A B A B …
        for round in 0..<(warmup + runs) {
            let iteration = round - warmup + 1
            for index in commands.indices {
                guard let nanoseconds = try session.time(index, round: round) else {
                    return try session.interrupted(samples: taken)
                }
                if iteration >= 1 {
                    samples[index].append(nanoseconds)
                    try files[index].append(
                        benchmark: benchmark, mode: .walltime, unit: "ns", value: nanoseconds, run: id,
                        iteration: iteration)
                }
            }
            if iteration >= 1 { taken += 1 }
        }
        progress.finish()
        var counted = 0
        if let valgrind {
            let countProgress = MeasureProgress(total: instrumentationRuns * commands.count, enabled: progress.enabled)
            for iteration in 1...instrumentationRuns {
                for index in commands.indices {
                    guard
                        let count = try session.countInstructions(
                            index, valgrind: valgrind, iteration: iteration, progress: countProgress)
                    else {
                        return try session.interrupted(samples: taken)
                    }
                    try files[index].append(
                        benchmark: benchmark, mode: .instrumentation, unit: "instructions", value: count, run: id,
                        iteration: iteration)
                }
                counted += 1
            }
            countProgress.finish()
        }
        let summary = MeasureSummary(
            commands: commands.indices.map {
                MeasureSummary.Command(label: labels[$0], command: commands[$0], nanoseconds: samples[$0])
            })
        var message = summary.lines.map { $0 + "\n" }.joined()
        message += "benchstat measure: \(taken) walltime sample(s) per command"
        if counted > 0 { message += " and \(counted) callgrind count(s)" }
        message += " in \(output)/{\(labels.joined(separator: ","))}/\(id).jsonl; next: benchstat analyze \(output)"
        if labels.count > 2 || !labels.contains("base") { message += " --base \(labels[0])" }
        CommandLineEntry.writeToStandardError(message + "\n")
    }

    /// `m20261125T143012Z` (the start time, UTC): sorts by time, unique enough for one person's runs.
    static func defaultRunID() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "m" + formatter.string(from: Date())
    }
}

extension MeasureCommand {
    /// The state one measurement shares between its loops.
    struct Session {
        let commands: [String]
        let labels: [String]
        let scratch: URL
        let files: [SampleFile]
        let progress: MeasureProgress
        let output: String
        /// The `--prepare` commands: none, one for all, or one per command.
        let prepare: [String]
        let noShell: Bool

        /// The program and arguments that run `command`: through `/bin/sh -c`, or split on
        /// whitespace with `--no-shell`.
        func argv(_ command: String) -> [String] {
            noShell ? MeasureCommand.words(command) : ["/bin/sh", "-c", command]
        }

        /// Runs command `index`'s `--prepare` command, if any (untimed); false when interrupted.
        func runPrepare(_ index: Int) throws(CommandFailure) -> Bool {
            guard !prepare.isEmpty else { return true }
            let command = prepare.count == 1 ? prepare[0] : prepare[index]
            let outcome = try ProcessTimer.run(
                argv(command), standardErrorPath: standardErrorPath(index), searchPath: noShell)
            if InterruptFlag.isRaised { return false }
            try check(outcome.termination, index: index, what: "", prepareCommand: command)
            return true
        }

        func standardErrorPath(_ index: Int) -> String {
            scratch.appendingPathComponent("stderr-\(index)").path
        }

        /// Times command `index` once; nil when interrupted.
        func time(_ index: Int, round: Int) throws(CommandFailure) -> UInt64? {
            if InterruptFlag.isRaised { return nil }
            progress.step(labels[index])
            guard try runPrepare(index) else { return nil }
            let outcome = try ProcessTimer.run(
                argv(commands[index]), standardErrorPath: standardErrorPath(index), searchPath: noShell)
            // Interrupted while the command ran: it was stopped too, so the sample is incomplete.
            if InterruptFlag.isRaised, outcome.termination != .exited(0) { return nil }
            try check(outcome.termination, index: index, what: "")
            return outcome.nanoseconds
        }

        /// Counts command `index`'s instructions under callgrind (children traced); nil when
        /// interrupted.
        func countInstructions(_ index: Int, valgrind: String, iteration: Int, progress: MeasureProgress)
            throws(CommandFailure) -> UInt64?
        {
            if InterruptFlag.isRaised { return nil }
            progress.step(labels[index] + " (callgrind)")
            guard try runPrepare(index) else { return nil }
            let directory = scratch.appendingPathComponent("callgrind-\(index)-\(iteration)")
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot create \(directory.path): \(error.localizedDescription)")
            }
            let outcome = try ProcessTimer.run(
                [
                    valgrind, "--tool=callgrind", "--trace-children=yes",
                    "--callgrind-out-file=\(directory.path)/callgrind.out.%p",
                ] + argv(commands[index]), standardErrorPath: standardErrorPath(index))
            if InterruptFlag.isRaised, outcome.termination != .exited(0) { return nil }
            try check(outcome.termination, index: index, what: " under valgrind")
            return try CallgrindTotals.sum(directory: directory)
        }

        func check(
            _ termination: ProcessTimer.Termination, index: Int, what: String, prepareCommand: String? = nil
        ) throws(CommandFailure) {
            let how: String
            switch termination {
            case .exited(0): return
            case .exited(let code): how = "exited with status \(code)"
            case .signalled(let signal): how = "was killed by signal \(signal)"
            }
            var message = "command \(labels[index]) (\(commands[index]))\(what) \(how)"
            if let prepareCommand {
                message = "the --prepare command of \(labels[index]) (\(prepareCommand)) \(how)"
            }
            let errors = (try? String(contentsOfFile: standardErrorPath(index), encoding: .utf8)) ?? ""
            let tail = errors.split(separator: "\n").suffix(5).joined(separator: "\n")
            if !tail.isEmpty { message += "; its standard error ended with:\n" + tail }
            if files.contains(where: { $0.samples > 0 }) {
                message += "\nthe samples taken before the failure are in \(output)/"
            }
            throw CommandFailure(message)
        }

        func interrupted(samples: Int) throws(CommandFailure) {
            progress.finish()
            throw CommandFailure(
                "interrupted: kept \(samples) complete round(s) of samples in \(output)/ "
                    + "(labels \(labels.joined(separator: ", ")))", exitCode: 130)
        }
    }
}

/// One label's output file, written a line at a time with write(2): what is on disk is complete
/// lines, whatever happens to the process.
final class SampleFile {
    let path: String
    private let descriptor: Int32
    private(set) var samples = 0

    init(directory: String, name: String) throws(CommandFailure) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create \(directory): \(error.localizedDescription)")
        }
        path = "\(directory)/\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0o644)
        guard fd >= 0 else {
            let reason =
                errno == EEXIST ? "it exists already (pick another --run-id)" : String(cString: strerror(errno))
            throw CommandFailure("cannot write \(path): \(reason)")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Appends one canonical sample line (`CanonicalRecordWriter`).
    func append(
        benchmark: String, mode: MeasurementMode, unit: String, value: UInt64, run: String, iteration: Int
    ) throws(CommandFailure) {
        let line = CanonicalRecordWriter.line(
            benchmark: benchmark, mode: mode, unit: unit, value: value, run: run, iteration: iteration)
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        samples += 1
    }

    /// Removes the file when no sample was written to it.
    func removeIfEmpty() {
        if samples == 0 { unlink(path) }
    }

}

/// The instruction count of one callgrind run: the sum of the `summary:` (or `totals:`) Ir of every
/// output file (one per process with --trace-children=yes), each read by Ingest's `ValgrindOutput`.
enum CallgrindTotals {
    static func sum(directory: URL) throws(CommandFailure) -> UInt64 {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw CommandFailure("cannot read callgrind output in \(directory.path): \(error.localizedDescription)")
        }
        var total: UInt64 = 0
        var found = false
        for name in names where name.hasPrefix("callgrind.out.") {
            // Ingest's reader: `summary:` preferred, else the last `totals:` (an unreadable or
            // cut-short file of a traced child counts nothing).
            guard let output = try? ValgrindOutput.read(path: directory.appendingPathComponent(name).path),
                let count = try? output.total(of: "Ir").value, count >= 0, count < 1.8e19
            else { continue }
            total += UInt64(count)
            found = true
        }
        guard found, total > 0 else {
            throw CommandFailure("callgrind wrote no instruction count in \(directory.path)")
        }
        return total
    }
}
