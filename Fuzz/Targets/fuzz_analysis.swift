// libFuzzer entry point for the analysis and every report renderer on arbitrary sample arrays
// (Fuzz/run.sh analysis SECONDS). The bytes choose the options, then up to four benchmarks, each
// with up to three runs per side, whose samples are taken from the input as raw doubles, small
// integers (ties, identical samples) or tiny/huge magnitudes. Samples always satisfy the model's
// contract (what the loaders guarantee): finite, > 0, or ≥ 0 for units that allow zero.
import BenchmarkAnalysis
import BenchmarkModel
import BenchmarkReports
import Foundation

private struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var isAtEnd: Bool { position >= bytes.count }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func double() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
        return Double(bitPattern: bits)
    }

    /// One sample in `unit`: never NaN, infinite or negative; zero only when the unit allows it.
    mutating func sample(allowsZero: Bool) -> Double {
        let selector = byte()
        var value: Double
        switch selector % 4 {
        case 0: value = Double(byte() % 8 + 1)
        case 1: value = 1000 + Double(byte()) / 16
        case 2: value = abs(double())
        default: value = [5e-324, 1e-300, 1e300, Double.greatestFiniteMagnitude, 0][Int(byte() % 5)]
        }
        if !value.isFinite { value = Double.greatestFiniteMagnitude }
        if value == 0, !allowsZero { value = 1 }
        return value
    }
}

/// Formats not to render, from `FUZZ_SKIP_FORMATS` (comma-separated), to fuzz past a known bug.
private let skippedFormats = Set(
    (ProcessInfo.processInfo.environment["FUZZ_SKIP_FORMATS"] ?? "").split(separator: ",").map(String.init))

private let units = ["ns", "instructions", "ops/s", "B", "allocs/op", "cycles"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    var reader = ByteReader(bytes: UnsafeBufferPointer(start: bytes, count: count))
    var options = AnalysisOptions()
    let flags = reader.byte()
    options.test = flags & 1 == 0 ? .welch : .mannWhitney
    options.correction = CorrectionMethod.allCases[Int(flags >> 1) % CorrectionMethod.allCases.count]
    options.strict = flags & 0x80 != 0
    options.alpha = [0.05, 0.01, 0.5, 1e-12][Int(flags >> 3) % 4]
    options.confidence = [0.95, 0.99, 0.5, 0.999999][Int(flags >> 5) % 4]
    let threshold = Double(reader.byte()) / 8
    for mode in MeasurementMode.allCases { options.thresholds.percentByMode[mode] = threshold }
    let benchmarkCount = Int(reader.byte() % 4) + 1
    var base: [BenchmarkSeries] = []
    var head: [BenchmarkSeries] = []
    var history: [[BenchmarkSeries]] = [[], [], []]
    for index in 0..<benchmarkCount {
        let unit = MeasurementUnit.parse(units[Int(reader.byte()) % units.count])
        let shape = reader.byte()
        func side(_ label: String, runs: Int) -> BenchmarkSeries {
            var list: [BenchmarkRun] = []
            for run in 0..<runs {
                let n = Int(reader.byte() % 12) + 1
                let values = (0..<n).map { _ in reader.sample(allowsZero: unit.allowsZero) * unit.scale }
                list.append(
                    BenchmarkRun(
                        id: "\(label)\(run)", values: values.map { $0.isFinite ? $0 : Double.greatestFiniteMagnitude },
                        source: SourceLocation(file: label, line: index + 1)))
            }
            return BenchmarkSeries(
                benchmark: BenchmarkIdentity(name: "b\(index)"), unit: unit, mode: unit.impliedMode ?? .walltime,
                runs: list)
        }
        if shape & 3 != 3 { base.append(side("base", runs: Int(shape >> 2) % 3 + 1)) }
        if shape & 3 != 2 { head.append(side("head", runs: Int(shape >> 4) % 3 + 1)) }
        if shape & 0x40 != 0 {
            for run in 0..<3 { history[run].append(side("h\(run)", runs: 1)) }
        }
    }
    let dataset = Dataset(
        labels: [
            LabelData(label: "base", series: base, files: []), LabelData(label: "head", series: head, files: []),
        ], warnings: [])
    let pastRuns =
        history[0].isEmpty
        ? nil : history.enumerated().map { LabelData(label: "h\($0.offset)", series: $0.element, files: []) }
    do {
        let result = try Analyzer.analyze(dataset: dataset, history: pastRuns, options: options)
        for comparison in result.comparisons {
            if let p = comparison.pValue, !(p >= 0 && p <= 1) { fatalError("p-value \(p) outside [0, 1]") }
        }
        for format in ReportFormat.allCases where !skippedFormats.contains(format.rawValue) {
            _ = format.render(ReportInput(result: result))
        }
    } catch {
        _ = error.description
    }
    return 0
}
