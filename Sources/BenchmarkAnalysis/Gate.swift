import BenchmarkModel

/// The merge gate (DESIGN.md, "Gate"): fails when any benchmark is a regression; with `strict`
/// also when any is inconclusive.
enum Gate {
    static func evaluate(_ comparisons: [Comparison], strict: Bool) -> GateResult {
        // Counted and named in one pass, without filtered copies of the (large) comparisons.
        var regressions = Named()
        var inconclusive = Named()
        for comparison in comparisons {
            switch comparison.verdict {
            case .regression: regressions.add(comparison)
            case .inconclusive: inconclusive.add(comparison)
            case .improvement, .noise, .missing: break
            }
        }
        var reasons: [String] = []
        if regressions.count > 0 {
            reasons.append("\(regressions.count) regression(s): " + regressions.text)
        }
        if strict, inconclusive.count > 0 {
            reasons.append("\(inconclusive.count) inconclusive comparison(s) under --strict: " + inconclusive.text)
        }
        if reasons.isEmpty {
            let note = inconclusive.count == 0 ? "" : " (\(inconclusive.count) inconclusive; --strict would fail)"
            return GateResult(verdict: .pass, reasons: ["no regressions" + note])
        }
        return GateResult(verdict: .fail, reasons: reasons)
    }

    /// How many comparisons have a verdict, and the first ten of them by name and unit.
    private struct Named {
        static let shownLimit = 10
        private(set) var count = 0
        private var shown: [String] = []

        mutating func add(_ comparison: Comparison) {
            count += 1
            if shown.count < Self.shownLimit {
                shown.append("\(comparison.benchmark.name) (\(comparison.unit.baseUnit))")
            }
        }

        var text: String {
            let more = count > Self.shownLimit ? ", and \(count - Self.shownLimit) more" : ""
            return shown.joined(separator: ", ") + more
        }
    }
}
