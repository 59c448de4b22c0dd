import Statistics
import Testing

/// Prints the worst relative error against the reference for each function (run with
/// `swift test --filter accuracyReport` to see it), and fails if any exceeds its tolerance.
/// The per-case tests above check the same values; this gathers them into one table.
@Test func accuracyReport() throws {
    let reference = try Reference.loaded.get()
    var worst: [(String, Double, Double)] = []
    func record(_ name: String, _ errors: [Double], tolerance: Double) {
        let maximum = errors.max() ?? 0
        worst.append((name, maximum, tolerance))
        #expect(maximum <= tolerance, "\(name)")
    }

    var descriptive: [Double] = []
    for c in reference.descriptive {
        let s = try DescriptiveStatistics(c.values)
        descriptive.append(relativeError(s.mean, c.mean))
        if let v = c.variance, v > 0, c.mean * c.mean / v < 1e6, let sv = s.variance {
            descriptive.append(relativeError(sv, v))
        }
        for (p, q) in zip(c.quantileLevels, c.quantiles) {
            descriptive.append(abs(try s.quantile(p) - q) / max(abs(q), abs(c.maximum)))
        }
    }
    record("descriptive (mean, var, quantiles; well-conditioned)", descriptive, tolerance: descriptiveTolerance)

    var tStat: [Double] = []
    var tP: [Double] = []
    var tDF: [Double] = []
    var tCI: [Double] = []
    for c in reference.tTest where c.degeneracy == nil && c.name.hasPrefix("near-constant") == false {
        let r = try TTest.twoSample(
            base: c.base, head: c.head, equalVariances: c.equalVariances, confidence: c.confidence)
        guard let t = r.t, let p = r.pValue, let df = r.degreesOfFreedom, let ci = r.confidenceInterval,
            let se = r.standardError, let ct = c.t, let cp = c.p, let cdf = c.df, let lo = c.ciLower, let hi = c.ciUpper
        else { continue }
        tStat.append(relativeError(t, ct))
        tP.append(relativeError(p, cp))
        tDF.append(relativeError(df, cdf))
        tCI.append(max(abs(ci.lower - lo), abs(ci.upper - hi)) / max(abs(lo), abs(hi), se))
    }
    record("t-test t", tStat, tolerance: tTestTolerance)
    record("t-test p (down to 1e-205)", tP, tolerance: tTestTolerance)
    record("t-test df", tDF, tolerance: tTestTolerance)
    record("t-test CI", tCI, tolerance: tTestTolerance)

    var gmr: [Double] = []
    for c in reference.geometricMeanRatio where c.name != "near-constant" {
        let r = try GeometricMeanRatio.compare(base: c.base, head: c.head, confidence: c.confidence)
        gmr.append(relativeError(r.ratio, c.ratio))
        if let ci = r.confidenceInterval {
            gmr.append(relativeError(ci.lower, c.ciLower))
            gmr.append(relativeError(ci.upper, c.ciUpper))
        }
        if let p = r.pValue, let cp = c.p { gmr.append(relativeError(p, cp)) }
    }
    record("geometric-mean ratio (ratio, CI, p)", gmr, tolerance: tTestTolerance)

    var exact: [Double] = []
    var asymptotic: [Double] = []
    for c in reference.mannWhitney {
        let r = try MannWhitneyU.test(base: c.base, head: c.head)
        if r.method == .exact {
            exact.append(relativeError(r.pValue, c.p))
            if let s = c.scipyExactP { exact.append(relativeError(r.pValue, s)) }
        } else if r.method == .normalApproximation {
            asymptotic.append(relativeError(r.pValue, c.p))
        }
    }
    record("Mann–Whitney exact p", exact, tolerance: exactPTolerance)
    record("Mann–Whitney asymptotic p", asymptotic, tolerance: asymptoticPTolerance)

    var hl: [Double] = []
    for c in reference.hodgesLehmann {
        let r = try HodgesLehmann.shift(base: c.base, head: c.head, confidence: c.confidence)
        hl += [
            relativeError(r.estimate, c.estimate), relativeError(r.confidenceInterval.lower, c.lower),
            relativeError(r.confidenceInterval.upper, c.upper),
        ]
    }
    record("Hodges–Lehmann estimate and Moses CI ends", hl, tolerance: 0)
    var levels: [Double] = []
    var medianEnds: [Double] = []
    for c in reference.hodgesLehmann {
        let r = try HodgesLehmann.shift(base: c.base, head: c.head, confidence: c.confidence)
        levels.append(abs(r.achievedConfidence - c.achieved))
    }
    for c in reference.medianCI {
        let r = try MedianConfidenceInterval.compute(c.values, confidence: c.confidence)
        levels.append(abs(r.achievedConfidence - c.achieved))
        medianEnds.append(max(abs(r.confidenceInterval.lower - c.lower), abs(r.confidenceInterval.upper - c.upper)))
    }
    record("achieved confidence (HL, median CI), absolute", levels, tolerance: levelTolerance)
    record("median CI ends (absolute)", medianEnds, tolerance: 0)

    var adjusted: [Double] = []
    for c in reference.multipleComparisons {
        for (method, expected) in [
            (PValueAdjustment.bonferroni, c.bonferroni), (.holm, c.holm), (.benjaminiHochberg, c.benjaminiHochberg),
        ] {
            adjusted += zip(try MultipleComparisons.adjust(c.p, method: method), expected).map { relativeError($0, $1) }
        }
    }
    record("p adjustment (Bonferroni, Holm, BH)", adjusted, tolerance: adjustmentTolerance)

    var tost: [Double] = []
    for c in reference.equivalence {
        let r = try EquivalenceTest.tost(
            base: c.base, head: c.head, lowerMargin: c.lower, upperMargin: c.upper, alpha: c.alpha)
        if let a = r.lowerPValue, let b = r.upperPValue {
            tost += [relativeError(a, c.pLower), relativeError(b, c.pUpper)]
        }
    }
    record("TOST p-values", tost, tolerance: tTestTolerance)

    var power: [Double] = []
    for c in reference.power {
        for (n, expected) in zip(c.probeN, c.probePower) {
            let p = try PowerAnalysis.power(
                samplesPerSide: n, effect: c.effect, standardDeviation: c.standardDeviation, alpha: c.alpha)
            power.append(abs(p - expected) / max(expected, 1e-3))
        }
    }
    record("power (vs statsmodels)", power, tolerance: powerTolerance)

    var bootstrap: [Double] = []
    for c in reference.bootstrap {
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        let r: BootstrapResult
        switch (c.kind, c.method) {
        case ("oneSample", "percentile"):
            r = try Bootstrap.percentile(c.head, resamples: 20_000, confidence: c.confidence, seed: 7, statistic: mean)
        case ("oneSample", _):
            r = try Bootstrap.bca(c.head, resamples: 20_000, confidence: c.confidence, seed: 7, statistic: mean)
        case (_, "percentile"):
            r = try Bootstrap.percentile(
                base: c.base, head: c.head, resamples: 20_000, confidence: c.confidence, seed: 7
            ) {
                mean($1) / mean($0)
            }
        default:
            r = try Bootstrap.bca(base: c.base, head: c.head, resamples: 20_000, confidence: c.confidence, seed: 7) {
                mean($1) / mean($0)
            }
        }
        if let ci = r.confidenceInterval {
            bootstrap.append(max(abs(ci.lower - c.lower), abs(ci.upper - c.upper)) / c.standardError)
        }
    }
    record("bootstrap CI ends vs scipy, in standard errors", bootstrap, tolerance: bootstrapToleranceInStandardErrors)

    print("worst relative error per function:")
    for (name, error, tolerance) in worst {
        print("  \(name): \(error) (tolerance \(tolerance))")
    }
}
