import Foundation
import Testing

@testable import Statistics

// Change points against Apache Otava 0.8.0 (Reference/generate_change_points.py → change_points.json).

private struct ChangePointReference: Decodable {
    struct Point: Decodable {
        let index: Int
        let pValue: Double?
        let meanBefore, meanAfter, sdBefore, sdAfter: Double
    }
    struct Result: Decodable {
        let windowLength: Int
        let maxPValue: Double
        let minMagnitude: Double
        let changePoints: [Point]
        let weak: [Point]
    }
    struct Candidate: Decodable {
        let index: Int
        let qhat: Double
    }
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let values: [Double]
        let firstCandidate: Candidate
        let results: [Result]
        var testDescription: String { name }
    }
    let cases: [Case]

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/change_points.json")
        guard let data = try? Data(contentsOf: url),
            let reference = try? JSONDecoder().decode(ChangePointReference.self, from: data)
        else { return [] }
        return reference.cases
    }()
}

@Suite("Change points against Apache Otava 0.8.0")
struct ChangePointReferenceTests {
    @Test("the reference file loads")
    func referenceLoads() {
        #expect(ChangePointReference.cases.count >= 10)
    }

    @Test(
        "E-divisive's first candidate and Q̂ match otava's PairDistanceCalculator", arguments: ChangePointReference.cases
    )
    fileprivate func firstCandidate(_ reference: ChangePointReference.Case) throws {
        let candidate = try #require(EDivisive.candidate(in: reference.values, start: 0, end: reference.values.count))
        #expect(candidate.index == reference.firstCandidate.index)
        #expect(abs(candidate.qhat - reference.firstCandidate.qhat) <= 1e-9 * abs(reference.firstCandidate.qhat))
    }

    @Test("split and merge find otava's weak and final change points", arguments: ChangePointReference.cases)
    fileprivate func changePoints(_ reference: ChangePointReference.Case) throws {
        for result in reference.results {
            let options = HunterChangePoints.Options(
                windowLength: result.windowLength, maxPValue: result.maxPValue, minMagnitude: result.minMagnitude,
                otavaNeighbourQuirk: true)
            let found = try HunterChangePoints.detect(reference.values, options: options)
            let setting = "window \(result.windowLength), p \(result.maxPValue), magnitude \(result.minMagnitude)"
            #expect(found.weak.map(\.index) == result.weak.map(\.index), "weak points, \(setting)")
            #expect(found.changePoints.map(\.index) == result.changePoints.map(\.index), "change points, \(setting)")
            for (mine, theirs) in zip(found.changePoints + found.weak, result.changePoints + result.weak) {
                let c = mine.comparison
                #expect(abs(c.meanBefore - theirs.meanBefore) <= 1e-12 * abs(theirs.meanBefore))
                #expect(abs(c.meanAfter - theirs.meanAfter) <= 1e-12 * abs(theirs.meanAfter))
                #expect(abs(c.standardDeviationBefore - theirs.sdBefore) <= 1e-9 * max(theirs.sdBefore, 1e-300))
                #expect(abs(c.standardDeviationAfter - theirs.sdAfter) <= 1e-9 * max(theirs.sdAfter, 1e-300))
                if let p = theirs.pValue {
                    #expect(abs(c.pValue - p) <= 1e-9 * max(p, 1e-300), "p at \(mine.index), \(setting)")
                } else {
                    #expect(c.pValue.isNaN)
                }
            }
        }
    }

    @Test("re-testing the true neighbours departs from otava on exactly the recorded series")
    func trueNeighbours() throws {
        var differences: [String] = []
        for reference in ChangePointReference.cases {
            for result in reference.results {
                var options = HunterChangePoints.Options(
                    windowLength: result.windowLength, maxPValue: result.maxPValue, minMagnitude: result.minMagnitude)
                let corrected = try HunterChangePoints.detect(reference.values, options: options).changePoints
                options.otavaNeighbourQuirk = true
                let quirk = try HunterChangePoints.detect(reference.values, options: options).changePoints
                if corrected.map(\.index) != quirk.map(\.index) {
                    differences.append("\(reference.name) w\(result.windowLength)")
                }
            }
        }
        // Recorded, not hidden: the README states on which series the two merge orders differ.
        print("change points where otava's neighbour re-test differs: \(differences)")
        #expect(differences == ["two-steps-90 w30", "many-steps-200 w30", "drift-100 w30", "drift-100 w20"])
    }
}

