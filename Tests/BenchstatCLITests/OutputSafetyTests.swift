import BenchstatTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16, "Data loss and security": `--output` never replaces a file the run reads, never follows
/// a planted link, writes special files in place, and standard output errors are errors.
@Suite struct OutputSafetyTests {
    /// runs/{base,head}/r.jsonl (head 2× slower: the gate fails), history/h1.jsonl, benchstat.toml.
    static func workspace() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.write("runs/base/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [100, 101, 102, 103, 104]))
        try dir.write("runs/head/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [200, 201, 202, 203, 204]))
        for run in ["h1", "h2", "h3"] {
            try dir.write("history/\(run).jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [100, 101, 102]))
        }
        try dir.write("benchstat.toml", "[defaults]\nalpha = 0.05\n")
        return dir
    }

    /// Every spelling of an input, a history run and the configuration file as `--output`: exit 2,
    /// one message naming both roles, and every file byte-identical afterwards.
    @Test(arguments: [
        ("runs/base/r.jsonl", "an input of label \"base\""),
        ("./runs/head/r.jsonl", "an input of label \"head\""),
        ("runs/base/../head/r.jsonl", "an input of label \"head\""),
        ("link.jsonl", "an input of label \"base\""),
        ("hard.jsonl", "an input of label \"head\""),
        ("history/h2.jsonl", "a --history run (\"h2\")"),
        ("benchstat.toml", "the --config file"),
        ("./link-to-config", "the --config file"),
    ])
    func outputThatIsAnInputIsRefused(_ output: String, _ role: String) throws {
        let dir = try Self.workspace()
        #expect(symlink("runs/base/r.jsonl", dir.url.appendingPathComponent("link.jsonl").path) == 0)
        #expect(symlink("benchstat.toml", dir.url.appendingPathComponent("link-to-config").path) == 0)
        #expect(
            link(
                dir.url.appendingPathComponent("runs/head/r.jsonl").path,
                dir.url.appendingPathComponent("hard.jsonl").path) == 0)
        let snapshot = InputSnapshot([dir.url.path])
        let run = try Binary.runProcess(
            URL(fileURLWithPath: "/bin/sh"),
            arguments: [
                "-c", "cd \"$1\" && exec \"$0\" analyze runs --history history --config benchstat.toml --output \"$2\"",
                Binary.productsDirectory.appendingPathComponent("benchstat").path, dir.url.path, output,
            ], environment: ["NO_COLOR": "1"])
        #expect(run.exitCode == 2, "\(run.standardError)")
        #expect(run.standardError.hasPrefix("benchstat: \(output): --output names \(role)"), "\(run.standardError)")
        #expect(run.standardError.hasSuffix("refusing to replace it with the report (nothing was read or written)\n"))
        #expect(snapshot.changes().isEmpty, "changed: \(snapshot.changes())")
        #expect(run.standardOutput.isEmpty)
    }

    /// A history store (or a github-action-benchmark file) given to `--history`, and the SQLite
    /// files beside a store, are refused as `--output` like any input; so is the `--db` store of
    /// `history show` and `history export`.
    @Test(arguments: ["h.sqlite", "h.sqlite-wal", "./h.sqlite"])
    func outputThatIsTheHistoryStoreIsRefused(_ output: String) throws {
        let dir = try Self.workspace()
        let benchstat = Binary.productsDirectory.appendingPathComponent("benchstat").path
        let record = try Binary.runProcess(
            URL(fileURLWithPath: benchstat),
            arguments: [
                "history", "record", dir.url.appendingPathComponent("history/h1.jsonl").path, "--commit", "c1",
                "--db", dir.url.appendingPathComponent("h.sqlite").path, "--machine", "m",
            ], environment: ["NO_COLOR": "1"])
        #expect(record.exitCode == 0, "\(record.standardError)")
        let snapshot = InputSnapshot([dir.url.path])
        for command in [
            "analyze runs --history h.sqlite --history-machine m --output \"$2\"",
            "history export --db h.sqlite --output \"$2\"",
            "history show a --db h.sqlite --output \"$2\"",
        ] {
            let run = try Binary.runProcess(
                URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", "cd \"$1\" && exec \"$0\" \(command)", benchstat, dir.url.path, output],
                environment: ["NO_COLOR": "1"])
            #expect(run.exitCode == 2, "\(command): \(run.standardError)")
            #expect(run.standardError.contains("history"), "\(run.standardError)")
            #expect(run.standardError.hasSuffix("(nothing was read or written)\n"), "\(run.standardError)")
        }
        #expect(snapshot.changes().isEmpty, "changed: \(snapshot.changes())")
    }

