import BenchmarkModel

/// Refuses to compare or pool callgrind and cachegrind counts of one benchmark.
///
/// The two tools count different start-up code: on the same `gzip -c` run, cachegrind's `Ir`
/// is 0.26 % above callgrind's (the fixtures' `./work`: 0.08 %; the issue saw ~0.6 %), a gap
/// larger than the noise of an instruction count (none) and as large as the regressions one looks
/// for. A callgrind file and a cachegrind file of one command are therefore not samples of one
/// series, in one label (runs) or across labels (base against head, or past runs); this check
/// throws `mixedTools` naming both files, instead of reporting the tool switch as a change.
public enum ValgrindToolCheck {
    /// Checks that every benchmark read from valgrind files in `labels` comes from one tool.
    ///
    /// - Throws: `mixedTools` at the first file whose tool differs from the tool the benchmark was
    ///   first read with.
    public static func check(_ labels: [LabelData]) throws(InputError) {
        var first: [String: (tool: String, file: String)] = [:]
        for label in labels {
            var tools: [String: String] = [:]
            for file in label.files
            where file.format == InputFormat.callgrind.rawValue || file.format == InputFormat.cachegrind.rawValue {
                tools[file.path] = file.format
            }
            guard !tools.isEmpty else { continue }
            for series in label.series {
                for run in series.runs {
                    guard let tool = tools[run.source.file] else { continue }
                    let key = series.benchmark.name
                    guard let seen = first[key] else {
                        first[key] = (tool, run.source.file)
                        continue
                    }
                    guard seen.tool == tool else {
                        throw InputError(
                            .mixedTools, at: SourceLocation(file: run.source.file),
                            "benchmark \"\(key.prefix(60))\" is \(tool) output here but \(seen.tool) output in "
                                + "\(seen.file); the two tools count different start-up code (their Ir totals of one "
                                + "command differ by a few tenths of a percent), so they are not samples of one "
                                + "series: measure every run with the same tool")
                    }
                }
            }
        }
    }
}
