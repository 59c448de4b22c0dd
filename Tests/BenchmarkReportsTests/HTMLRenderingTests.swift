import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML renderer in memory: hostile names, determinism, the log axis and the strip plot.
@Suite struct HTMLRenderingTests {
    @Test func hostileNamesParseAndComeBackExactly() throws {
        let names = EscapingTests.hostileNames
        let result = try EscapingTests.result(names: names)
        let text = ReportFormat.html.render(ReportInput(result: result))
        // XMLDocument recovers from errors silently; XMLParser does not.
        let parser = XMLParser(data: Data(text.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        let document = try XMLDocument(data: Data(text.utf8))
        #expect(try document.nodes(forXPath: "//script").isEmpty)
        // Names with control characters are shown escaped (as in the text report); the rest verbatim.
        let expected = names.map { TextEscaping.visible($0) }
        let rowNames = try document.nodes(forXPath: "//tbody/tr/td[1]").compactMap(\.stringValue)
        #expect(rowNames == expected)
        let plotted = try document.nodes(forXPath: "//article/h3/code").compactMap(\.stringValue)
        #expect(Set(plotted) == Set(expected))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("<script>alert"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// The byte scan that lets most text through unescaped: it must catch everything the full
    /// escaping changes (markup, C0, DEL, C1, U+FFFE/U+FFFF), and pass `µs`, `±`, `é` and the like.
    @Test(arguments: [
        ("µs, 95% CI [1.2, 3.4] ± 0.5", false), ("café · naïve — 日本", false), ("plain/name-1[size=8]", false),
        ("a&b", true), ("<x>", true), ("say \"hi\"", true), ("it's", true), ("tab\there", true),
        ("del\u{7F}", true), ("c1\u{85}", true), ("nonchar\u{FFFE}", true), ("nonchar\u{FFFF}", true),
        ("\u{FFFD} replacement", false), ("\u{C2A0}", false), ("\u{A0}nbsp", false),
    ])
    func escapingScanCatchesWhatEscapingChanges(text: String, changes: Bool) {
        #expect(HTMLEscaping.needsEscaping(text) == changes)
        #expect((HTMLEscaping.text(text) != text) == changes)
    }

    /// Markup characters are escaped as scalars: one that a prepended mark (U+0600) or a combining
    /// mark joins into a grapheme cluster is still the bare character to a browser's parser.
    @Test(arguments: [
        "x\u{600}<img src=x onerror=alert(1)>\u{301}", "a\u{600}\" onmouseover=alert(1) x=\u{600}\"", "&\u{301}amp",
        "'\u{301}", "\u{600}</script>",
    ])
    func markupJoinedToMarksIsEscaped(text: String) {
        let escaped = HTMLEscaping.text(text)
        // No bare markup scalar is left, and every one became its entity.
        #expect(!escaped.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) })
        var expected = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": expected += "&amp;"
            case "<": expected += "&lt;"
            case ">": expected += "&gt;"
            case "\"": expected += "&quot;"
            case "'": expected += "&#39;"
            default: expected.unicodeScalars.append(scalar)
            }
        }
        #expect(Array(escaped.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func renderingIsDeterministic() throws {
        let result = try EscapingTests.result(names: ["a", "b"])
        let first = ReportFormat.html.render(ReportInput(result: result))
        let second = ReportFormat.html.render(ReportInput(result: result))
        #expect(first == second)
    }

    @Test func plotHasOneDotPerSampleAndMarksCentresAndThreshold() throws {
        let result = try EscapingTests.result(names: ["k"])
        let comparison = try #require(result.comparisons.first)
        let svg = StripPlot(comparison: comparison, test: .welch, confidence: 0.95).svg()
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        let document = try XMLDocument(data: Data(svg.utf8))
        #expect(try document.nodes(forXPath: "//circle").count == 20)
        // Two lanes, each with its centre line (stroke-width 3) and its interval bar.
        #expect(try document.nodes(forXPath: "//line[@stroke-width='3']").count == 2)
        #expect(try document.nodes(forXPath: "//rect[@fill-opacity='0.16']").count == 2)
        // The threshold band: two dashed lines.
        #expect(try document.nodes(forXPath: "//line[@stroke-dasharray]").count == 2)
    }

    @Test func narrowAxisGetsRoundLinearTicks() {
        let axis = LogAxis(low: log10(560), high: log10(660), from: 0, to: 100)
        let scale = UnitScale(baseUnit: "s", values: [600e-6])
        #expect(axis.ticks().map(\.value) == [560, 580, 600, 620, 640, 660])
        #expect(LogAxis.Tick(value: 600e-6, resolution: 20e-6).label(scale) == "600")
        #expect(LogAxis.Tick(value: 22.5e-6, resolution: 0.5e-6).label(scale) == "22.5")
        #expect(abs(axis.x(560) - 0) < 1e-9 && abs(axis.x(660) - 100) < 1e-9)
    }

    @Test func wideAxisGetsDecadeTicks() {
        let axis = LogAxis(low: 0, high: 3, from: 0, to: 300)
        #expect(axis.ticks().map(\.value) == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000])
        let wider = LogAxis(low: -3, high: 6, from: 0, to: 300)
        #expect(wider.ticks().count == 10)
    }

    @Test func largeSamplesAreThinned() throws {
        func series(_ scale: Double) -> BenchmarkSeries {
            DatasetBuilder.series(
                "big", unit: "ns", mode: .walltime, runs: [(0..<5000).map { (100 + Double($0 % 7)) * scale }],
                runIDs: ["r"], source: SourceLocation(file: "f"))
        }
        let dataset = Dataset(
            labels: [
                DatasetBuilder.label("base", [series(1)], files: []),
                DatasetBuilder.label("head", [series(1.3)], files: []),
            ], warnings: [])
        let comparison = try #require(try Analyzer.analyze(dataset: dataset).comparisons.first)
        let svg = StripPlot(comparison: comparison, test: .welch, confidence: 0.95).svg()
        let dots = svg.components(separatedBy: "<circle").count - 1
        #expect(dots == 2 * 715)
        #expect(svg.contains("1 in 7 shown"))
    }
}
