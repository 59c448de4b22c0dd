import BenchmarkModel

/// The merge gate (DESIGN.md, "Gate"): fails when any benchmark is a regression; with `strict`
/// also when any is inconclusive.
enum Gate {
    /// How many comparisons a gate reason names; the rest are counted.
    static let namedLimit = 10

    static func evaluate(_ comparisons: [Comparison], strict: Bool) -> GateResult {
        // Counted and named in one pass, without filtered copies of the (large) comparisons.
        var regressions = Named()
        var inconclusive = Named()
        for index in comparisons.indices {
            switch comparisons[index].verdict {
            case .regression: regressions.add(comparisons[index])
            case .inconclusive: inconclusive.add(comparisons[index])
            case .improvement, .noise, .missing: break
            }
        }
        var reasons: [GateReason] = []
        if regressions.count > 0 { reasons.append(.regressions(count: regressions.count, named: regressions.named)) }
        if strict, inconclusive.count > 0 {
            reasons.append(.inconclusiveUnderStrict(count: inconclusive.count, named: inconclusive.named))
        }
        if reasons.isEmpty {
            return GateResult(verdict: .pass, reasons: [.noRegressions(inconclusive: inconclusive.count)])
        }
        return GateResult(verdict: .fail, reasons: reasons)
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
