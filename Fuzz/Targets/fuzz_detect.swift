// libFuzzer entry point for the detect loader (Fuzz/run.sh detect SECONDS).
import BenchmarkModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    // Format detection plus the loader it picks, as DatasetLoader does for a file.
    FuzzIngest.run(bytes, count) { (input, label, context) throws(InputError) in
        let (format, document) = try InputFormatDetector.detect(input)
        switch format {
        case .canonicalJSONLines:
            return try CanonicalJSONLinesLoader.load(FuzzIngest.lineReader(input), into: &label, context: &context)
        case .canonicalCSV:
            return try CanonicalCSVLoader.load(FuzzIngest.lineReader(input), into: &label, context: &context)
        case .goBenchmarkText:
            return try GoBenchmarkTextLoader.load(FuzzIngest.lineReader(input), into: &label, context: &context)
        case .callgrind, .cachegrind:
            return try ValgrindLoader.load(input, format: format, into: &label, context: &context)
        case .catch2XML, .bencherText:
            let text = try input.utf8Text()
            return format == .catch2XML
                ? try Catch2Loader.load(text, path: input.path, into: &label, context: &context)
                : try BencherTextLoader.load(text, path: input.path, into: &label, context: &context)
        case .googleBenchmarkJSON, .hyperfineJSON, .pytestBenchmarkJSON, .pyperfJSON, .criterionDirectory,
            .bencherMetricFormat, .githubActionBenchmark:
            guard let document else { return FileMetadata(path: input.path, format: format.rawValue, entries: []) }
            switch format {
            case .googleBenchmarkJSON:
                return try GoogleBenchmarkLoader.load(document, path: input.path, into: &label, context: &context)
            case .hyperfineJSON:
                return try HyperfineLoader.load(document, path: input.path, into: &label, context: &context)
            case .pytestBenchmarkJSON:
                return try PytestBenchmarkLoader.load(document, path: input.path, into: &label, context: &context)
            case .pyperfJSON:
                return try PyperfLoader.load(document, path: input.path, into: &label, context: &context)
            case .bencherMetricFormat:
                return try BencherMetricFormatLoader.load(document, path: input.path, into: &label, context: &context)
            case .githubActionBenchmark:
                return try GitHubActionBenchmarkLoader.load(
                    document, path: input.path, into: &label, context: &context)
            case .canonicalJSONLines, .canonicalCSV, .goBenchmarkText, .callgrind, .cachegrind, .criterionDirectory,
                .catch2XML, .bencherText:
                // Handled by the outer switch.
                return FileMetadata(path: input.path, format: format.rawValue, entries: [])
            }
        }
    }
    return 0
}
