import BenchmarkAnalysis
import BenchmarkModel
import Foundation

/// The JSON report, whose contract is `docs/benchstat.schema.json` (DESIGN.md sketches it), written by hand so that the key order and the
/// bytes are stable: `schemaVersion`, `gate`, `comparisons`, `summary`. Numbers that do not exist
/// are `null`, never NaN; doubles use Swift's shortest round-trip representation.
enum JSONReport {
    static func render(_ input: ReportInput) -> String { String(decoding: renderUTF8(input), as: UTF8.self) }

    /// The report as UTF-8 bytes, without the copy into a `String`.
    static func renderUTF8(_ input: ReportInput) -> [UInt8] {
        let result = input.result
        let w = JSONWriter()
        w.reserve(1024 + 1024 * result.comparisons.count)
        w.object {
            w.field("schemaVersion") { w.number(1) }
            w.field("base") { w.string(result.baseLabel) }
            w.field("heads") { w.array(result.headLabels) { w.string($0) } }
            w.field("gate") {
                w.object {
                    w.field("verdict") { w.string(result.gate.verdict.rawValue) }
                    w.field("reasons") { w.array(ReasonText.gateReasons(result)) { w.string($0) } }
                }
            }
            w.field("options") {
                w.object {
                    w.field("test") { w.string(result.options.test.rawValue) }
                    w.field("correction") { w.string(result.options.correction.rawValue) }
                    w.field("alpha") { w.number(result.options.alpha) }
                    w.field("confidence") { w.number(result.options.confidence) }
                    w.field("strict") { w.bool(result.options.strict) }
                    w.field("thresholds") {
                        w.object {
                            for mode in MeasurementMode.allCases {
                                w.field(mode.rawValue) { w.number(result.options.thresholds.percentByMode[mode]) }
                            }
                        }
                    }
                }
            }
            w.field("comparisons") { w.array(result.comparisons) { comparison($0, w) } }
            w.field("summary") { summary(result, w) }
            w.field("warnings") { w.array(result.warnings) { w.string(ReasonText.warning($0)) } }
        }
        w.newline()
        return w.bytes
    }

    static func comparison(_ c: Comparison, _ w: JSONWriter) {
        w.object {
            w.field("benchmark") { w.string(c.benchmark.name) }
            w.field("head") { w.string(c.headLabel) }
            w.field("mode") { w.string(c.mode.rawValue) }
            w.field("unit") { w.string(c.unit.baseUnit) }
            w.field("unitWritten") { w.string(c.unit.written) }
            w.field("direction") { w.string(c.unit.direction.rawValue) }
            w.field("baseSide") { side(c.base, w) }
            w.field("headSide") { side(c.head, w) }
            w.field("change") {
                if let change = c.change {
                    w.object {
                        w.field("percent") { w.number(change.percent) }
                        w.field("ci") { interval(change.interval, w) }
                    }
                } else {
                    w.null()
                }
            }
            w.field("pValue") { w.number(c.pValue) }
            w.field("pAdjusted") { w.number(c.pAdjusted) }
            w.field("test") { w.string(c.method.rawValue) }
            w.field("noise") { w.string(c.noise.rawValue) }
            w.field("noisePercent") { w.number(c.noisePercent) }
            var degreesOfFreedom: Double?
            var standardError: Double?
            if case .studentT(_, let error, let df) = c.evidence {
                degreesOfFreedom = df
                standardError = error
            }
            w.field("degreesOfFreedom") { w.number(degreesOfFreedom) }
            w.field("standardError") { w.number(standardError) }
            w.field("priorDegreesOfFreedom") { w.number(c.priorDegreesOfFreedom) }
            w.field("thresholdPercent") { w.number(c.thresholdPercent) }
            w.field("samplesNeeded") { w.number(c.samplesNeeded.map(Double.init)) }
            w.field("nonInferiorityShown") {
                if let shown = c.nonInferiorityShown { w.bool(shown) } else { w.null() }
            }
            w.field("verdict") { w.string(c.verdict.rawValue) }
            w.field("reason") { w.string(ReasonText.reason(of: c)) }
            w.field("notes") { w.array(c.notes) { w.string(ReasonText.note($0)) } }
            // Only under --row: the values of its keys (the flat list stays the contract).
            if !c.group.isEmpty {
                w.field("group") {
                    w.array(c.group) { pair in
                        w.object {
                            w.field("key") { w.string(pair.key) }
                            w.field("value") { w.string(pair.value) }
                        }
                    }
                }
            }
        }
    }

    static func side(_ s: SideSummary?, _ w: JSONWriter) {
        guard let s else {
            w.null()
            return
        }
        w.object {
            w.field("label") { w.string(s.label) }
            w.field("n") { w.number(Double(s.count)) }
            w.field("runs") { w.number(Double(s.runs)) }
            w.field("center") { w.number(s.centre) }
            w.field("ci") { interval(s.centreInterval, w) }
            w.field("spreadPercent") { w.number(s.spreadPercent) }
            w.field("outliers") { w.number(Double(s.outliers)) }
            w.field("min") { w.number(s.range.lowerBound) }
            w.field("max") { w.number(s.range.upperBound) }
        }
    }

    static func interval(_ range: ClosedRange<Double>?, _ w: JSONWriter) {
        guard let range else {
            w.null()
            return
        }
        w.array([range.lowerBound, range.upperBound]) { w.number($0) }
    }

    static func summary(_ result: AnalysisResult, _ w: JSONWriter) {
        // DESIGN.md's `summary` is one object; with several head labels, the first is `summary`
        // itself and every label's is listed under `byHead`.
        func one(_ s: SuiteSummary, _ w: JSONWriter) {
            w.object {
                w.field("head") { w.string(s.headLabel) }
                w.field("geomean") {
                    if let g = s.geomean {
                        w.object {
                            w.field("percent") { w.number(g.percent) }
                            w.field("ci") { interval(g.interval, w) }
                            w.field("n") { w.number(Double(s.geomeanCount)) }
                        }
                    } else {
                        w.null()
                    }
                }
                w.field("counts") {
                    w.object {
                        for verdict in Verdict.allCases {
                            w.field(verdict.rawValue) { w.number(Double(s.counts[verdict] ?? 0)) }
                        }
                    }
                }
                w.field("environmentDifferences") {
                    w.array(s.environmentDifferences) { w.string(ReasonText.environment($0)) }
                }
            }
        }
        w.object {
            if let first = result.summaries.first {
                w.field("geomean") {
                    if let g = first.geomean {
                        w.object {
                            w.field("percent") { w.number(g.percent) }
                            w.field("ci") { interval(g.interval, w) }
                        }
                    } else {
                        w.null()
                    }
                }
            }
            w.field("counts") {
                w.object {
                    for verdict in Verdict.allCases {
                        let total = result.summaries.reduce(0) { $0 + ($1.counts[verdict] ?? 0) }
                        w.field(verdict.rawValue) { w.number(Double(total)) }
                    }
                }
            }
            w.field("historyRuns") { w.number(result.historyRuns.map(Double.init)) }
            w.field("byHead") { w.array(result.summaries) { one($0, w) } }
        }
    }
}
