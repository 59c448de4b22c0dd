import BenchmarkAnalysis
import BenchmarkModel
import BenchstatTestSupport
import Foundation
import PropertyBased
import Statistics
import Testing

/// One benchmark of a random suite: runs per side, around a centre, with a spread and an effect.
struct RandomBenchmark: Sendable, CustomStringConvertible {
    let unit: String
    let base: [[Double]]
    let head: [[Double]]

    var description: String { "\(unit) base \(base) head \(head)" }

    /// `noise` (values in -1…1) is cut into runs: the first half for base, the rest for head.
    init(centre: Double, spread: Double, effect: Double, noise: [Double]) {
        // A small spread is an exact (instrumentation) measurement: identical samples per side.
        let exact = spread < 0.02
        unit = exact ? "instructions" : "ns"
        let runCount = noise.count % 3 + 1
        func runs(_ values: ArraySlice<Double>, centre: Double) -> [[Double]] {
            let samples = values.map { exact ? centre.rounded() : centre * exp(spread * $0) }
            let size = max(1, samples.count / runCount)
            return stride(from: 0, to: samples.count, by: size).map {
                Array(samples[$0..<min($0 + size, samples.count)])
            }
        }
        let half = noise.count / 2
        base = runs(noise[..<half], centre: centre)
        head = runs(noise[half...], centre: centre * exp(effect))
    }

    init(unit: String, base: [[Double]], head: [[Double]]) {
        self.unit = unit
        self.base = base
        self.head = head
    }

    func series(_ name: String, swapped: Bool = false, scale: Double = 1) -> (BenchmarkSeries, BenchmarkSeries) {
        let (b, h) = swapped ? (head, base) : (base, head)
        let scaled = { (runs: [[Double]]) in runs.map { $0.map { $0 * scale } } }
        return (
            DatasetBuilder.series(name, unit: unit, runs: scaled(b)),
            DatasetBuilder.series(name, unit: unit, runs: scaled(h))
        )
    }
}

/// Invariants of the verdicts on random suites (issue 7).
@Suite struct VerdictPropertyTests {
    static let benchmark = zip(
        Gen.double(in: 10...1_000_000), Gen.double(in: 0...0.25), Gen.double(in: -0.3...0.3),
        Gen.double(in: -1...1).array(of: 4...24)
    ).map { centre, spread, effect, noise in
        RandomBenchmark(centre: centre, spread: spread, effect: effect, noise: noise)
    }

    static let suite = benchmark.array(of: 1...5)

    static func analyze(
        _ suite: [RandomBenchmark], test: ComparisonTest, swapped: Bool = false, scale: Double = 1
    ) throws -> AnalysisResult {
        let pairs = suite.enumerated().map { $0.element.series("b\($0.offset)", swapped: swapped, scale: scale) }
        var options = AnalysisOptions()
        options.test = test
        return try Analyzer.analyze(
            dataset: DatasetBuilder.dataset(base: pairs.map(\.0), head: pairs.map(\.1)), options: options)
    }

    /// Whether a comparison sits so close to a decision boundary that rounding may decide it.
    static func onEdge(_ comparison: Comparison, alpha: Double = 0.05) -> Bool {
        let threshold = comparison.thresholdPercent
        var values = [comparison.change?.percent].compactMap { $0 }
        if let interval = comparison.change?.interval { values += [interval.lowerBound, interval.upperBound] }
        if values.contains(where: { abs(abs($0) - threshold) < 1e-6 }) { return true }
        if let p = comparison.pAdjusted, abs(p - alpha) < 1e-9 { return true }
        // The threshold is applied on the log scale, and equivalence to the 1 − 2α interval.
        let bound = log1p(threshold / 100)
        var logs = values.map { log1p($0 / 100) }
        if case .studentT(let change, let error, let df) = comparison.evidence,
            let critical = try? StudentTDistribution.quantile(1 - alpha, df: df)
        {
            logs += [change - critical * error, change + critical * error]
        }
        if case .interval(_, let lower, let upper) = comparison.evidence { logs += [lower, upper] }
        return logs.contains { abs(abs($0) - bound) < 1e-9 }
    }

    /// Whether swapping the sides moves a percentage across the threshold: thresholds are percentages
    /// of the baseline, so +5.2% one way is -4.9% the other.
    static func crossesOnSwap(_ comparison: Comparison) -> Bool {
        let threshold = comparison.thresholdPercent
        var values = [comparison.change?.percent].compactMap { $0 }
        if let interval = comparison.change?.interval { values += [interval.lowerBound, interval.upperBound] }
        return values.contains { value in
            let swapped = 100 * (1 / (1 + value / 100) - 1)
            return (abs(value) >= threshold) != (abs(swapped) >= threshold)
        }
    }

