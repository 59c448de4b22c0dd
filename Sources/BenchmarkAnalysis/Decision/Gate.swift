import BenchmarkModel

/// The merge gate (DESIGN.md, "Gate"): fails when any benchmark is a regression; with `strict`
/// also when any comparison does not show non-inferiority (`NonInferiorityStep`). It says when
/// comparisons had one run per side and no history, since their intervals leave out between-run
/// drift.
enum Gate {
    /// How many comparisons a gate reason names; the rest are counted.
    static let namedLimit = 10

    static func evaluate(_ comparisons: [Comparison], strict: Bool) -> GateResult {
        // Counted and named in one pass, without filtered copies of the (large) comparisons.
        var regressions = Named()
        var notNonInferior = Named()
        var inconclusive = 0
        var driftNotMeasured = 0
        for index in comparisons.indices {
            switch comparisons[index].verdict {
            case .regression: regressions.add(comparisons[index])
            case .inconclusive: inconclusive += 1
            case .improvement, .noise, .missing: break
            }
            if comparisons[index].nonInferiorityShown == false, comparisons[index].verdict != .regression {
                notNonInferior.add(comparisons[index])
            }
            if comparisons[index].notes.contains(.driftNotMeasured) { driftNotMeasured += 1 }
        }
        var reasons: [GateReason] = []
        if regressions.count > 0 { reasons.append(.regressions(count: regressions.count, named: regressions.named)) }
        if strict, notNonInferior.count > 0 {
            reasons.append(.notShownNonInferior(count: notNonInferior.count, named: notNonInferior.named))
        }
        let verdict: GateResult.Outcome = reasons.isEmpty ? .pass : .fail
        if reasons.isEmpty {
            reasons.append(.noRegressions(inconclusive: inconclusive, strictWouldFail: notNonInferior.count))
        }
        if driftNotMeasured > 0 { reasons.append(.driftNotMeasured(count: driftNotMeasured)) }
        return GateResult(verdict: verdict, reasons: reasons)
    }

    /// How many comparisons have a verdict, and the first `namedLimit` of them.
    private struct Named {
        private(set) var count = 0
        private(set) var named: [NamedSeries] = []

        mutating func add(_ comparison: Comparison) {
            count += 1
            if named.count < Gate.namedLimit {
                named.append(NamedSeries(name: comparison.benchmark.name, baseUnit: comparison.unit.baseUnit))
            }
        }
    }
}
