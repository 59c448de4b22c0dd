import BenchstatTestSupport
import Foundation
import Testing

/// End to end: the JSON report's Welch-on-logs p-value and interval equal scipy's
/// `ttest_ind(log(head), log(base), equal_var=False)` (scipy 1.17.1; values generated once by the
/// snippet in this file's comment) to 1e-9 relative.
///
///     rng = np.random.default_rng(7)
///     x = np.round(rng.lognormal(np.log(1e-3), 0.05, 12), 9)
///     y = np.round(rng.lognormal(np.log(1.08e-3), 0.09, 9), 9)
///     r = st.ttest_ind(np.log(y), np.log(x), equal_var=False); ci = r.confidence_interval(0.95)
@Suite struct WelchAgainstScipyTests {
    static let base = [
        0.001000062, 0.001015049, 0.000986387, 0.000956447, 0.000977523, 0.000951627, 0.001003012, 0.001069307,
        0.00097569, 0.000969453, 0.001024794, 0.001018005,
    ]
    static let head = [
        0.001090295, 0.000993242, 0.00107716, 0.001149743, 0.000956936, 0.001036423, 0.000910147, 0.000961657,
        0.000915033,
    ]
    static let scipyP = 0.6885036707138754
    static let scipyPercent = 1.200174438844015
    static let scipyInterval = [-5.113543025702838, 7.93400484145661]
    /// Relative tolerance of the bar.
    static let tolerance = 1e-9

    @Test func jsonMatchesScipy() throws {
        let dir = try TemporaryDirectory()
        try dir.write("base.jsonl", TemporaryDirectory.jsonl("kernel", unit: "s", Self.base))
        try dir.write("head.jsonl", TemporaryDirectory.jsonl("kernel", unit: "s", Self.head))
        let run = try Binary.run([
            "analyze", "--format", "json", dir.url.appendingPathComponent("base.jsonl").path,
            dir.url.appendingPathComponent("head.jsonl").path,
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let comparisons = try #require(json["comparisons"] as? [[String: Any]])
        let kernel = try #require(comparisons.first)
        let p = try #require(kernel["pValue"] as? Double)
        let change = try #require(kernel["change"] as? [String: Any])
        let percent = try #require(change["percent"] as? Double)
        let ci = try #require(change["ci"] as? [Double])
        #expect(abs(p - Self.scipyP) <= Self.tolerance * Self.scipyP)
        #expect(abs(percent - Self.scipyPercent) <= Self.tolerance * abs(Self.scipyPercent))
        #expect(ci.count == 2)
        for (mine, reference) in zip(ci, Self.scipyInterval) {
            #expect(abs(mine - reference) <= Self.tolerance * abs(reference))
        }
        #expect(kernel["verdict"] as? String == "inconclusive" || kernel["verdict"] as? String == "noise")
    }
}
