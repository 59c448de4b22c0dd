import BenchstatTestSupport
import Foundation
import Testing

/// Inputs laid out the way the real tools write them, end to end through the binary.
@Suite struct IngestLayoutEndToEndTests {
    static var peers: URL {
        Binary.repository.appendingPathComponent("Tests/BenchmarkIngestTests/Fixtures/peers")
    }

    /// The gate line of a text report.
    static func gate(_ output: String) -> String {
        output.split(separator: "\n").first { $0.hasPrefix("gate:") }.map(String.init) ?? ""
    }

    /// Real `go test ./...` output of two packages that both have `BenchmarkParse`, package `a`
    /// 20 % slower in head: a regression of `a`'s series, kept apart from `b`'s.
    @Test func goTestOfTwoPackagesRegressesThePackageThatChanged() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for side in ["base", "head"] {
            let text = try String(
                contentsOf: Self.peers.appendingPathComponent("gomulti/\(side)/go.txt"), encoding: .utf8)
            try dir.write("\(side).txt", text)
        }
        let run = try Binary.run([
            "analyze", dir.url.appendingPathComponent("base.txt").path, dir.url.appendingPathComponent("head.txt").path,
        ])
        #expect(run.exitCode == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("example.com/multipkg/a.BenchmarkParse-2"))
        #expect(run.standardOutput.contains("example.com/multipkg/b.BenchmarkParse-2"))
        #expect(
            Self.gate(run.standardOutput).contains("example.com/multipkg/a.BenchmarkParse-2"), "\(run.standardOutput)")
    }

    /// `go test ./...` output as Go writes it (header, results, `PASS`, `ok` per package): `a` is
    /// +20 %, `b` unchanged. Merged into one series the change was averaged into an inconclusive
    /// pass; kept apart it is a regression of `a` only.
    @Test func goPackagesAreNotAveragedTogether() throws {
        func output(_ a: [Int], _ b: [Int]) -> String {
            func package(_ name: String, _ values: [Int]) -> String {
                "goos: linux\ngoarch: amd64\npkg: example.com/m/\(name)\ncpu: AMD EPYC\n"
                    + values.map { "BenchmarkParse-8   \t   10000\t    \($0) ns/op\n" }.joined()
                    + "PASS\nok  \texample.com/m/\(name)\t0.512s\n"
            }
            return package("a", a) + package("b", b)
        }
        let a = [1000, 1003, 998, 1001, 1002, 999, 1004, 997, 1000, 1001]
        let b = [3000, 3010, 2990, 3005, 2995, 3002, 2998, 3001, 2999, 3003]
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("base.txt", output(a, b))
        try dir.write("head.txt", output(a.map { $0 * 6 / 5 }, b))
        let run = try Binary.run([
            "analyze", dir.url.appendingPathComponent("base.txt").path, dir.url.appendingPathComponent("head.txt").path,
        ])
        #expect(run.exitCode == 1, "\(run.standardOutput)\(run.standardError)")
        let gate = Self.gate(run.standardOutput)
        #expect(gate.contains("1 regression"), "\(run.standardOutput)")
        #expect(gate.contains("example.com/m/a.BenchmarkParse-8"), "\(run.standardOutput)")
        #expect(!gate.contains("example.com/m/b."), "\(run.standardOutput)")
    }

    /// `cp -r target/criterion runs/base` and `runs/head`: `benchstat analyze runs` compares them.
    @Test func directoryOfCriterionTreesIsCompared() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("runs"), withIntermediateDirectories: true)
        for side in ["base", "head"] {
            try FileManager.default.copyItem(
                at: Self.peers.appendingPathComponent("criterion/\(side)/target/criterion"),
                to: dir.url.appendingPathComponent("runs/\(side)"))
        }
        let run = try Binary.run(["analyze", dir.url.appendingPathComponent("runs").path])
        #expect(!run.standardError.contains("need at least two labels"), "\(run.standardError)")
        // fib/20 and sort/unstable/1000 are ~10 % slower in head.
        #expect(run.exitCode == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(Self.gate(run.standardOutput).contains("fib/20"), "\(run.standardOutput)")
    }

    /// README's critcmp-style recipe on a real criterion.rs tree: `cargo bench --bench work --
    /// --save-baseline main` on main, then `cargo bench` on a branch where `sum` does 25 % more work.
    /// `benchstat analyze target/criterion` compares `main` with `new` (not `base/`, a copy of `new/`)
    /// and finds the slowed `sum`; the two labels are baselines, not runs of one label.
    @Test func namedCriterionBaselinesOfARealTreeAreCompared() throws {
        let tree = Self.peers.appendingPathComponent("criterion-baselines/target/criterion").path
        let run = try Binary.run(["analyze", tree, "--no-config"])
        #expect(run.exitCode == 1, "\(run.standardOutput)\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.split(separator: " ").filter { $0 == "main" || $0 == "new" || $0 == "base" } == ["main", "new"])
        #expect(lines.contains { $0.hasPrefix("new vs main:") }, "\(run.standardOutput)")
        let sum = try #require(lines.first { $0.hasPrefix("sum ") }, "\(run.standardOutput)")
        #expect(sum.hasSuffix("regression") || sum.contains("regression "), "\(sum)")
        #expect(Self.gate(run.standardOutput).hasPrefix("gate: FAIL — 1 regression(s): sum"), "\(run.standardOutput)")
        #expect(!run.standardError.contains("look like runs"), "\(run.standardError)")
        #expect(!run.standardOutput.contains("look like runs"), "\(run.standardOutput)")
    }
}
