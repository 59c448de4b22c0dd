import BenchstatTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One case of `BadInputs/manifest.json`.
struct BadInputCase: Sendable, Decodable, CustomTestStringConvertible {
    let name: String
    let what: String
    let args: [String]
    let exit: Int32
    let message: String
    let location: String?

    var testDescription: String { name }
}

/// The bad-input catalogue (issue 7): malformed inputs in every format, run through the real binary.
enum BadInputCatalogue {
    static let folder = "Tests/BenchstatCLITests/BadInputs"

    static var folderURL: URL { Binary.repository.appendingPathComponent(folder) }

    static let cases: [BadInputCase] = {
        struct Manifest: Decodable { let cases: [BadInputCase] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("BadInputs/manifest.json")
        guard let data = try? Data(contentsOf: url), let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return manifest.cases
    }()

    /// What a crash or a trap prints; none of it may ever reach the user.
    static let crashMarkers = [
        "Fatal error", "Stack dump", "Backtrace", "Crash", "💣", "SIGSEGV", "SIGILL", "SIGABRT", "Program crashed",
        "Thread 0", "Current stack trace",
    ]

    /// Runs `benchstat analyze ARGS --output DIR/report.txt` and checks what every case must hold:
    /// the exit code, no crash output, and for exit 2 one `benchstat: LOCATION: …` line with no report
    /// (and no temporary file) left behind. Returns the run and the report, if one was written.
    @discardableResult
    static func check(
        _ arguments: [String], exit: Int32, message: String, location: String?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (run: BinaryRun, report: String?) {
        let output = try TemporaryDirectory()
        let reportURL = output.url.appendingPathComponent("report.txt")
        let before = InputSnapshot(arguments)
        let run = try Binary.run(["analyze"] + arguments + ["--output", reportURL.path])
        let context = "\(arguments.joined(separator: " ")): exit \(run.exitCode)\n\(run.standardError)"
        #expect(
            before.changes().isEmpty, "inputs changed: \(before.changes()) — \(context)", sourceLocation: sourceLocation
        )
        #expect(run.exitCode == exit, "\(context)", sourceLocation: sourceLocation)
        for marker in crashMarkers {
            #expect(!run.standardError.contains(marker), "\(context)", sourceLocation: sourceLocation)
        }
        let report = try? String(contentsOf: reportURL, encoding: .utf8)
        if exit == 2 {
            let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(
                lines.count == 2 && lines.last == "", "one line expected: \(context)", sourceLocation: sourceLocation)
            #expect(run.standardError.contains(message), "\(context)", sourceLocation: sourceLocation)
            if let location {
                #expect(
                    run.standardError.hasPrefix("benchstat: \(location)"), "expected \(location): \(context)",
                    sourceLocation: sourceLocation)
            }
            #expect(run.standardOutput.isEmpty, "\(context)", sourceLocation: sourceLocation)
            let left = (try? FileManager.default.contentsOfDirectory(atPath: output.url.path)) ?? []
            #expect(left.isEmpty, "left behind: \(left) — \(context)", sourceLocation: sourceLocation)
        } else {
            #expect(
                (report ?? "").contains(message) || run.standardError.contains(message),
                "\(context)\n\(report ?? "no report")", sourceLocation: sourceLocation)
        }
        return (run, report)
    }
}

/// The bytes of every file an invocation names (directories walked, links followed), to check that a
/// run changed none of them.
struct InputSnapshot {
    let files: [String: Data]

    /// Every argument that names an existing file or directory (options' values included).
    init(_ arguments: [String]) {
        var files: [String: Data] = [:]
        for argument in arguments where !argument.hasPrefix("-") {
            let path = argument.hasPrefix("/") ? argument : Binary.repository.path + "/" + argument
            Self.collect(path, into: &files, depth: 8)
        }
        self.files = files
    }

    private static func collect(_ path: String, into files: inout [String: Data], depth: Int) {
        var isDirectory: ObjCBool = false
        guard depth > 0, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                collect(path + "/" + name, into: &files, depth: depth - 1)
            }
        } else {
            var info = stat()
            // Only regular files: reading a FIFO would block.
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
            files[path] = FileManager.default.contents(atPath: path) ?? Data()
        }
    }

    /// The files whose bytes differ now (or that are gone).
    func changes() -> [String] {
        files.compactMap { path, data in FileManager.default.contents(atPath: path) == data ? nil : path }.sorted()
    }
}

