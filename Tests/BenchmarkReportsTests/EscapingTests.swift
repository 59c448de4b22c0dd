import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile benchmark names render safely in every format; the JSON and XML outputs are checked with
/// real parsers.
@Suite struct EscapingTests {
    static let hostileNames = [
        "pipe|in|name", "back`tick`s", "<script>alert(1)</script>", "]]> cdata end", "new\nline", "ansi \u{1B}[31mred",
        "ping @octocat", "quote \"double\" 'single'", "comma, and \"quote\"", "=HYPERLINK(\"x\")", "tab\there",
    ]

    /// One regression per hostile name, built in memory.
    static func result(names: [String]) throws -> AnalysisResult {
        func series(_ name: String, _ scale: Double) -> BenchmarkSeries {
            DatasetBuilder.series(
                name, unit: "ns", mode: .walltime, runs: [(0..<10).map { (100 + Double($0 % 3)) * scale }],
                runIDs: ["r"], source: SourceLocation(file: "f"))
        }
        let dataset = Dataset(
            labels: [
                DatasetBuilder.label("base", names.map { series($0, 1) }, files: []),
                DatasetBuilder.label("head", names.map { series($0, 1.2) }, files: []),
            ], warnings: [])
        return try Analyzer.analyze(dataset: dataset)
    }

    @Test func jsonParsesAndKeepsNamesExactly() throws {
        let result = try Self.result(names: Self.hostileNames)
        let text = ReportFormat.json.render(ReportInput(result: result))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let names = (root["comparisons"] as? [[String: Any]])?.compactMap { $0["benchmark"] as? String }
        #expect(names == Self.hostileNames)
        #expect(!text.contains("NaN"))
    }

    @Test func junitIsValidXMLWithOneTestcasePerBenchmark() throws {
        let result = try Self.result(names: Self.hostileNames)
        let text = ReportFormat.junit.render(ReportInput(result: result))
        let document = try XMLDocument(data: Data(text.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == Self.hostileNames.count)
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == Self.hostileNames.count)
        let names = cases.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        #expect(names.contains("<script>alert(1)</script>"))
        #expect(names.contains("pipe|in|name"))
    }

    @Test func markdownTableRowsStayIntact() throws {
        let result = try Self.result(names: Self.hostileNames)
        let text = ReportFormat.markdown.render(ReportInput(result: result))
        // Every table row has exactly the header's number of unescaped cell separators.
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let unescaped = line.replacingOccurrences(of: "\\|", with: "")
            #expect(unescaped.filter { $0 == "|" }.count == 10, "broken row: \(line)")
        }
        // Raw HTML only inside code spans, where it is shown as text.
        for line in text.split(separator: "\n") where line.contains("<script>") {
            #expect(line.contains("`` <script>alert(1)</script> ``"), "raw HTML outside a code span: \(line)")
        }
        #expect(!text.contains("\u{1B}"))
        // Mentions only inside code spans, where GitHub does not ping.
        for line in text.split(separator: "\n") where line.contains("@octocat") {
            #expect(line.contains("`` ping @octocat ``"))
        }
    }

    @Test func textShowsControlCharactersEscaped() throws {
        let result = try Self.result(names: Self.hostileNames)
        let text = ReportFormat.text.render(ReportInput(result: result, colour: false))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("ansi \\u{1B}[31mred"))
        #expect(text.contains("new\\nline"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let result = try Self.result(names: ["k"])
        #expect(ReportFormat.text.render(ReportInput(result: result, colour: true)).contains("\u{1B}[31m"))
        #expect(!ReportFormat.text.render(ReportInput(result: result, colour: false)).contains("\u{1B}["))
    }

    @Test func csvQuotesAndGuardsFormulas() throws {
        let result = try Self.result(names: ["comma, and \"quote\"", "=HYPERLINK(\"x\")", "new\nline"])
        let text = ReportFormat.csv.render(ReportInput(result: result))
        #expect(text.contains("\"comma, and \"\"quote\"\"\""))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(text.contains("\"new\nline\""))
    }

    @Test func githubCommandsEscapeNewlinesAndPercent() throws {
        let result = try Self.result(names: ["new\nline", "100% sure", "a::b,c"])
        let text = ReportFormat.github.render(ReportInput(result: result))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4, "one command per line: \(lines)")
        #expect(text.contains("new%0Aline"))
        #expect(text.contains("100%25 sure"))
        #expect(text.contains("title=benchstat regression%3A a%3A%3Ab%2Cc::"))
    }

    @Test func jsonWriterEscapesControlCharacters() {
        #expect(JSONWriter.quoted("a\u{0}b\u{1F}\"\\") == "\"a\\u0000b\\u001f\\\"\\\\\"")
    }
}
