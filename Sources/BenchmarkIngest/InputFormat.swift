import BenchmarkModel

/// The input formats benchstat reads, detected from content.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// benchstat's canonical JSON Lines: one sample per line (DESIGN.md).
    case canonicalJSONLines = "jsonl"
    /// The canonical columns as CSV with a header line.
    case canonicalCSV = "csv"
    /// Go's benchmark text format (`BenchmarkX 10 123 ns/op`, `key: value` configuration lines).
    case goBenchmarkText = "go"
    /// Google Benchmark's `--benchmark_format=json`.
    case googleBenchmarkJSON = "google-benchmark"
    /// hyperfine's `--export-json`.
    case hyperfineJSON = "hyperfine"
    /// A criterion.rs `target/criterion` directory.
    case criterionDirectory = "criterion"
    /// pytest-benchmark's `--benchmark-json`.
    case pytestBenchmarkJSON = "pytest-benchmark"
    /// pyperf's JSON.
    case pyperfJSON = "pyperf"
    /// valgrind callgrind output (`callgrind.out.*`).
    case callgrind = "callgrind"
    /// valgrind cachegrind output (`cachegrind.out.*`).
    case cachegrind = "cachegrind"
    /// Catch2's XML reporter (`-r xml`) with `BENCHMARK` results.
    case catch2XML = "catch2"
    /// libtest's and criterion.rs's `--output-format bencher` text
    /// (`test NAME ... bench: 1,234 ns/iter (+/- 56)`).
    case bencherText = "bencher"
    /// The Bencher Metric Format JSON (`{"NAME": {"latency": {"value": …}}}`).
    case bencherMetricFormat = "bmf"
    /// github-action-benchmark's history: `data.js` (`window.BENCHMARK_DATA = {…}`) or its
    /// `benchmark-data.json`.
    case githubActionBenchmark = "github-action-benchmark"
}

extension InputFormat {
    /// The format as a user knows it, with the tool's flag that writes it (`analyze --help` lists
    /// every format through this exhaustive switch, so a new format cannot be left out).
    public var helpName: String {
        switch self {
        case .canonicalJSONLines: "canonical JSON Lines (one sample per line)"
        case .canonicalCSV: "canonical CSV (the same columns, a header line)"
        case .goBenchmarkText: "Go benchmark text (go test -bench, -count N)"
        case .googleBenchmarkJSON: "Google Benchmark JSON (--benchmark_format=json)"
        case .hyperfineJSON: "hyperfine --export-json"
        case .criterionDirectory: "criterion.rs target/criterion directories"
        case .pytestBenchmarkJSON: "pytest-benchmark --benchmark-json"
        case .pyperfJSON: "pyperf JSON"
        case .callgrind: "callgrind output (callgrind.out.*)"
        case .cachegrind: "cachegrind output (cachegrind.out.*)"
        case .catch2XML: "Catch2 XML reporter (-r xml) with BENCHMARK results"
        case .bencherText: "libtest / criterion --output-format bencher text"
        case .bencherMetricFormat: "Bencher Metric Format JSON"
        case .githubActionBenchmark: "github-action-benchmark data.js / benchmark-data.json"
        }
    }

    /// How a file of this format is read: the one exhaustive map from a format to its loader
    /// (`DatasetLoader` switches on it; a new format that is not added here does not compile).
    var reading: FormatReading {
        switch self {
        case .canonicalJSONLines: .lines(.canonicalJSONLines)
        case .canonicalCSV: .lines(.canonicalCSV)
        case .goBenchmarkText: .lines(.goBenchmarkText)
        case .googleBenchmarkJSON: .document(.googleBenchmark)
        case .hyperfineJSON: .document(.hyperfine)
        case .pytestBenchmarkJSON: .document(.pytestBenchmark)
        case .pyperfJSON: .document(.pyperf)
        case .callgrind, .cachegrind: .valgrind
        case .criterionDirectory: .criterionDirectory
        case .catch2XML: .text(.catch2XML)
        case .bencherText: .text(.bencherText)
        case .bencherMetricFormat: .document(.bencherMetricFormat)
        case .githubActionBenchmark: .document(.githubActionBenchmark)
        }
    }

    /// Whether files of this format can be streamed line by line.
    var isLineBased: Bool {
        if case .lines = reading { return true }
        return false
    }
}

/// How `DatasetLoader` reads one format.
enum FormatReading {
    /// Streamed through a `LineReader`.
    case lines(LineFormat)
    /// Parsed as one JSON document.
    case document(DocumentFormat)
    /// A valgrind callgrind/cachegrind output file.
    case valgrind
    /// A criterion.rs directory tree.
    case criterionDirectory
    /// Read whole and decoded as UTF-8 text.
    case text(TextFormat)
}

/// The formats read line by line.
enum LineFormat {
    case canonicalJSONLines
    case canonicalCSV
    case goBenchmarkText
}

/// The formats read as one JSON document.
enum DocumentFormat {
    case googleBenchmark
    case hyperfine
    case pytestBenchmark
    case pyperf
    case bencherMetricFormat
    case githubActionBenchmark
}

/// The formats read whole as text.
enum TextFormat {
    case catch2XML
    case bencherText
}
