import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

/// Runs `benchstat` with arguments given as bytes (a Latin-1 file name cannot travel in a Swift
/// string): through `/bin/sh`, each argument rebuilt by `printf '%b'` from octal escapes.
enum RawArgumentRun {
    /// The shell word that expands to exactly `bytes`.
    static func word(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if (0x20..<0x7F).contains(byte), byte != UInt8(ascii: "'"), byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let octal = String(byte, radix: 8)
                text += "\\0" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return "\"$(printf '%b' '\(text)')\""
    }

    /// `benchstat ARGUMENTS` run in `directory`.
    static func run(_ arguments: [[UInt8]], in directory: String) throws -> BinaryRun {
        let script = "cd \"$1\" && exec \"$0\" " + arguments.map(word).joined(separator: " ")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "GITHUB_STEP_SUMMARY")
        return try Binary.runProcess(
            URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", script, Binary.productsDirectory.appendingPathComponent("benchstat").path, directory],
            environment: environment)
    }

    /// `text`'s bytes, with each `\u{E9}`-style code point up to U+00FF as one Latin-1 byte.
    static func latin1(_ text: String) -> [UInt8] { ByteNamedFiles.latin1(text) }
}

/// Issue 16: file names that are not UTF-8 (Latin-1 bytes) are read — named on the command line
/// or found in a label directory — and shown escaped (`r\xE9.txt`); the analysis is the one of the
/// same bytes under an ASCII name; `--output` still refuses such an input; history commands too.
@Suite struct NonUTF8PathEndToEndTests {
    static func jsonl(_ values: [Int]) -> String {
        values.map { #"{"benchmark":"a","unit":"ns","value":\#($0)}"# + "\n" }.joined()
    }
    static let base = jsonl([100, 101, 102, 99, 100, 103])
    static let head = jsonl([110, 111, 112, 109, 110, 108])

    @Test func aLatin1FileNamedOnTheCommandLineIsReadAndShownEscaped() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        try files.write(RawArgumentRun.latin1("base-\u{E9}.jsonl"), Self.base)
        try files.write(Array("base-e.jsonl".utf8), Self.base)
        try files.write(Array("head.jsonl".utf8), Self.head)
        let latin = try RawArgumentRun.run(
            Self.args("analyze", RawArgumentRun.latin1("base-\u{E9}.jsonl"), "head.jsonl", "--format", "json"),
            in: directory.path)
        let ascii = try RawArgumentRun.run(
            Self.args("analyze", "base-e.jsonl", "head.jsonl", "--format", "json"), in: directory.path)
        #expect(latin.exitCode == 1, "\(latin.standardError)")
        #expect(ascii.exitCode == 1, "\(ascii.standardError)")
        // The same analysis, the label shown escaped (a JSON string escapes the backslash).
        #expect(latin.standardOutput.contains(#""base-\\xE9""#))
        #expect(latin.standardOutput.replacingOccurrences(of: #"base-\\xE9"#, with: "base-e") == ascii.standardOutput)
        let text = try RawArgumentRun.run(
            Self.args("analyze", RawArgumentRun.latin1("base-\u{E9}.jsonl"), "head.jsonl"), in: directory.path)
        #expect(text.standardOutput.contains("base-\\xE9"), "\(text.standardOutput)")
        #expect(!text.standardOutput.contains("\u{FFFD}"))
    }

    /// Arguments given as strings or as byte arrays, as bytes.
    static func args(_ arguments: Any...) -> [[UInt8]] {
        arguments.map { ($0 as? [UInt8]) ?? Array((($0 as? String) ?? "").utf8) }
    }

