import Foundation
import Testing

/// `analyze --filter/--row/--col/--label-by/--sort` end to end, on files the real tools wrote
/// (Tests/BenchmarkIngestTests/Fixtures/peers; labelby/ made by hyperfine 1.15.0, pytest-benchmark
/// 5.2.3 and pyperf 2.11.0 here).
@Suite struct ProjectionEndToEndTests {
    static let peers = "Tests/BenchmarkIngestTests/Fixtures/peers"
    static let go = ["\(peers)/go/base", "\(peers)/go/head"]
    static let labelBy = "\(peers)/labelby"

    static func json(_ run: BinaryRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    static func comparisons(_ run: BinaryRun) throws -> [[String: Any]] {
        try #require(try json(run)["comparisons"] as? [[String: Any]])
    }

    /// `--row .name` on the real Go A/B: one section per base name, headed like Go's tables; every
    /// format is golden: text and markdown head sections, HTML heads them too, JUnit names them in
    /// its suites, CSV adds a `group` column, and the JSON keeps its flat list with each group.
    @Test(arguments: ["text", "markdown", "json", "csv", "junit", "html"])
    func rowSectionsGolden(format: String) throws {
        let run = try Binary.run(
            ["analyze", "--format", format, "--row", ".name", "--filter", ".unit:sec/op"] + Self.go)
        #expect(run.exitCode == 1, "\(run.standardError)")
        try GoldenReportTests.compare(run.standardOutput, toGolden: "go-peer-row.\(format)")
        if format == "text" {
            let headings = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix(".name: ") }
            #expect(headings == [".name: Sort", ".name: SHA256", ".name: WordCount"])
        }
        if format == "json" {
            let groups = try Self.comparisons(run).map { comparison in
                (comparison["group"] as? [[String: String]])?.first?["value"]
            }
            #expect(groups == ["Sort", "Sort", "SHA256", "SHA256", "WordCount"])
        }
        if format == "csv" {
            let lines = run.standardOutput.split(separator: "\r\n")
            #expect(lines.first?.hasSuffix(",reason,group") == true)
            #expect(
                lines.dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" } == [
                    ".name: Sort", ".name: Sort", ".name: SHA256", ".name: SHA256", ".name: WordCount",
                ])
        }
        if format == "junit" {
            let suites = run.standardOutput.split(separator: "\n").filter { $0.contains("<testsuite name=") }
            #expect(suites.map { $0.contains("[.name: ") } == [true, true, true])
        }
        if format == "html" {
            #expect(run.standardOutput.components(separatedBy: "<h3 class=\"section\">").count - 1 == 3)
            #expect(run.standardOutput.contains("<h3 class=\"section\">.name: SHA256</h3>"))
        }
    }

    /// Without --row the CSV has no `group` column and JUnit's suites no section.
    @Test func noSectionsWithoutRow() throws {
        let csv = try Binary.run(["analyze", "--format", "csv"] + Self.go)
        #expect(csv.standardOutput.split(separator: "\r\n").first?.hasSuffix(",reason") == true)
        let junit = try Binary.run(["analyze", "--format", "junit"] + Self.go)
        #expect(!junit.standardOutput.contains("[.name"))
    }

    /// Without --row the JSON has no `group` (the default output is unchanged).
    @Test func noGroupWithoutRow() throws {
        let run = try Binary.run(["analyze", "--format", "json"] + Self.go)
        #expect(try Self.comparisons(run).allSatisfy { $0["group"] == nil })
    }

    /// `--filter` keeps exactly the matching comparisons (Go's example filter shape).
    @Test(arguments: [
        (".unit:ns/op /size:1K", ["BenchmarkSort/size=1K-2"]),
        (".unit:sec/op .name:SHA256 -/bytes:64", ["BenchmarkSHA256/bytes=4096-2"]),
        (".unit:allocs/op (.name:WordCount OR /size:16K)", ["BenchmarkSort/size=16K-2", "BenchmarkWordCount-2"]),
        (".unit:B/op .fullname:/^Sort/", ["BenchmarkSort/size=1K-2", "BenchmarkSort/size=16K-2"]),
        (".unit:B/op goos:linux .name:Sort*", ["BenchmarkSort/size=1K-2", "BenchmarkSort/size=16K-2"]),
    ])
    func filterKeeps(_ expression: String, _ names: [String]) throws {
        let run = try Binary.run(["analyze", "--format", "json", "--filter", expression] + Self.go)
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.standardError)")
        #expect(try Self.comparisons(run).compactMap { $0["benchmark"] as? String } == names)
    }

    /// `--sort -change`: within each table the rows go from the largest change down.
    @Test func sortByChangeDescending() throws {
        let run = try Binary.run(
            ["analyze", "--format", "json", "--filter", ".unit:sec/op", "--sort", "-change"] + Self.go)
        let changes = try Self.comparisons(run).compactMap { ($0["change"] as? [String: Any])?["percent"] as? Double }
        #expect(changes.count == 5)
        #expect(changes == changes.sorted(by: >))
    }

    /// `--col /size@(16K 1K)` on one Go file: the sizes become the labels (16K the baseline), the
    /// size leaves the name, and no "labels look like runs" warning.
    @Test func colSplitsOneGoFileByParameter() throws {
        let run = try Binary.run([
            "analyze", "--format", "json", "--col", "/size@(16K 1K)", "--filter", ".unit:B/op",
            "\(Self.peers)/go/head/go.txt",
        ])
        let comparisons = try Self.comparisons(run)
        #expect(comparisons.compactMap { $0["benchmark"] as? String } == ["BenchmarkSort-2"])
        #expect(comparisons.first?["head"] as? String == "1K")
        #expect((comparisons.first?["baseSide"] as? [String: Any])?["label"] as? String == "16K")
        #expect(comparisons.first?["verdict"] as? String == "improvement")
        #expect(!run.standardError.contains("look like runs"))
    }

    /// The real files: one export / one file holding the variants, split by `--label-by`.
    @Test(arguments: [
        ("hyperfine_two_commands.json", "command", "head", ["hyperfine_two_commands"], ["regression"], Int32?(1)),
        ("hyperfine_unnamed.json", "regex:[0-9]+$", "4500000", ["seq 1 *"], ["regression"], Int32(1)),
        (
            "pytest_benchmark_params.json", "param:impl", "insertion",
            ["test_variants.py::test_sort[*-2000]", "test_variants.py::test_sort[*-8000]"],
            ["regression", "regression"],
            Int32(1)
        ),
        // pyperf's three processes per variant on a shared machine: sum-* sits at p ≈ 0.05, so only
        // that both variants pair (none `missing`) is asserted, not the verdicts or the gate.
        ("pyperf_variants.json", "regex:-(list|gen)$", "gen", ["join-*", "sum-*"], [], nil),
    ])
    func labelByOnRealFiles(
        _ file: String, _ rule: String, _ head: String, _ names: [String], _ verdicts: [String], _ exitCode: Int32?
    ) throws {
        let run = try Binary.run(["analyze", "--format", "json", "--label-by", rule, "\(Self.labelBy)/\(file)"])
        if let exitCode {
            #expect(run.exitCode == exitCode, "\(run.standardError)")
        } else {
            #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.standardError)")
        }
        let comparisons = try Self.comparisons(run)
        #expect(comparisons.compactMap { $0["benchmark"] as? String } == names)
        let found = comparisons.compactMap { $0["verdict"] as? String }
        if verdicts.isEmpty {
            #expect(found.count == names.count && !found.contains("missing"))
        } else {
            #expect(found == verdicts)
        }
        #expect(comparisons.allSatisfy { $0["head"] as? String == head })
    }

    /// hyperfine's usual use, `-n base CMD -n head CMD`, of the same command twice: no regression,
    /// and the gate passes; without --label-by the same file is one label and an input error.
    @Test func sameCommandTwiceIsNoRegression() throws {
        let file = "\(Self.labelBy)/hyperfine_same_command.json"
        let run = try Binary.run(["analyze", "--format", "json", "--label-by", "command", file])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let verdict = try Self.comparisons(run).first?["verdict"] as? String
        #expect(verdict == "noise" || verdict == "inconclusive")
        let without = try Binary.run(["analyze", file])
        #expect(without.exitCode == 2)
        #expect(without.standardError.contains("need at least two labels"))
    }

    /// Bad projections are usage errors: exit 2, the flag, the column and a caret; nothing on stdout.
    @Test(arguments: [
        (["--filter", ".name:(a b"], "--filter: column 10: value list must be separated by OR"),
        (["--filter", "size:1K)"], "--filter: column 8: unbalanced \")\""),
        (["--row", "/size@sideways"], "--row: column 7: unknown order \"sideways\""),
        (["--sort", "change,speed"], "--sort: column 8: unknown sort key \"speed\""),
        (["--col", "/a /b"], "--col: column 1: give one key"),
        (["--label-by", "regex:("], "--label-by: column 7: bad regular expression"),
        (["--label-by", "command", "--col", "/size"], "give --col or --label-by, not both"),
    ])
    func badProjectionIsExit2(_ flags: [String], _ message: String) throws {
        let run = try Binary.run(["analyze"] + flags + Self.go)
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    /// A filter that matches nothing is an input error naming the filter.
    @Test func filterMatchingNothing() throws {
        let run = try Binary.run(["analyze", "--filter", ".name:Nope"] + Self.go)
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("the filter .name:\"Nope\" matches no benchmark"))
    }
}