    static func checkBasics(_ result: AnalysisResult) {
        for comparison in result.comparisons {
            if let p = comparison.pValue {
                #expect(p >= 0 && p <= 1, "\(comparison.benchmark.name): p=\(p)")
                if let adjusted = comparison.pAdjusted {
                    #expect(adjusted >= p && adjusted <= 1, "\(comparison.benchmark.name): \(p) → \(adjusted)")
                }
            }
            if let change = comparison.change, let interval = change.interval {
                let slack = 1e-9 * max(1, abs(change.percent))
                #expect(
                    interval.lowerBound - slack <= change.percent && change.percent <= interval.upperBound + slack,
                    "\(comparison.benchmark.name): \(change.percent) outside \(interval)")
            }
        }
    }

    @Test(arguments: ComparisonTest.allCases)
    func swappingSidesNegatesTheLogChange(test: ComparisonTest) async {
        await propertyCheck(count: 60, input: Self.suite) { suite in
            let forward = try Self.analyze(suite, test: test)
            let backward = try Self.analyze(suite, test: test, swapped: true)
            Self.checkBasics(forward)
            for comparison in forward.comparisons {
                let name = comparison.benchmark.name
                let other = try #require(backward.comparisons.first { $0.benchmark.name == name })
                if let x = comparison.change?.percent, let y = other.change?.percent {
                    #expect(abs(log1p(x / 100) + log1p(y / 100)) <= 1e-9, "\(name): \(x)% vs \(y)%")
                }
                if let p = comparison.pValue, let q = other.pValue { #expect(abs(p - q) <= 1e-9) }
                guard !Self.onEdge(comparison), !Self.onEdge(other), !Self.crossesOnSwap(comparison) else { continue }
                let expected: Verdict =
                    switch comparison.verdict {
                    case .regression: .improvement
                    case .improvement: .regression
                    default: comparison.verdict
                    }
                #expect(other.verdict == expected, "\(name): \(comparison.reason) / swapped: \(other.reason)")
            }
        }
    }

    // Yuen's test is left out: a trimmed side whose winsorized variance is exactly 0 in one unit can
    // be 1e-30 in another, which moves it between "exact" and "tested" (noted for the next issue).
    @Test(arguments: [ComparisonTest.welch, .mannWhitney])
    func scalingEverySampleChangesNoVerdict(test: ComparisonTest) async {
        let scales = Gen.element(of: [0.001, 0.37, 3.0, 1000.0])
        await propertyCheck(count: 60, input: Self.suite, scales) { suite, scale in
            guard let scale else { return }
            let plain = try Self.analyze(suite, test: test)
            let scaled = try Self.analyze(suite, test: test, scale: scale)
            Self.checkBasics(scaled)
            for (a, b) in zip(plain.comparisons, scaled.comparisons) {
                #expect(a.benchmark == b.benchmark)
                if let x = a.change?.percent, let y = b.change?.percent { #expect(abs(x - y) <= 1e-6) }
                guard !Self.onEdge(a), !Self.onEdge(b) else { continue }
                #expect(a.verdict == b.verdict, "×\(scale) \(a.benchmark.name): \(a.reason) / \(b.reason)")
            }
            #expect(plain.gate.verdict == scaled.gate.verdict || plain.comparisons.contains { Self.onEdge($0) })
        }
    }

    @Test(arguments: ComparisonTest.allCases)
    func permutingSamplesChangesNothing(test: ComparisonTest) async {
        await propertyCheck(count: 60, input: Self.suite, Gen.int(in: 0...10_000)) { suite, seed in
            var generator = SplitMix64(seed: UInt64(seed))
            let shuffled = suite.map { benchmark in
                RandomBenchmark(
                    unit: benchmark.unit, base: benchmark.base.map { $0.shuffled(using: &generator) },
                    head: benchmark.head.map { $0.shuffled(using: &generator) })
            }
            let plain = try Self.analyze(suite, test: test)
            let permuted = try Self.analyze(shuffled, test: test)
            for (a, b) in zip(plain.comparisons, permuted.comparisons) {
                if let x = a.change?.percent, let y = b.change?.percent { #expect(abs(x - y) <= 1e-9) }
                if let p = a.pValue, let q = b.pValue { #expect(abs(p - q) <= 1e-9) }
                guard !Self.onEdge(a), !Self.onEdge(b) else { continue }
                #expect(a.verdict == b.verdict, "\(a.benchmark.name): \(a.reason) / \(b.reason)")
            }
        }
    }

    /// Under Benjamini–Hochberg, one more benchmark that did not change can only raise the other
    /// adjusted p-values: a passing gate stays passing.
    @Test func addingAnUnchangedBenchmarkNeverFailsAPassingGate() async {
        await propertyCheck(count: 80, input: Self.suite, Self.benchmark) { suite, extra in
            let before = try Self.analyze(suite, test: .welch)
            let unchanged = RandomBenchmark(unit: extra.unit, base: extra.base, head: extra.base)
            let after = try Self.analyze(suite + [unchanged], test: .welch)
            Self.checkBasics(after)
            if before.gate.verdict == .pass { #expect(after.gate.verdict == .pass) }
            for comparison in before.comparisons {
                let later = try #require(after.comparisons.first { $0.benchmark.name == comparison.benchmark.name })
                if let p = comparison.pAdjusted, let q = later.pAdjusted { #expect(q >= p - 1e-15) }
            }
        }
    }
}
