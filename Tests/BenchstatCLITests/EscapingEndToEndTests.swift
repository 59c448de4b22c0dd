import BenchstatTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile benchmark names from a real input file, through the binary, into every format (issue 7):
/// the reports layer is tested in memory by `EscapingTests`; this checks the whole path, including
/// the JSON Lines loader's escapes.
@Suite struct EscapingEndToEndTests {
    static let names = [
        "pipe|in|name", "back`tick`s", "<script>alert(1)</script>", "]]> cdata end", "new\nline",
        "ansi \u{1B}[31mred", "ping @octocat", "quote \"double\" 'single'", "tab\there", "nul\u{0}byte",
        "bell\u{7}", "&amp; entity", "unicode λ→😀", "\u{202E}rtl override",
        // Code points XML 1.0 forbids beyond the C0 controls (issue 16), and a lone carriage return.
        "nonchar \u{FFFE} and \u{FFFF}", "vertical\u{B}tab form\u{C}feed", "carriage\rreturn",
    ]

    /// base and head JSON Lines where every name regresses by 20%.
    static func runs() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for (label, factor) in [("base", 1.0), ("head", 1.2)] {
            var text = ""
            for name in names {
                for value in [100.0, 101, 99, 100.5, 99.5, 100.2] {
                    let object: [String: Any] = ["benchmark": name, "unit": "ns", "value": value * factor]
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                    text += String(decoding: data, as: UTF8.self) + "\n"
                }
            }
            try dir.write("runs/\(label)/r.jsonl", text)
        }
        return dir
    }

    static func render(_ format: String, _ dir: TemporaryDirectory) throws -> String {
        let run = try Binary.run(["analyze", dir.url.appendingPathComponent("runs").path, "--format", format])
        #expect(run.exitCode == 1, "\(format): \(run.standardError)")
        return run.standardOutput
    }

    /// Controls from the input never reach the terminal raw: not in the text report's headings (a
    /// unit as written, the labels), not in the warnings on standard error, not in an error that
    /// lists names (review of 2026-12-07: ESC[2J and an OSC title change went through).
    @Test func controlsInUnitsLabelsAndErrorsAreShownNotSent() throws {
        let dir = try TemporaryDirectory()
        let unit = #"x\u001b[31m\u001b]0;T\u0007"#
        try dir.write("units/base/r.jsonl", TemporaryDirectory.jsonl("a", unit: unit, [1, 2, 3]))
        try dir.write("units/head/r.jsonl", TemporaryDirectory.jsonl("a", unit: unit, [1, 2, 3]))
        try dir.write("names/base/r.jsonl", TemporaryDirectory.jsonl(#"a\u001b[2J"#, unit: "ns", [1, 2, 3]))
        try dir.write("names/head/r.jsonl", TemporaryDirectory.jsonl("b", unit: "ns", [1, 2, 3]))
        try dir.write("labels/ba\u{1B}[2Jse/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2, 3]))
        try dir.write("labels/head/r.jsonl", TemporaryDirectory.jsonl("a", unit: "ns", [1, 2, 3]))
        for (directory, format) in [("units", "text"), ("units", "json"), ("names", "text"), ("labels", "text")] {
            let run = try Binary.run([
                "analyze", dir.url.appendingPathComponent(directory).path, "--format", format,
                "--base", directory == "labels" ? "ba\u{1B}[2Jse" : "base",
            ])
            for stream in [run.standardOutput, run.standardError] {
                #expect(!stream.unicodeScalars.contains("\u{1B}"), "\(directory) \(format): \(stream.debugDescription)")
                #expect(!stream.unicodeScalars.contains("\u{7}"), "\(directory) \(format)")
            }
            #expect((run.standardOutput + run.standardError).contains("\\u{1B}"), "\(directory) \(format)")
        }
    }

    @Test func jsonRoundTripsEveryName() throws {
        let dir = try Self.runs()
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.render("json", dir).utf8)) as? [String: Any])
        let names = (root["comparisons"] as? [[String: Any]])?.compactMap { $0["benchmark"] as? String } ?? []
        #expect(Set(names) == Set(Self.names))
    }

    @Test func junitAndHTMLAreWellFormedXML() throws {
        let dir = try Self.runs()
        let junit = try XMLDocument(data: Data(Self.render("junit", dir).utf8))
        #expect(try junit.nodes(forXPath: "//testcase").count == Self.names.count)
        let help = try Binary.run(["analyze", "--help"]).standardOutput
        guard help.contains("html") else { return }
        let html = try Self.render("html", dir)
        let document = try XMLDocument(data: Data(html.utf8))
        #expect(try document.nodes(forXPath: "//script").isEmpty)
        #expect(!html.contains("<script>alert"))
    }

    @Test func textMarkdownAndGitHubCarryNoRawControls() throws {
        let dir = try Self.runs()
        // (CSV is data: a quoted field keeps the name's characters exactly, as RFC 4180 allows.)
        for format in ["text", "markdown", "github"] {
            let output = try Self.render(format, dir)
            #expect(!output.contains("\u{1B}"), "\(format): raw ESC")
            #expect(!output.contains("\u{7}"), "\(format): raw BEL")
            #expect(!output.contains("\u{0}"), "\(format): raw NUL")
        }
        let markdown = try Self.render("markdown", dir)
        var columns: Int?
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let count = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(columns == nil || columns == count, "broken row: \(line)")
            columns = columns ?? count
            if line.contains("@octocat") { #expect(line.contains("`` ping @octocat ``"), "\(line)") }
        }
        // Every `::` workflow command of the github format stays on one line.
        for line in try Self.render("github", dir).split(separator: "\n") where line.hasPrefix("::") {
            #expect(!line.contains("\r"))
        }
    }
}
