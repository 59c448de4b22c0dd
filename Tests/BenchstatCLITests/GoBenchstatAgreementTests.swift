import Foundation
import Testing

/// `--test mann-whitney` reproduces the p-values Go's benchstat prints on its own testdata
/// (`../shared/peers/go-benchstat/testdata/cmd/benchstat`, golden `crcIgnore.stdout`: the sec/op
/// table of `benchstat -ignore note crc-old.txt crc-new.txt`). Go prints p to three decimals, so
/// each of ours must round to the same value (|Δ| ≤ 0.0005).
@Suite struct GoBenchstatAgreementTests {
    static var testdata: URL {
        Binary.repository.deletingLastPathComponent()
            .appendingPathComponent("shared/peers/go-benchstat/testdata/cmd/benchstat")
    }

    /// (benchmark, p, n) rows of the first table of a Go benchstat golden output.
    static func goldenRows(_ file: URL) throws -> [(String, Double, Int)] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var rows: [(String, Double, Int)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("geomean") { break }
            guard let open = line.range(of: "(p="),
                let close = line.range(of: ")", range: open.upperBound..<line.endIndex)
            else { continue }
            let inside = line[open.upperBound..<close.lowerBound].split(separator: " ")
            guard inside.count == 2, let p = Double(inside[0]), inside[1].hasPrefix("n="),
                let n = Int(inside[1].dropFirst(2)), let name = line.split(separator: " ").first
            else { continue }
            rows.append((String(name), p, n))
        }
        return rows
    }

    @Test func crcPValuesMatchGoBenchstat() throws {
        let golden = try Self.goldenRows(Self.testdata.appendingPathComponent("crcIgnore.stdout"))
        #expect(golden.count >= 30)
        let run = try Binary.run([
            "analyze", "--test", "mann-whitney", "--correction", "none", "--format", "json",
            Self.testdata.appendingPathComponent("crc-old.txt").path,
            Self.testdata.appendingPathComponent("crc-new.txt").path,
        ])
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(run.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let comparisons = try #require(root["comparisons"] as? [[String: Any]])
        var byName: [String: [String: Any]] = [:]
        for c in comparisons where c["unit"] as? String == "s" {
            // Go's benchstat prints names without the "Benchmark" prefix.
            if let name = c["benchmark"] as? String { byName[String(name.dropFirst("Benchmark".count))] = c }
        }
        for (name, goP, n) in golden {
            let mine = try #require(byName[name], "no comparison for \(name)")
            let p = try #require(mine["pValue"] as? Double, "\(name) has no p-value")
            #expect(abs(p - goP) <= 0.0005 + 1e-12, "\(name): ours \(p), Go \(goP)")
            let base = try #require(mine["baseSide"] as? [String: Any])
            #expect(base["n"] as? Int == n)
        }
    }
}