@Suite struct BadInputCatalogueTests {
    @Test func catalogueCoversEveryFormat() {
        let cases = BadInputCatalogue.cases
        #expect(cases.count >= 40, "the manifest holds \(cases.count) cases")
        #expect(Set(cases.map(\.name)).count == cases.count, "case names are unique")
        let paths = cases.flatMap(\.args)
        for folder in [
            "jsonl/", "csv/", "go/", "gbench/", "hyperfine/", "pytest/", "pyperf/", "valgrind/", "criterion/",
        ] {
            #expect(paths.contains { $0.hasPrefix(folder) }, "no case for \(folder)")
        }
        // Every committed input is used by some case.
        let root = BadInputCatalogue.folderURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            guard !isDirectory.boolValue, relative != "manifest.json" else { continue }
            #expect(paths.contains { relative.hasPrefix($0) }, "\(relative) is in no case")
        }
    }

    @Test(arguments: BadInputCatalogue.cases)
    func committedCase(_ entry: BadInputCase) throws {
        let prefix = BadInputCatalogue.folder + "/"
        let arguments = entry.args.map { $0.hasPrefix("-") ? $0 : prefix + $0 }
        try BadInputCatalogue.check(
            arguments, exit: entry.exit, message: entry.message, location: entry.location.map { prefix + $0 })
    }

    /// Inputs that cannot be committed: special files, links, huge or empty things.
    @Test func fifoIsRefusedWithoutBlocking() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.url.appendingPathComponent("results.jsonl").path
        #expect(mkfifo(fifo, 0o644) == 0)
        try BadInputCatalogue.check(
            [fifo, BadInputCatalogue.folder + "/good/base.jsonl"], exit: 2, message: "not a regular file",
            location: fifo)
    }

    @Test func symbolicLinkLoopAndBrokenLink() throws {
        let dir = try TemporaryDirectory()
        let first = dir.url.appendingPathComponent("a.jsonl").path
        let second = dir.url.appendingPathComponent("b.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: first, withDestinationPath: second)
        try FileManager.default.createSymbolicLink(atPath: second, withDestinationPath: first)
        let good = BadInputCatalogue.folder + "/good/base.jsonl"
        try BadInputCatalogue.check(
            [first, good], exit: 2, message: "a broken symbolic link or a symbolic link loop", location: first)
        let broken = dir.url.appendingPathComponent("gone.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: "/nonexistent/benchstat")
        try BadInputCatalogue.check(
            [broken, good], exit: 2, message: "a broken symbolic link or a symbolic link loop", location: broken)
        // A link loop inside a label directory: the label's other files are not read as a loop forever.
        try dir.write("runs/base/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2, 3]))
        try dir.write("runs/head/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2, 3]))
        try FileManager.default.createSymbolicLink(
            atPath: dir.url.appendingPathComponent("runs/head/up").path, withDestinationPath: "..")
        try BadInputCatalogue.check(
            [dir.url.appendingPathComponent("runs").path], exit: 0, message: "skipped: a sub-directory",
            location: nil)
    }

    /// File names that are not UTF-8 (issue 16) cannot be committed portably: made here. A Latin-1
    /// name is read — on the command line and in a label directory — and shown escaped (`b\xE9`) in
    /// the one-line error at its line; `--output` naming it is refused; every input stays unchanged.
    @Test func latin1FileNames() throws {
        let dir = try TemporaryDirectory()
        let files = ByteNamedFiles(root: dir.path)
        defer { files.removeAll() }
        let good = #"{"benchmark":"a","unit":"ns","value":1}"# + "\n"
        let cases: [(name: String, text: String)] = [
            ("b\u{E9}.jsonl", good + "{\"benchmark\":\n"), ("runs/base/r\u{E9}.jsonl", good),
            ("runs/head/r\u{E9}.jsonl", good + good), ("good.jsonl", good),
        ]
        for (name, text) in cases { try files.write(ByteNamedFiles.latin1(name), text) }
        let checks: [(arguments: [[UInt8]], exit: Int32, message: String)] = [
            (
                [Array("analyze".utf8), ByteNamedFiles.latin1("b\u{E9}.jsonl"), Array("good.jsonl".utf8)], 2,
                "benchstat: b\\xE9.jsonl:2: "
            ),
            ([Array("analyze".utf8), Array("runs".utf8)], 0, ""),
            (
                [
                    Array("analyze".utf8), Array("good.jsonl".utf8), Array("runs/base".utf8), Array("--output".utf8),
                    ByteNamedFiles.latin1("runs/base/r\u{E9}.jsonl"),
                ], 2, "benchstat: runs/base/r\\xE9.jsonl: --output names"
            ),
        ]
        for check in checks {
            let run = try RawArgumentRun.run(check.arguments, in: dir.path)
            #expect(run.exitCode == check.exit, "\(run.standardError)")
            for marker in BadInputCatalogue.crashMarkers { #expect(!run.standardError.contains(marker)) }
            if check.exit == 2 {
                #expect(run.standardError.hasPrefix(check.message), "\(run.standardError)")
                #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
                #expect(run.standardOutput.isEmpty)
            }
            for (name, text) in cases {
                #expect(files.contents(ByteNamedFiles.latin1(name)) == Array(text.utf8), "\(name) changed")
            }
        }
    }

    /// Tests run as root in CI, where mode 000 does not stop reads: the check runs only as a user.
    @Test func unreadableFile() throws {
        guard geteuid() != 0 else { return }
        let dir = try TemporaryDirectory()
        let file = try dir.write("locked.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2]))
        #expect(chmod(file.path, 0) == 0)
        try BadInputCatalogue.check(
            [file.path, BadInputCatalogue.folder + "/good/base.jsonl"], exit: 2, message: "cannot read the file",
            location: file.path)
    }

    @Test func oneGigabyteSparseFileFailsAtOnce() throws {
        let dir = try TemporaryDirectory()
        let file = dir.url.appendingPathComponent("huge.jsonl").path
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        #expect(truncate(file, 1 << 30) == 0)
        let start = Date()
        try BadInputCatalogue.check(
            [file, BadInputCatalogue.folder + "/good/base.jsonl"], exit: 2, message: "binary data",
            location: file + ":1")
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func emptyDirectories() throws {
        let dir = try TemporaryDirectory()
        let empty = dir.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try BadInputCatalogue.check(
            [empty.path], exit: 2, message: "the directory holds no input files", location: empty.path)
        // Labels whose directories hold only hidden files and notes.
        try dir.write("runs/base/.hidden.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2]))
        try dir.write("runs/base/NOTES.md", "notes\n")
        try dir.write("runs/head/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2]))
        let base = dir.url.appendingPathComponent("runs/base").path
        try BadInputCatalogue.check(
            [dir.url.appendingPathComponent("runs").path], exit: 2, message: "the directory holds no input files",
            location: base)
    }

    @Test func hugeLinesFailCleanly() throws {
        let dir = try TemporaryDirectory()
        let size = 32 << 20
        // A 32 MB unterminated string on line 2 of JSON Lines.
        var jsonl = Data(TemporaryDirectory.jsonl("a", unit: "ns", [1]).utf8)
        jsonl.append(Data("{\"benchmark\": \"".utf8))
        jsonl.append(Data(repeating: UInt8(ascii: "x"), count: size))
        let jsonlURL = dir.url.appendingPathComponent("long.jsonl")
        try jsonl.write(to: jsonlURL)
        let good = BadInputCatalogue.folder + "/good/base.jsonl"
        try BadInputCatalogue.check(
            [jsonlURL.path, good], exit: 2, message: "unterminated string", location: jsonlURL.path + ":2")
        // A 32 MB line of prose: no format, said at once.
        let proseURL = dir.url.appendingPathComponent("long.txt")
        try Data(repeating: UInt8(ascii: "y"), count: size).write(to: proseURL)
        try BadInputCatalogue.check(
            [proseURL.path, good], exit: 2, message: "unknown input format", location: proseURL.path + ":1")
    }

    @Test func unwritableOutputLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        let good = BadInputCatalogue.folder + "/good/base.jsonl"
        let report = dir.url.appendingPathComponent("missing/dir/report.txt").path
        let run = try Binary.run(["analyze", good, BadInputCatalogue.folder + "/jsonl/crlf.jsonl", "--output", report])
        #expect(run.exitCode == 2, "\(run.standardError)")
        // Found before anything is read: the directory is checked with the other outputs.
        #expect(run.standardError.hasPrefix("benchstat: \(report): the directory"), "\(run.standardError)")
        #expect(run.standardError.hasSuffix("does not exist (nothing was read or written)\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("missing").path))
    }
}