    /// The job summary a `--format github` run appends to is refused when it is an input, before
    /// anything is read (it was appended to, and the next analysis failed on the markdown).
    @Test func stepSummaryThatIsAnInputIsRefused() throws {
        let dir = try Self.workspace()
        let snapshot = InputSnapshot([dir.url.path])
        let run = try Binary.run(
            ["analyze", dir.url.appendingPathComponent("runs").path, "--format", "github"],
            environment: ["GITHUB_STEP_SUMMARY": dir.url.appendingPathComponent("runs/base/r.jsonl").path])
        #expect(run.exitCode == 2, "\(run.standardError)")
        #expect(
            run.standardError.contains("GITHUB_STEP_SUMMARY names an input of label \"base\""), "\(run.standardError)")
        #expect(snapshot.changes().isEmpty, "changed: \(snapshot.changes())")
    }

    /// Of several outputs, none is written when one cannot be created (its directory is missing):
    /// checked before anything is read, instead of failing on the second after the first was replaced.
    @Test func outputsAreCheckedTogetherBeforeAnyIsWritten() throws {
        let dir = try Self.workspace()
        let first = try dir.write("a.md", "OLD\n")
        let run = try Binary.run([
            "analyze", dir.url.appendingPathComponent("runs").path, "--output", "markdown=\(first.path)",
            "--output", "junit=\(dir.url.appendingPathComponent("nodir/b.xml").path)",
        ])
        #expect(run.exitCode == 2, "\(run.standardError)")
        #expect(run.standardError.contains("nodir does not exist"), "\(run.standardError)")
        #expect(try String(contentsOf: first, encoding: .utf8) == "OLD\n")
    }

    /// A report may have the longest name the file system allows: its temporary file then takes a
    /// shorter name (the report's name and 18 more bytes would not fit).
    @Test func aReportNamedAtTheLengthLimitIsWritten() throws {
        let dir = try Self.workspace()
        let report = dir.url.appendingPathComponent(String(repeating: "r", count: 250) + ".txt")
        let run = try Binary.run(["analyze", dir.url.appendingPathComponent("runs").path, "--output", report.path])
        #expect(run.exitCode == 1, "\(run.standardError)")
        #expect(try String(contentsOf: report, encoding: .utf8).contains("gate: FAIL"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(left)")
    }

    /// A report that replaces an existing one keeps its permissions (a private 0600 report stays
    /// private; it used to become 0666 & ~umask).
    @Test func replacedReportKeepsItsMode() throws {
        let dir = try Self.workspace()
        let report = try dir.write("report.txt", "old\n")
        #expect(chmod(report.path, 0o600) == 0)
        let run = try Binary.run(["analyze", dir.url.appendingPathComponent("runs").path, "--output", report.path])
        #expect(run.exitCode == 1, "\(run.standardError)")
        var info = stat()
        #expect(stat(report.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOf: report, encoding: .utf8) != "old\n")
    }

    /// A new report gets mode 0666 & ~umask, its temporary file has a random name created
    /// exclusively (a link planted at the old predictable name is not followed), and nothing else
    /// is left beside it.
    @Test func newReportModeFollowsTheUmaskAndNoTemporaryIsLeft() throws {
        let dir = try Self.workspace()
        let victim = try dir.write("victim.txt", "precious\n")
        let out = dir.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // The old temporary name was `.report.txt.benchstat-PID.tmp`: plant links for many PIDs.
        for pid in 1..<400 {
            _ = symlink(victim.path, out.appendingPathComponent(".report.txt.benchstat-\(pid).tmp").path)
        }
        let run = try Binary.runProcess(
            URL(fileURLWithPath: "/bin/sh"),
            arguments: [
                "-c", "umask 027; exec \"$0\" analyze \"$1\" --output \"$2\"",
                Binary.productsDirectory.appendingPathComponent("benchstat").path,
                dir.url.appendingPathComponent("runs").path, out.appendingPathComponent("report.txt").path,
            ], environment: ["NO_COLOR": "1"])
        #expect(run.exitCode == 1, "\(run.standardError)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        var info = stat()
        #expect(lstat(out.appendingPathComponent("report.txt").path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFREG)
        #expect(info.st_mode & 0o777 == 0o640)
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasSuffix(".tmp") }
        #expect(left == ["report.txt"])
    }

    /// A symbolic link as `--output` is written through: the link stays, its target holds the
    /// report. A link that leads nowhere is refused.
    @Test func symbolicLinkOutputIsWrittenThrough() throws {
        let dir = try Self.workspace()
        let target = try dir.write("reports/latest.txt", "old report\n")
        let linkPath = dir.url.appendingPathComponent("report.txt").path
        #expect(symlink(target.path, linkPath) == 0)
        let run = try Binary.run(["analyze", dir.url.appendingPathComponent("runs").path, "--output", linkPath])
        #expect(run.exitCode == 1, "\(run.standardError)")
        var info = stat()
        #expect(lstat(linkPath, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("regression"))
        let dangling = dir.url.appendingPathComponent("dangling.txt").path
        #expect(symlink(dir.url.appendingPathComponent("nowhere/x.txt").path, dangling) == 0)
        let refused = try Binary.run(["analyze", dir.url.appendingPathComponent("runs").path, "--output", dangling])
        #expect(refused.exitCode == 2)
        #expect(refused.standardError.contains("a symbolic link that leads nowhere"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("nowhere").path))
    }

    /// A FIFO, /dev/null, /dev/stdout and process substitution are written in place: none becomes a
    /// regular file.
    @Test func specialFilesAreWrittenInPlace() throws {
        let dir = try Self.workspace()
        let binary = Binary.productsDirectory.appendingPathComponent("benchstat").path
        let runs = dir.url.appendingPathComponent("runs").path
        let fifo = dir.url.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let run = try Binary.runProcess(
            URL(fileURLWithPath: "/bin/bash"),
            arguments: [
                "-c",
                """
                cat "$3" > "$3.read" & reader=$!
                "$0" analyze "$1" --output "$3"; echo "fifo $?"; wait $reader
                "$0" analyze "$1" --output /dev/null; echo "null $?"
                "$0" analyze "$1" --output /dev/stdout | grep -c '^gate: FAIL'; echo "stdout ${PIPESTATUS[0]}"
                "$0" analyze "$1" --output >(grep -c '^gate: FAIL' > "$2/substituted"); echo "substitution $?"
                sleep 0.2
                """,
                binary, runs, dir.url.path, fifo,
            ], environment: ["NO_COLOR": "1"])
        #expect(run.standardOutput == "fifo 1\nnull 1\n1\nstdout 1\nsubstitution 1\n", "\(run.standardError)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try String(contentsOfFile: fifo + ".read", encoding: .utf8).contains("gate: FAIL"))
        #expect(try String(contentsOf: dir.url.appendingPathComponent("substituted"), encoding: .utf8) == "1\n")
    }

    /// A full or closed standard output is exit 2 with a message; a reader that stops reading
    /// (`| head`) leaves the gate's exit code (1 here), not death by SIGPIPE (141).
    @Test func standardOutputErrors() throws {
        let dir = try Self.workspace()
        let binary = Binary.productsDirectory.appendingPathComponent("benchstat").path
        let runs = dir.url.appendingPathComponent("runs").path
        for redirection in [">/dev/full", ">&-"] {
            let run = try Binary.runProcess(
                URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", "exec \"$0\" analyze \"$1\" \(redirection)", binary, runs],
                environment: ["NO_COLOR": "1"])
            #expect(run.exitCode == 2, "\(redirection): \(run.standardError)")
            #expect(run.standardError.hasPrefix("benchstat: standard output: cannot write the report: "))
        }
        let piped = try Binary.runProcess(
            URL(fileURLWithPath: "/bin/bash"),
            arguments: [
                "-c", "set -o pipefail; \"$0\" analyze \"$1\" --format html | (exec 0<&-; sleep 0.1); echo $?", binary,
                runs,
            ], environment: ["NO_COLOR": "1"])
        #expect(piped.standardOutput == "1\n", "\(piped.standardError)")
        #expect(piped.standardError.isEmpty)
    }
}