    @Test func aLatin1FileInALabelDirectoryIsReadAndShownEscaped() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        try files.write(RawArgumentRun.latin1("runs/base/r\u{E9}.jsonl"), Self.base)
        try files.write(RawArgumentRun.latin1("runs/head/r.jsonl"), Self.head)
        try files.write(RawArgumentRun.latin1("ascii/base/re.jsonl"), Self.base)
        try files.write(RawArgumentRun.latin1("ascii/head/r.jsonl"), Self.head)
        let latin = try RawArgumentRun.run(Self.args("analyze", "runs", "--format", "json"), in: directory.path)
        let ascii = try RawArgumentRun.run(Self.args("analyze", "ascii", "--format", "json"), in: directory.path)
        #expect(latin.exitCode == 1, "\(latin.standardError)")
        #expect(!latin.standardOutput.isEmpty && latin.standardOutput == ascii.standardOutput)
        // A broken file so named is reported escaped, at its line, with exit 2.
        try files.write(RawArgumentRun.latin1("runs/head/b\u{E9}d.jsonl"), "{\"benchmark\": \"a\"}\n")
        let broken = try RawArgumentRun.run(Self.args("analyze", "runs"), in: directory.path)
        #expect(broken.exitCode == 2)
        #expect(broken.standardError.hasPrefix("benchstat: runs/head/b\\xE9d.jsonl:1:"), "\(broken.standardError)")
    }

    /// `--config` named in Latin-1 is read (its thresholds change the verdict) and its errors name it escaped.
    @Test func aLatin1ConfigurationFileIsReadAndShownEscaped() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        try files.write(Array("base.jsonl".utf8), Self.base)
        try files.write(Array("head.jsonl".utf8), Self.head)
        let name = RawArgumentRun.latin1("conf-\u{E9}.toml")
        // +9% is a regression at the default 5% walltime threshold, and within a 50% one.
        try files.write(name, "[thresholds]\nwalltime = 50\n")
        let plain = try RawArgumentRun.run(Self.args("analyze", "base.jsonl", "head.jsonl"), in: directory.path)
        let configured = try RawArgumentRun.run(
            Self.args("analyze", "base.jsonl", "head.jsonl", "--config", name), in: directory.path)
        #expect(plain.exitCode == 1, "\(plain.standardError)")
        #expect(configured.exitCode == 0, "\(configured.standardError)")
        try files.write(name, "bogus = 1\n")
        let broken = try RawArgumentRun.run(
            Self.args("analyze", "base.jsonl", "head.jsonl", "--config", name), in: directory.path)
        #expect(broken.exitCode == 2)
        #expect(broken.standardError.contains("conf-\\xE9.toml"), "\(broken.standardError)")
        #expect(!broken.standardError.contains("no such file"), "\(broken.standardError)")
    }

    @Test func outputThatNamesALatin1InputIsRefused() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        let name = RawArgumentRun.latin1("base-\u{E9}.jsonl")
        try files.write(name, Self.base)
        try files.write(Array("head.jsonl".utf8), Self.head)
        for output in [Self.args("--output", name), [Array("--output=./".utf8) + name]] {
            let arguments = Self.args("analyze", name, "head.jsonl") + output
            let run = try RawArgumentRun.run(arguments, in: directory.path)
            #expect(run.exitCode == 2, "\(run.standardError)")
            #expect(
                run.standardError.contains("--output names an input of label \"base-\\xE9\""), "\(run.standardError)")
            #expect(files.contents(name) == Array(Self.base.utf8), "the input is untouched")
        }
    }

    @Test func historyRecordAndImportReadLatin1Paths() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        try files.write(RawArgumentRun.latin1("r\u{E9}/one.jsonl"), Self.base)
        try files.write(RawArgumentRun.latin1("past/r\u{E9}1.jsonl"), Self.base)
        try files.write(RawArgumentRun.latin1("past/r2.jsonl"), Self.head)
        let record = try RawArgumentRun.run(
            Self.args(
                "history", "record", RawArgumentRun.latin1("r\u{E9}/one.jsonl"), "--commit", "c1", "--db", "h.db"),
            in: directory.path)
        #expect(record.exitCode == 0, "\(record.standardError)")
        #expect(record.standardOutput.contains("6 samples"))
        let missing = try RawArgumentRun.run(
            Self.args("history", "record", RawArgumentRun.latin1("n\u{E9}.jsonl"), "--commit", "c2", "--db", "h.db"),
            in: directory.path)
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("n\\xE9.jsonl: no such file or directory"), "\(missing.standardError)")
        let imported = try RawArgumentRun.run(
            Self.args("history", "import", "past", "--db", "i.db"), in: directory.path)
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        let list = try RawArgumentRun.run(Self.args("history", "list", "--db", "i.db"), in: directory.path)
        #expect(list.standardOutput.contains("r\\xE91"), "\(list.standardOutput)")
        #expect(list.standardOutput.contains("2 run(s)"))
    }
}

extension NonUTF8PathEndToEndTests {
    @Test func aHistoryStoreWhoseNameIsNotUTF8IsAClearError() throws {
        let directory = try TemporaryDirectory()
        let files = ByteNamedFiles(root: directory.path)
        defer { files.removeAll() }
        try files.write(Array("base.jsonl".utf8), Self.base)
        try files.write(Array("head.jsonl".utf8), Self.head)
        try files.write(RawArgumentRun.latin1("h\u{E9}.db"), "")
        let run = try RawArgumentRun.run(
            Self.args("analyze", "base.jsonl", "head.jsonl", "--history", RawArgumentRun.latin1("h\u{E9}.db")),
            in: directory.path)
        #expect(run.exitCode == 2)
        #expect(
            run.standardError.contains("h\\xE9.db: a history store's file name must be UTF-8"), "\(run.standardError)")
    }
}
