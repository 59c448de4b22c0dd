import BenchmarkModel

/// The merge gate (DESIGN.md, "Gate"): fails when any benchmark is a regression; with `strict`
/// also when any is inconclusive.
enum Gate {
    static func evaluate(_ comparisons: [Comparison], strict: Bool) -> GateResult {
        let regressions = comparisons.filter { $0.verdict == .regression }
        let inconclusive = comparisons.filter { $0.verdict == .inconclusive }
        var reasons: [String] = []
        if !regressions.isEmpty {
            reasons.append("\(regressions.count) regression(s): " + names(regressions))
        }
        if strict, !inconclusive.isEmpty {
            reasons.append("\(inconclusive.count) inconclusive comparison(s) under --strict: " + names(inconclusive))
        }
        if reasons.isEmpty {
            let note = inconclusive.isEmpty ? "" : " (\(inconclusive.count) inconclusive; --strict would fail)"
            return GateResult(verdict: .pass, reasons: ["no regressions" + note])
        }
        return GateResult(verdict: .fail, reasons: reasons)
    }

    private static func names(_ comparisons: [Comparison]) -> String {
        let shown = comparisons.prefix(10).map { "\($0.benchmark.name) (\($0.unit.baseUnit))" }
        let more = comparisons.count > 10 ? ", and \(comparisons.count - 10) more" : ""
        return shown.joined(separator: ", ") + more
    }
}