@Suite("Change-point detection: properties")
struct ChangePointPropertyTests {
    @Test("a constant series has no change point and no NaN trouble")
    func constant() throws {
        let found = try HunterChangePoints.detect([Double](repeating: 5, count: 80))
        #expect(found.changePoints.isEmpty)
    }

    @Test("a clean step is found at its index")
    func step() throws {
        var values: [Double] = []
        for position in 0..<60 {
            let level: Double = position < 37 ? 100 : 120
            values.append(level + Double(position % 3) * 0.1)
        }
        let found = try HunterChangePoints.detect(values)
        #expect(found.changePoints.map { $0.index } == [37])
        let change = try #require(found.changePoints.first).comparison.forwardRelativeChange
        #expect(abs(change - 0.2) < 0.01)
    }

    @Test("NaN input and a window < 2 throw")
    func badInput() {
        #expect(throws: StatisticsError.nonFinite(index: 1)) { try HunterChangePoints.detect([1, .nan, 2]) }
        #expect(throws: StatisticsError.self) {
            try HunterChangePoints.detect([1, 2, 3], options: .init(windowLength: 1))
        }
    }

    @Test("fewer than two values give no candidate")
    func tiny() throws {
        #expect(EDivisive.candidate(in: [1], start: 0, end: 1) == nil)
        #expect(try HunterChangePoints.detect([]).changePoints.isEmpty)
        #expect(try HunterChangePoints.detect([3]).changePoints.isEmpty)
    }
}

@Suite("E-divisive against its definition")
struct EDivisiveDefinitionTests {
    /// Q̂(τ, κ) straight from Matteson & James's formula: O(n²) per (τ, κ).
    static func naiveCandidate(_ z: [Double], start: Int, end: Int) -> (index: Int, qhat: Double) {
        var best = (index: 0, qhat: -Double.infinity)
        for tau in (start + 1)..<end {
            for kappa in (tau + 1)...end {
                let x = z[start..<tau]
                let y = z[tau..<kappa]
                let n = Double(x.count)
                let m = Double(y.count)
                var cross = 0.0
                for a in x { for b in y { cross += abs(a - b) } }
                var withinX = 0.0
                for (i, a) in x.enumerated() { for b in x.dropFirst(i + 1) { withinX += abs(a - b) } }
                var withinY = 0.0
                for (i, a) in y.enumerated() { for b in y.dropFirst(i + 1) { withinY += abs(a - b) } }
                var q = 2 / (m + n) * cross
                if n > 1 { q -= 2 * m / ((m + n) * (n - 1)) * withinX }
                if m > 1 { q -= 2 * n / ((m + n) * (m - 1)) * withinY }
                if q > best.qhat { best = (tau, q) }
            }
        }
        return best
    }

    /// Random series with a step, sub-intervals anywhere, lengths past the weight table's 64.
    @Test(arguments: [(0, 12), (3, 30), (5, 55), (0, 70), (10, 81)])
    func sameCandidateAsTheDefinition(_ bounds: (Int, Int)) throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(bounds.1)
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let z = (0..<90).map { index in (index >= 40 ? 3.0 : 0) + next() }
        let fast = try #require(EDivisive.candidate(in: z, start: bounds.0, end: bounds.1))
        let naive = Self.naiveCandidate(z, start: bounds.0, end: bounds.1)
        #expect(fast.index == naive.index)
        #expect(abs(fast.qhat - naive.qhat) <= 1e-12 * abs(naive.qhat))
    }
}

@Suite("E-divisive κ by κ against the τ-major loop")
struct EDivisiveLoopOrderTests {
    /// The τ-major double loop over the full matrix of row prefix sums that `EDivisive.candidate` used
    /// before it went κ by κ (2026-12-05): the first maximum in (τ, κ) order.
    static func tauMajorCandidate(_ series: [Double], start: Int, end: Int) -> (index: Int, qhat: Double)? {
        let length = end - start
        guard length >= 2 else { return nil }
        let width = length + 1
        var prefix = [Double](repeating: 0, count: length * width)
        for j in 0..<length {
            var running = 0.0
            for i in 0..<j {
                running += abs(series[start + i] - series[start + j])
                prefix[j * width + i + 1] = running
            }
        }
        var withinX = 0.0
        var bestQ = -Double.infinity
        var bestTau = 0
        for tau in 1..<length {
            if tau >= 2 { withinX += prefix[(tau - 1) * width + (tau - 1)] }
            var cross = 0.0
            var withinY = 0.0
            for kappa in (tau + 1)...length {
                let row = (kappa - 1) * width
                cross += prefix[row + tau]
                withinY += prefix[row + kappa - 1] - prefix[row + tau]
                let n = Double(tau)
                let m = Double(kappa - tau)
                let crossWeight = 2 / (m + n)
                let withinXWeight = n > 1 ? 2 * m / ((m + n) * (n - 1)) : 0
                let withinYWeight = m > 1 ? 2 * n / ((m + n) * (m - 1)) : 0
                let q = crossWeight * cross - withinXWeight * withinX - withinYWeight * withinY
                if bestTau == 0 || q > bestQ {
                    bestQ = q
                    bestTau = tau
                }
            }
        }
        return (start + bestTau, bestQ)
    }

