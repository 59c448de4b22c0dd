import BenchmarkIngest
import BenchmarkReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Which reports one `analyze` run writes, and where: the `--format` report (text by default) on
/// standard output or in the plain `--output FILE`, and one report per `--output FORMAT=FILE`. The
/// analysis runs once; each report is rendered from it.
///
/// - `--format F --output FILE` keeps its meaning: the F report in FILE, nothing on standard output.
/// - `--output FORMAT=FILE` (repeatable) adds a report; `FORMAT` is one of `ReportFormat`'s names. A
///   path that starts with another word and `=` is a plain FILE (`./json=x` spells a file named
///   `json=x`).
/// - `--format` given twice, two plain `--output FILE`, or two outputs that name one file are usage
///   errors (exit 2), never a silent last-wins.
struct OutputPlan: Equatable {
    /// One report and its destination.
    struct Target: Equatable {
        let format: ReportFormat
        /// The file, or nil for standard output.
        let path: String?
        /// How the command line asked for it (`--output junit=junit.xml`), for messages.
        let spelling: String
    }

    /// Every report to write, the `--format` report first, then the `FORMAT=FILE` ones in order.
    let targets: [Target]

    /// The plan for `--format` values `formats` (in order given) and `--output` values `outputs`.
    ///
    /// - Throws: a `CommandFailure` (exit 2) for `--format` given more than once, more than one
    ///   plain `--output FILE`, or an empty FILE.
    static func make(formats: [ReportFormat], outputs: [String]) throws(CommandFailure) -> OutputPlan {
        if formats.count > 1 {
            throw CommandFailure(
                "--format is given \(formats.count) times (\(formats.map(\.rawValue).joined(separator: ", "))); "
                    + "give one --format (the report on standard output, or in a plain --output FILE) and "
                    + "--output FORMAT=FILE for each further report, e.g. --format text --output "
                    + "markdown=comment.md --output junit=junit.xml")
        }
        var plain: [String] = []
        var named: [Target] = []
        for output in outputs {
            if let (format, path) = parseNamed(output) {
                guard !path.isEmpty else {
                    throw CommandFailure("--output \(output): give the file after \"\(format.rawValue)=\"")
                }
                named.append(Target(format: format, path: path, spelling: "--output \(output)"))
            } else {
                guard !output.isEmpty else { throw CommandFailure("--output needs a file name, got \"\"") }
                plain.append(output)
            }
        }
        if plain.count > 1 {
            throw CommandFailure(
                "--output is given \(plain.count) plain files (\(plain.joined(separator: ", "))); one plain "
                    + "--output FILE takes the --format report; write further reports as --output FORMAT=FILE ("
                    + ReportFormat.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let format = formats.first ?? .text
        let primary = Target(
            format: format, path: plain.first,
            spelling: plain.first.map { "--format \(format.rawValue) --output \($0)" }
                ?? "the \(format.rawValue) report on standard output")
        return OutputPlan(targets: [primary] + named)
    }

    /// `(format, file)` when `output` is `FORMAT=FILE` with a known format name.
    private static func parseNamed(_ output: String) -> (ReportFormat, String)? {
        guard let equals = output.firstIndex(of: "="),
            let format = ReportFormat(rawValue: String(output[..<equals]))
        else { return nil }
        return (format, String(output[output.index(after: equals)...]))
    }

    /// The files written (not standard output).
    var files: [Target] { targets.filter { $0.path != nil } }

    /// Whether some report is in `format`.
    func contains(_ format: ReportFormat) -> Bool { targets.contains { $0.format == format } }

    /// The report on standard output, if there is one.
    var standardOutput: Target? { targets.first { $0.path == nil } }

    /// Refuses two reports that would land in one file: two paths that are one file (in any
    /// spelling: compared by device and inode, or by canonical path before the file exists), or a
    /// path that is standard output's own file while a report is also written there. Character
    /// devices (`/dev/null`, a terminal) take any number of reports and are exempt.
    ///
    /// - Throws: a `CommandFailure` (exit 2) naming both outputs; nothing has been read or written.
    func checkDistinct() throws(CommandFailure) {
        let files = self.files
        for (index, target) in files.enumerated() {
            guard let path = target.path, !Self.isCharacterDevice(path) else { continue }
            for earlier in files[..<index] {
                guard let other = earlier.path, OutputSafety.sameFile(path, other) else { continue }
                throw CommandFailure(
                    "\(path): \(earlier.spelling) and \(target.spelling) name the same file; give each report "
                        + "its own file (nothing was read or written)")
            }
            if let stdout = standardOutput, let identity = FileIdentity(path),
                identity == Self.standardOutputIdentity
            {
                throw CommandFailure(
                    "\(path): \(target.spelling) names standard output, where \(stdout.spelling) also goes; "
                        + "give it a file of its own (nothing was read or written)")
            }
        }
    }

    private static func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    /// The device and inode standard output is open on, or nil when it is closed.
    private static var standardOutputIdentity: FileIdentity? { FileIdentity("/dev/fd/\(STDOUT_FILENO)") }
}
