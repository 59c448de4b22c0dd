import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkReports

/// GitHub shows 10 annotations of each type per step: the gate first, the largest regressions next,
/// each type capped, and a closing line counting what was left out.
@Suite struct AnnotationCapTests {
    /// `regressions` regressions (`reg-k`, +20% + 2k%), `improvements` improvements (`imp-k`,
    /// −20% − 1k%) and `inconclusive` comparisons of one value per side (`inc-k`).
    static func result(regressions: Int, improvements: Int, inconclusive: Int) throws -> AnalysisResult {
        func series(_ name: String, _ scale: Double, samples: Int = 10) -> BenchmarkSeries {
            DatasetBuilder.series(
                name, unit: "ns", mode: .walltime, runs: [(0..<samples).map { (100 + Double($0 % 3)) * scale }],
                runIDs: ["r"], source: SourceLocation(file: "f"))
        }
        var base: [BenchmarkSeries] = []
        var head: [BenchmarkSeries] = []
        for k in 0..<regressions {
            base.append(series("reg-\(k)", 1))
            head.append(series("reg-\(k)", 1.2 + 0.02 * Double(k)))
        }
        for k in 0..<improvements {
            base.append(series("imp-\(k)", 1))
            head.append(series("imp-\(k)", 0.8 - 0.01 * Double(k)))
        }
        for k in 0..<inconclusive {
            base.append(series("inc-\(k)", 1, samples: 1))
            head.append(series("inc-\(k)", 1.03, samples: 1))
        }
        let dataset = Dataset(
            labels: [DatasetBuilder.label("base", base, files: []), DatasetBuilder.label("head", head, files: [])],
            warnings: [])
        return try Analyzer.analyze(dataset: dataset)
    }

    static func lines(_ text: String, _ command: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix("::\(command) ") }
    }

    /// The title's benchmark name of each annotation.
    static func names(_ lines: [Substring]) -> [String] {
        lines.compactMap { line in
            guard let title = line.split(separator: "::").first else { return nil }
            return title.components(separatedBy: "%3A ").last
        }
    }

    @Test func eachTypeIsCappedAndTheLargestComeFirst() throws {
        let result = try Self.result(regressions: 14, improvements: 11, inconclusive: 12)
        #expect(result.comparisons.filter { $0.verdict == .regression }.count == 14)
        #expect(result.comparisons.filter { $0.verdict == .improvement }.count == 11)
        #expect(result.comparisons.filter { $0.verdict == .inconclusive }.count == 12)
        let text = GitHubReport.render(ReportInput(result: result))
        let all = text.split(separator: "\n")
        #expect(all.first?.hasPrefix("::notice title=benchstat gate fail::14 regression(s)") == true)
        let errors = Self.lines(text, "error")
        let warnings = Self.lines(text, "warning")
        let notices = Self.lines(text, "notice")
        #expect(errors.count == 10)
        #expect(warnings.count == 10)
        #expect(notices.count == 10)
        // The worst regressions, in decreasing size: reg-13 (+46%) down to reg-4.
        #expect(Self.names(errors) == (4...13).reversed().map { "reg-\($0)" })
        // Notices: the gate, the 8 largest improvements, the closing line.
        #expect(Self.names(Array(notices.dropFirst().dropLast())) == (3...10).reversed().map { "imp-\($0)" })
        let closing: String =
            "::notice title=benchstat%3A 9 more not annotated::GitHub shows 10 annotations of each type per "
            + "step; not annotated: 4 regression(s), 2 inconclusive, 3 improvement(s). Every comparison is in "
            + "the job summary (markdown report)."
        #expect(all.last.map(String.init) == closing)
    }

    @Test func underTheCapEverythingIsAnnotatedWithoutAClosingLine() throws {
        // 9 improvements and the gate are exactly 10 notices.
        let result = try Self.result(regressions: 3, improvements: 9, inconclusive: 2)
        let text = GitHubReport.render(ReportInput(result: result))
        #expect(Self.lines(text, "error").count == 3)
        #expect(Self.lines(text, "warning").count == 2)
        #expect(Self.lines(text, "notice").count == 10)
        #expect(!text.contains("more not annotated"))
        #expect(Self.names(Self.lines(text, "error")) == ["reg-2", "reg-1", "reg-0"])
    }

    @Test func oneImprovementTooManyLeavesTwoOutForTheClosingLine() throws {
        let result = try Self.result(regressions: 0, improvements: 10, inconclusive: 0)
        let text = GitHubReport.render(ReportInput(result: result))
        let notices = Self.lines(text, "notice")
        #expect(notices.count == 10)
        #expect(notices.last?.contains("not annotated: 2 improvement(s)") == true)
    }
}