    /// Lengths 2…140 (across the weight tables' 64), sub-intervals, continuous values, heavy ties
    /// (small integers), a constant series, and values whose distances overflow to infinity (NaN Q̂):
    /// the same index and the same Q̂, bit for bit.
    @Test(arguments: [0, 1, 2, 3, 4, 5])
    func sameCandidateBitForBit(_ kind: Int) throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D &+ UInt64(kind)
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for length in stride(from: 2, through: 140, by: kind == 0 ? 1 : 7) {
            let series: [Double] = (0..<(length + 6)).map { index in
                switch kind {
                case 0: (index > length / 2 ? 1.5 : 0) + next()
                case 1: Double(Int(next() * 4))
                case 2: 7
                case 3: next() < 0.5 ? -1e308 : 1e308
                case 4: index == 3 ? 1e308 : (index == 4 ? -1e308 : next())
                default: 1e-300 * next()
                }
            }
            for (start, end) in [(0, length), (3, length + 3), (6, length + 6)] {
                let fast = try #require(EDivisive.candidate(in: series, start: start, end: end))
                let reference = try #require(Self.tauMajorCandidate(series, start: start, end: end))
                #expect(fast.index == reference.index, "kind \(kind), length \(length), start \(start)")
                #expect(
                    fast.qhat.bitPattern == reference.qhat.bitPattern,
                    "kind \(kind), length \(length), start \(start): \(fast.qhat) vs \(reference.qhat)")
            }
        }
    }
}

@Suite("The split step's significance shortcut")
struct SegmentSignificanceShortcutTests {
    /// `isSignificant` with the normal bound decides as `pValue <= level` does, on 20,000 random
    /// splits of shifted samples (sizes 1…60 a side; the shift makes |t| spread across the critical
    /// values), at levels from 0.002 to 1, with constant parts (NaN t) among them.
    @Test(arguments: [0.002, 0.01, 0.05, 0.2, 0.5, 1.0])
    func sameDecisionAsThePValue(_ level: Double) {
        var state: UInt64 = 0xD1B5_4A32_D192_ED03 ^ UInt64(level * 1e6)
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let bound = SegmentComparison.criticalBound(level: level)
        #expect(level == 1 ? bound == 0 : bound > 0.6)  // z at level 0.5 is 0.674
        var shortcuts = 0
        var agreed = 0
        for case_ in 0..<3_000 {
            let n1 = 1 + Int(next() * 60)
            let n2 = 1 + Int(next() * 60)
            let shift = next() * 1.5
            let constant = case_ % 97 == 0
            let before = (0..<n1).map { _ in constant ? 1.0 : next() }[...]
            let after = (0..<n2).map { _ in constant ? 1.0 : next() + shift }[...]
            let exact = SegmentComparison(before: before, after: after).pValue <= level
            let fast = SegmentComparison.isSignificant(before: before, after: after, level: level, belowCritical: bound)
            #expect(fast == exact, "n1 \(n1), n2 \(n2), shift \(shift)")
            if fast == exact { agreed += 1 }
            // Pooled-variance t from the population standard deviations, as Otava feeds scipy.
            let comparison = SegmentComparison(before: before, after: after)
            let df = Double(n1 + n2 - 2)
            let sd1 = comparison.standardDeviationBefore
            let sd2 = comparison.standardDeviationAfter
            let pooled = (Double(n1 - 1) * sd1 * sd1 + Double(n2 - 1) * sd2 * sd2) / df
            let t =
                (comparison.meanBefore - comparison.meanAfter)
                / (pooled * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
            if n1 + n2 > 2, abs(t) < bound { shortcuts += 1 }
        }
        #expect(agreed == 3_000)
        // The shortcut decided some of the cases (none at level 1, whose bound is 0).
        #expect(level == 1 ? shortcuts == 0 : shortcuts > 30)
    }
}
