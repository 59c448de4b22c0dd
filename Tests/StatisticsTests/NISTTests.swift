import Foundation
import Statistics
import Testing

/// The log relative error of NIST's StRD reports: the number of correct significant digits.
func logRelativeError(_ value: Double, certified: Double) -> Double {
    value == certified ? 16 : min(16, -log10(abs(value - certified) / abs(certified)))
}

/// Reads Reference/NIST/<name>.dat: `# certified <key>: <value>` header lines, then one value a line.
func readNIST(_ name: String) throws -> (values: [Double], certified: [String: Double]) {
    let url = Reference.directory.appendingPathComponent("NIST").appendingPathComponent("\(name).dat")
    var values: [Double] = []
    var certified: [String: Double] = [:]
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
        if line.hasPrefix("# certified ") {
            let parts = line.dropFirst("# certified ".count).split(separator: ":")
            if parts.count == 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) {
                certified[String(parts[0])] = value
            }
        } else if !line.hasPrefix("#"), let value = Double(line.trimmingCharacters(in: .whitespaces)) {
            values.append(value)
        }
    }
    return (values, certified)
}

@Suite struct NISTTests {
    /// Mean and standard deviation of the NIST StRD univariate datasets. The certified values are
    /// those of the decimal data; a double-precision program sees the data rounded to binary, whose
    /// exact statistics (computed by the generator in rational arithmetic) are the best reachable.
    /// So: the mean must carry all 15 certified digits, and the standard deviation must match the
    /// exact value of the double data to 1e-13 — which reaches the certified digits wherever the
    /// input rounding allows (NumAcc3/4: 9.5 and 8.3 digits, as R and every double program).
    @Test(arguments: Reference.shared?.nist ?? [])
    func certifiedValues(_ c: NISTCase) throws {
        let (values, certified) = try readNIST(c.name)
        #expect(values.count == c.count)
        #expect(certified["mean"] == c.certifiedMean)
        #expect(certified["standard deviation"] == c.certifiedStandardDeviation)
        let s = try DescriptiveStatistics(values)
        let sd = try #require(s.standardDeviation)
        #expect(logRelativeError(s.mean, certified: c.certifiedMean) >= 15)
        #expect(relativeError(sd, c.standardDeviationOfDoubles) <= 1e-13)
        let reachable = logRelativeError(c.standardDeviationOfDoubles, certified: c.certifiedStandardDeviation)
        #expect(logRelativeError(sd, certified: c.certifiedStandardDeviation) >= min(reachable, 15) - 0.3)
        print(
            "NIST \(c.name): mean LRE \(logRelativeError(s.mean, certified: c.certifiedMean)),",
            "sd LRE \(logRelativeError(sd, certified: c.certifiedStandardDeviation)) (best reachable from doubles \(reachable))"
        )
    }
}
